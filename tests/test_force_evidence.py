"""Spec for the forces an article names by what they are rather than whose:
the country weighed from places and named forces (archive/force_context.py,
archive/force_theatres.py, fixtures/force_theatres.json), the generic roles,
a country's adjective after the phrase (archive/nisba.py), forces named by
their leader with his titles (archive/force_leaders.py) and the state forms
scripts/build_state_forces.py writes.

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
import json
from pathlib import Path

import pytest

from archive.arabic import fold
from archive.force_theatres import theatres
from archive.nisba import adjectives, nisbas

from tests.test_force_context import forces, world  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent



# -- the country, weighed ------------------------------------------------------

def test_named_forces_say_where_the_article_is_when_its_places_do_not():
    # Counted from the corpus: the Houthis fight in Yemen, the Peshmerga in Iraq;
    # the international coalition (Iraq and Syria alike) has no one theatre.
    table = theatres()
    assert table["houthis"] == "yemen"
    assert table["peshmerga"] == "iraq"
    assert "international-coalition" not in table


def test_the_coalition_of_a_report_naming_only_yemens_forces_is_the_arab_coalition(world):
    # One border crossing the gazetteer lacks, and the Houthis and Saleh's forces.
    body = ("أحبطت القوات السعودية هجوما لميليشيات الحوثي وقوات المخلوع صالح على منفذ الطوال، "
            "وشارك طيران قوات التحالف في صد الهجوم.")
    assert "saudi-led-coalition" in forces("هجوم على الحدود", body)


def test_places_in_two_countries_that_give_the_same_force_name_it(world):
    # Iraq and Syria both: "قوات التحالف" is the international coalition in each.
    body = "قال الجيش الأمريكي إن قوات التحالف شنت غارات قرب تلعفر والرمادي في العراق والحسكة والرقة في سوريا."
    assert "international-coalition" in forces("غارات", body)


def test_two_countries_that_give_different_armies_still_name_none(world):
    assert forces("الحدود", "قال الجيش إن صاروخا أطلق من صعدة باتجاه جازان، "
                           "واعترضته الدفاعات فوق نجران بعد قصف على الحديدة.") == set()


# -- the roles ---------------------------------------------------------------------

def test_a_states_guard_is_its_own_force(world):
    assert "saudi-forces" in forces("نجران", "استشهد رقيب من الحرس الوطني بمقذوف في نجران، وقالت الرياض إن التحقيق جار.")
    # A law about a guard is no force.
    assert forces("بغداد", "ناقش البرلمان قانون الحرس الوطني في بغداد والأنبار.") == set()


def test_the_opposition_rebels_and_kurdish_forces_are_named_only_where_the_war_has_them(world):
    syria = "تقدمت قوات المعارضة في ريف حلب وإدلب، فيما هاجمت القوات الكردية مواقع قرب منبج والرقة."
    assert {"syrian-armed-opposition", "ypg"} <= forces("حلب", syria)
    assert "peshmerga" in forces("كركوك", "انتشرت القوات الكردية في كركوك وأربيل ومخمور.")
    yemen = "تصدت المقاومة لهجوم الميليشيات المتمردة في تعز ولحج، وتقدمت نحو عدن."
    assert {"yemen-popular-resistance", "houthis"} <= forces("تعز", yemen)
    # No country's army stands for an opposition the war there lacks.
    assert forces("القاهرة", "قالت قوات المعارضة في القاهرة والإسكندرية إنها ستتظاهر.") == set()


def test_a_countrys_adjective_after_the_phrase_names_that_country(world):
    # No Yemeni place at all: the adjective says whose.
    assert "yemeni-army" in forces("تقرير", "تتحرر مناطق عدة على يد القوات الموالية للحكومة اليمنية.")
    assert "tunisia-armed-forces" in forces("تعذيب", "اعتقله أفراد من الحرس الوطني التونسي في نابل.")
    assert "syrian-armed-opposition" in forces("تركيا", "استفادت قوات المعارضة السورية من الغارات على أنقرة.")


def test_forces_loyal_to_the_president_are_not_read_as_the_army():
    # Yemen's press writes it of Hadi's army and Saleh's forces alike.
    from archive.force_context import GENERIC
    assert all("للرءيس" not in fold(p) for p in GENERIC["loyal"])


# -- leaders ------------------------------------------------------------------------

@pytest.mark.parametrize("body, slug", [
    ("اشتبكت المقاومة مع الحوثيين وقوات الرئيس السابق علي عبدالله صالح في عدن.", "saleh-loyalists"),
    ("سيطرت قوات الرئيس السوري بشار الأسد على دوما.", "syrian-army"),
    ("تقدمت قوات المشير حفتر في درنة.", "libyan-national-army"),
])
def test_a_force_named_by_its_leader_with_his_titles_between(world, body, slug):
    assert slug in forces("معارك", body)


def test_a_named_force_is_not_read_again_as_a_leaders(world):
    assert forces("حلب", "تقدمت قوات الجيش السوري الحر في ريف حلب.") == {"free-syrian-army"}


# -- state forms -----------------------------------------------------------------------

def test_a_states_forces_without_the_article(world):
    assert "afghanistan-armed-forces" in forces("هجوم", "شن السوداني هجمات ضد قوات أفغانية في بكتيكا.")
    assert "turkish-forces" in forces("عفرين", "باتت عفرين تحت سيطرة قوات تركية وفصائل موالية لها.")
    # Not when the form begins another force's name.
    assert forces("الرقة", "تقدمت قوات سورية الديمقراطية في الرقة.") == {"syrian-democratic-forces"}


def test_an_adjective_that_is_also_a_word_names_the_army_only_beside_a_strong_name(world):
    assert "mali-armed-forces" in forces("باماكو", "قال الجيش المالي إن القوات المالية طوقت الفندق في باماكو.")
    assert "mali-armed-forces" not in forces("عدن", "وصل المهندسون المرافقون للقوات المالية للشرعية إلى عدن.")


def test_nisbas_by_the_rules_of_the_language():
    assert nisbas("مالي") == {"مالي"}
    assert nisbas("العراق") == {"عراقي"}
    assert nisbas("أفغانستان") == {"أفغانستاني", "أفغاني"}
    table = adjectives([("yemen", ["اليمن"]), ("mali", ["مالي"])])
    assert table[fold("اليمنية")] == "yemen" and table[fold("المالي")] == "mali"
    # A form two countries would give names neither.
    assert fold("الكوري") not in adjectives([("north-korea", ["كوريا"]), ("south-korea", ["كوريا"])])


def test_the_theatres_file_holds_only_slugs_and_counts():
    rows = json.loads((ROOT / "fixtures" / "force_theatres.json").read_text(encoding="utf-8"))
    for slug, row in rows.items():
        assert set(row) == {"country", "articles", "of"} and row["articles"] <= row["of"]


def test_the_occupier_in_a_report_on_palestine_is_israels_army_and_police(world):
    body = "اقتحمت قوات الاحتلال باحات المسجد الأقصى في القدس، واعتدت شرطة الاحتلال على المصلين في نابلس."
    assert {"israeli-army", "israel-police"} <= forces("القدس", body)
    # In a report on Syria the phrase names no one.
    assert "israeli-army" not in forces("عفرين", "قالت دمشق إن قوات الاحتلال في عفرين وإدلب وحلب تنهب المنازل.")


def test_security_forces_count_only_with_their_countrys_adjective(world):
    assert "jordanian-army" in forces("السلط", "وكانت قوات الأمن الأردنية قد اعتقلت ثلاثة في مدينة السلط.")
    assert forces("السلط", "وكانت قوات الأمن قد اعتقلت ثلاثة في مدينة السلط وعمان.") == set()


def test_an_indefinite_pair_under_one_head_names_both_states(world):
    body = "أشرف على هجمات ضد قوات أفغانية وباكستانية في بكتيكا."
    assert {"afghanistan-armed-forces", "pakistan-armed-forces"} <= forces("غارة", body)
    # Not a word after another head noun: "فصائل سورية" is no Syrian army.
    assert "syrian-army" not in forces("عفرين", "سيطرت القوات التركية وفصائل سورية موالية لها على عفرين.")


def test_a_bare_alliance_is_a_coalition_only_where_one_is_at_war(world):
    # A Saudi bank's or bidder's "التحالف" is no coalition.
    body = "انخفضت الودائع في المصارف المحلية في الرياض وجدة بالتحالف مع المصارف الخارجية."
    assert forces("الرياض", body) == set()
    assert "saudi-led-coalition" in forces("عدن", "أشاد المحافظ بجهود التحالف في عدن ولحج وتعز.")
    # A coalition's adjective names a member, not the coalition.
    assert forces("صنعاء", "أدان التحالف اليمني لرصد انتهاكات حقوق الإنسان ما جرى في صنعاء وتعز.") == set()


def test_a_forces_minister_is_not_the_force(world):
    assert forces("الرياض", "استقبل وزير الحرس الوطني في الرياض وجدة أسرة الفقيد.") == set()


def test_an_adjective_at_the_end_of_a_run_is_no_leaders_name(world):
    body = "تصدت الفصائل في درعا لهجوم مكثف لقوات النظام مدعومة بميليشيات إيرانية."
    assert "iranian-forces" not in forces("درعا", body)
