"""Spec for a state's armed services named by its adjective: "البحرية
الأمريكية", "سلاح الجو المصري", "القوات البحرية المصرية" name the state's
forces (scripts/build_state_forces.py writes the phrases the corpus uses),
"الحدود البحرية الليبية" does not (archive/force_weak.py), and the heads that
are civil as often ("الطيران القطري": an airline) give weak spellings only.

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
import json
from pathlib import Path

from archive.arabic import fold
from scripts.build_state_forces import add_indefinite_forms, is_service, phrases, service_phrases

from tests.test_force_context import forces, world  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent


# -- the phrases, by the rules of the language --------------------------------

def test_every_service_takes_the_adjective_in_its_agreement():
    made = set(service_phrases("مصري"))
    assert {"سلاح الجو المصري", "الدفاع الجوي المصري", "الطيران الحربي المصري",
            "البحرية المصرية", "القوات البحرية المصرية", "القوات الجوية المصرية",
            "القوات الخاصة المصرية", "المقاتلات المصرية"} <= made
    assert set(service_phrases("مصري")) <= set(phrases("مصر", "مصري"))
    assert is_service("البحرية المصرية") and is_service("سلاح الجو المصري")
    assert not is_service("الجيش المصري") and not is_service("القوات المصرية")


def _force(pk, slug, *names):
    return {"model": "archive.force", "pk": pk,
            "fields": {"slug": slug, "name": names[0], "aliases": list(names[1:])}}


def test_a_hand_made_state_gets_its_services_on_its_army_not_on_another_arm():
    army = _force(1, "iraqi-army", "الجيش العراقي", "القوات العراقية")
    air = _force(2, "iraqi-air-force", "القوات الجوية العراقية", "سلاح الجو العراقي", "الطيران العراقي")
    forms = {fold(p): p for p in ["الجيش العراقي", "القوات العراقية", "القوات الجوية العراقية",
                            "سلاح الجو العراقي", "الطيران العراقي", "البحرية العراقية",
                            "القوات الخاصة العراقية"]}
    counts = {k: 10 for k in forms}
    added = add_indefinite_forms([army, air], {"iraq": ("Iraq", forms)}, counts)
    assert sorted(added) == [("iraqi-army", "البحرية العراقية"), ("iraqi-army", "القوات الخاصة العراقية")]
    assert air["fields"]["aliases"] == ["سلاح الجو العراقي", "الطيران العراقي"]


def test_a_side_of_a_civil_war_named_by_the_states_adjective_gets_no_navy():
    # Libya's "الجيش الليبي" is the LNA's; the Libyan navy is Tripoli's.
    lna = _force(1, "libyan-national-army", "الجيش الوطني الليبي", "الجيش الليبي")
    forms = {fold(p): p for p in ["الجيش الليبي", "البحرية الليبية", "سلاح الجو الليبي"]}
    assert add_indefinite_forms([lna], {"libya": ("Libya", forms)}, {k: 10 for k in forms}) == []


def test_the_army_name_its_author_left_out_is_not_added():
    # "القوات اللبنانية" is a party; the entry's author wrote "الجيش اللبناني".
    army = _force(1, "lebanese-army", "الجيش اللبناني")
    forms = {fold(p): p for p in ["الجيش اللبناني", "القوات اللبنانية"]}
    assert add_indefinite_forms([army], {"lebanon": ("Lebanon", forms)}, {p: 80 for p in forms}) == []


def test_the_written_phrases_are_in_the_gazetteer_under_the_states_force():
    rows = json.loads((ROOT / "fixtures" / "gazetteer.json").read_text(encoding="utf-8"))
    by_slug = {r["fields"]["slug"]: r["fields"] for r in rows if r["model"] == "archive.force"}
    assert "البحرية الأمريكية" in by_slug["us-forces"]["aliases"]
    assert "سلاح الجو المصري" in by_slug["egyptian-army"]["aliases"]
    # Civil as often: weak.
    assert "~الطيران القطري" in by_slug["qatar-armed-forces"]["aliases"]


# -- tagging -------------------------------------------------------------------

def test_a_states_navy_and_air_force_name_its_forces(world):
    assert "us-forces" in forces("الخليج", "أعلنت البحرية الأميركية أن سفينة حربية اعترضت زورقا.")
    assert "egyptian-army" in forces("عدن", "طلب الرئيس زيارة القوات البحرية المصرية إلى عدن.")
    assert "egyptian-army" in forces("سيناء", "شن سلاح الجو المصري غارات على مواقع المسلحين.")


def test_naval_after_a_definite_noun_describes_it(world):
    assert "libyan-national-army" not in forces("ليبيا", "وكانت الحدود البحرية الليبية مغلقة أمام السفن.")
    # Not after a word without the article: the marines of the US Navy.
    assert "us-forces" in forces("واشنطن", "وقال قائد مشاة البحرية الأمريكية إن الوضع هادئ.")


def test_an_airline_is_not_the_air_force(world):
    assert "qatar-armed-forces" not in forces("الدوحة", "قالت شركة الطيران القطري إن رحلاتها مستمرة.")
    assert "qatar-armed-forces" not in forces("الحصار", "أغلقت الدول أجواءها أمام الطائرات القطرية.")


def test_two_states_under_one_definite_head_are_both_named(world):
    # The second adjective takes the head's article back; its spelling is a
    # weak one (الطائرات), backed by the coordination.
    found = forces("الرقة", "قامت الطائرات الأمريكية والبريطانية بقصف مواقع التنظيم.")
    assert {"us-forces", "british-forces"} <= found


def test_a_states_artillery_general_staff_and_warplanes_name_its_forces(world):
    assert "turkish-forces" in forces("عفرين", "قصفت المدفعية التركية مواقع الوحدات الكردية.")
    assert "turkish-forces" in forces("عفرين", "أعلنت رئاسة الأركان التركية مقتل جنديين.")
    assert {"russian-forces", "turkish-forces"} <= forces("الباب", "شاركت مقاتلات روسية وتركية في الغارات.")
