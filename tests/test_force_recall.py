"""Spec for forces named in ways the gazetteer's spellings alone miss:
a weak spelling backed by the word before it or by a force beside it
(archive/force_weak.py, fixtures/force_cues.json, scripts/build_force_cues.py).

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
import json
from pathlib import Path

from archive.alias_index import AliasIndex
from archive.arabic import fold
from archive.force_weak import cues

from tests.test_force_context import forces, world  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent


# -- a weak spelling, backed ---------------------------------------------------

def test_a_weak_spelling_after_a_word_the_news_writes_before_forces_is_the_force(world):
    body = "قال المتحدث إن الاشتباكات مع فلول القاعدة في درنة لا تزال مستمرة في بعض الأزقة."
    assert "al-qaeda" in forces("اشتباكات في درنة", body)


def test_a_weak_spelling_coordinated_with_a_named_force_is_the_force(world):
    body = "قال إن الجماعات المسلحة المرتبطة بتنظيمي داعش والقاعدة تستخدم الصحراء ملاذا."
    assert "al-qaeda" in forces("الصحراء", body)
    body = 'وشبه ذلك بسلوك تنظيمي (القاعدة) و(داعش) الإرهابيين.'
    assert "al-qaeda" in forces("الجامعات", body)


def test_a_weak_spelling_alone_is_still_an_ordinary_word(world):
    # A base, a rule: nothing says an armed group is meant.
    assert "al-qaeda" not in forces("القاعدة", "وصل الوزير إلى القاعدة وتفقد المطار. "
                                                 "وأكد أن القاعدة تنطبق على الجميع.")


def test_a_weak_spelling_with_an_adjective_after_it_is_the_ordinary_word(world):
    # "مقاتلي" is a cue, but "القاعدة الجوية" is an air base.
    assert "al-qaeda" not in forces("غارات", "قصفت طائرات داعش والقاعدة الجوية في المدينة.")
    assert "al-qaeda" not in forces("غارات", "هاجم مسلحو القاعدة العسكرية في الصحراء.")


def test_a_weak_spelling_beside_a_non_force_is_not_backed(world):
    assert "al-qaeda" not in forces("الحدود", "زار الوزير الموصل والقاعدة في الصحراء.")


def test_the_index_keeps_weak_spellings_only_when_asked():
    index = AliasIndex([("force", 1, ["تنظيم القاعدة", "~القاعدة"]), ("place", 2, ["درنة"])])
    text = "فلول القاعدة في درنة"
    assert [m.pk for m in index.find(text)] == [2]
    kept = index.find(text, keep_weak=True)
    assert [m.pk for m in kept] == [1, 2]
    assert [m.pk for m in index.without_weak(kept)] == [2]


def test_the_cue_words_are_counted_not_chosen():
    data = json.loads((ROOT / "fixtures" / "force_cues.json").read_text(encoding="utf-8"))
    # Only words and two counts each, every word above both thresholds.
    for word, (before, total) in data["cues"].items():
        assert word.isalpha() and before >= data["min_before"] and before >= data["min_share"] * total
    for word in ("مقاتلي", "معاقل", "فلول", "عناصر"):
        assert fold(word) in cues()
    for word in ("في", "من", "مع", "قال"):
        assert fold(word) not in cues()


# -- a leader's followers ------------------------------------------------------

def test_forces_loyal_to_a_leader_are_his_forces(world):
    body = "قصفت جماعة الحوثي والقوات الموالية للرئيس السابق علي عبد الله صالح مدينة عدن."
    assert "saleh-loyalists" in forces("عدن", body)
    body = "خلت أبين من المليشيات الحوثية والقوات الموالية للمخلوع صالح."
    assert "saleh-loyalists" in forces("أبين", body)
    body = "حتى لو كان الهجوم من قوات موالية للرئيس السوري بشار الأسد."
    assert "syrian-army" in forces("هجوم", body)


def test_a_leaders_partisans_are_his_forces(world):
    assert "saleh-loyalists" in forces("عدن", "هزيمة الحوثيين وأنصار المخلوع في عدن.")
    assert "saleh-loyalists" in forces("مأرب", "تلقى الحوثيون وأنصار الرئيس السابق علي عبدالله صالح ضربات.")


def test_followers_of_someone_who_leads_no_force_name_none(world):
    assert forces("انتخابات", "احتفل أنصار المرشح في الشوارع، والقوات الموالية للحكومة في ثكناتها.") \
        <= {"yemeni-army"}
    assert forces("الدوري", "احتفل أنصار النادي بالفوز.") == set()


# -- spellings by the rules of the language -----------------------------------

def test_the_other_word_for_a_coalition_and_an_indefinite_coalition_are_spellings(world):
    assert "international-coalition" in forces("غارات", "تزامنت الاشتباكات مع غارات نفذها الائتلاف الدولي.")
    body = "طرد داعش العام الماضي على يد قوات عراقية مدعومة من تحالف تقوده الولايات المتحدة."
    assert "international-coalition" in forces("الموصل", body)


def test_the_variant_rules():
    from scripts.build_force_variants import candidates

    assert candidates("التحالف الذي تقوده الولايات المتحدة") == {
        "الائتلاف الذي تقوده الولايات المتحدة", "تحالف تقوده الولايات المتحدة",
        "ائتلاف تقوده الولايات المتحدة"}
    assert "تحالف بقيادة السعودية" in candidates("التحالف بقيادة السعودية")
    # A proper name keeps its article; an adjective after the head makes no indefinite form.
    assert candidates("القاعدة في العراق") == set()
    assert candidates("التحالف الدولي") == {"الائتلاف الدولي"}
    assert candidates("Global Coalition") == set()


# -- the state that leads a coalition ------------------------------------------

def places(title, body):
    from archive.gazetteer import get_alias_index
    from archive.models import Place
    from archive.tagging import tag

    return {Place.objects.get(pk=pk).slug for pk in tag(title, body, get_alias_index()).places}


def test_the_state_a_coalitions_name_says_leads_it_is_a_place(world):
    found = places("الحديدة", "أطلق التحالف بقيادة السعودية هجوما على مدينة الحديدة.")
    assert "saudi-arabia" in found
    assert "saudi-led-coalition" in forces("الحديدة", "أطلق التحالف بقيادة السعودية هجوما على مدينة الحديدة.")


def test_a_place_inside_a_forces_name_is_not_a_place(world):
    assert "syria" not in places("الرقة", "تقدمت قوات سوريا الديمقراطية.")


def test_partisans_are_a_force_only_beside_one(world):
    assert forces("مصر", "سارع أنصار النظام السابق بالدعوة إلى التظاهر.") == set()


def test_a_states_soldiers_by_the_plural_of_its_adjective():
    from scripts.build_force_variants import soldiers

    assert soldiers("القوات الأمريكية") >= {"الجنود الأمريكيين", "جنود أمريكيين", "جنود أمريكيون",
                                             "العسكريين الأمريكيين"}
    assert soldiers("الجيش الإسرائيلي") >= {"جنود إسرائيليين"}
    assert soldiers("قوات الحشد") == set() and soldiers("القوات المسلحة السورية") == set()


def test_soldiers_of_a_state_name_its_forces(world):
    assert "us-forces" in forces("أفغانستان", "أدين بالمشاركة في هجوم على جنود أميركيين في أفغانستان.")
    assert "israeli-army" in forces("غزة", "أطلق جنود إسرائيليون النار على صبي فلسطيني.")



def test_a_region_named_by_its_country_names_the_country_too(world):
    found = places("عفرين", "شنت تركيا هجوما على عفرين في شمال سوريا.")
    assert {"northern-syria", "syria"} <= found
    # A region that does not name its country names only itself.
    assert "syria" not in places("الفرات", "تقدمت القوات في شرق الفرات.")


def test_a_country_inside_a_region_does_not_vote_twice(world):
    # Four Turkish places and "شمال العراق": 4 of 5 votes are Turkey's (4 of 6,
    # short of the share, if "العراق" inside the region voted again).
    body = "قال مسؤول في تركيا إن تركيا وتركيا وتركيا أرسلت الجيش إلى شمال العراق."
    assert "turkish-forces" in forces("تركيا", body)


def test_a_preposition_after_a_generic_phrase_is_no_longer_name(world):
    # "إلى" folds to "الي": it begins with ال but names nothing.
    assert "iraqi-army" in forces("العراق", "قال مسؤول في العراق إن العراق أرسل الجيش إلى الموصل.")
