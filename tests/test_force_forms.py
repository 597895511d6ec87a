"""Spec for the short and construct forms of the forces (fixtures/gazetteer.json)
that Arabic news uses once the full name is known, and the Yemeni war's
forces the same outlets report. Sentences are written for these tests."""
import json
from pathlib import Path

import pytest

from archive.gazetteer import AliasIndex
from archive.tagging import tag

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer.json"


@pytest.fixture(scope="module")
def index():
    entries, slugs = [], {}
    for record in json.loads(GAZETTEER.read_text(encoding="utf-8")):
        if record["model"] == "archive.force":
            f = record["fields"]
            entries.append(("force", record["pk"], [f["name"], f["name_en"], *f.get("aliases", [])]))
            slugs[record["pk"]] = f["slug"]
    built = AliasIndex(entries)
    built.slugs = slugs
    return built


def forces(index, text):
    return [index.slugs[pk] for pk in tag("", text, index).forces]


@pytest.mark.parametrize("text, slug", [
    ("وأعلنت هيئة الحشد مقتل ثلاثة من مقاتليها.", "popular-mobilization-forces"),
    ("وتقدمت قوات الحشد نحو الحدود.", "popular-mobilization-forces"),
    ("واشتبك مقاتلو الحشد مع عناصر التنظيم.", "popular-mobilization-forces"),
    ("وسيطرت قوات الجيش السوري الحر على القرية.", "free-syrian-army"),
    ("وانسحبت فصائل الجيش الحر من المنطقة.", "free-syrian-army"),
    ("وقالت وحدات الحماية الكردية إنها صدت الهجوم.", "ypg"),
    ("وتقدمت قوات المقاومة الشعبية في عدن.", "yemen-popular-resistance"),
    ("وقصفت ميليشيات الحوثي وقوات صالح الأحياء السكنية.", "saleh-loyalists"),
    ("وشنت مقاتلات التحالف الذي تقوده السعودية غارات على صنعاء.", "saudi-led-coalition"),
    ("وقالت حركة المقاومة الإسلامية إن القرار خطير.", "qassam-brigades"),
    ("واستعاد مسلحي المعارضة السيطرة على التلة.", "syrian-armed-opposition"),
])
def test_short_and_construct_forms_tag_the_force(index, text, slug):
    assert slug in forces(index, text)


def test_the_weak_short_forms_count_only_beside_a_strong_one(index):
    assert forces(index, "وشهدت المدينة الحشد الأكبر من المتظاهرين.") == []
    assert forces(index, "وأعلن الحشد الشعبي النفير. وقال الحشد إن العملية بدأت.") == ["popular-mobilization-forces"]


@pytest.mark.parametrize("text, slug", [
    ("وأعلن تنظيم ولاية سيناء مسؤوليته عن الهجوم.", "isis"),
    ("وقاتلت قوات النخبة السورية إلى جانب قسد في الرقة.", "syrian-elite-forces"),
    ("وتدرب الولايات المتحدة جيش مغاوير الثورة في التنف.", "maghawir-al-thawra"),
    ("واتهمت أنقرة حزب الاتحاد الديمقراطي بالإرهاب.", "pyd"),
    ("وانسحبت وحدات مقاومة سنجار من المدينة.", "sinjar-resistance-units"),
    ("وسيطرت فصائل درع الفرات على الباب.", "syrian-national-army"),
    ("وشنت جماعة بوكو حرام هجوما على قرية.", "boko-haram"),
])
def test_more_of_the_wars_armed_groups_are_tagged(index, text, slug):
    assert slug in forces(index, text)


def test_the_sufi_order_is_not_the_naqshbandi_army(index):
    assert forces(index, "وزار شيوخ الطريقة النقشبندية الضريح.") == []
