"""Spec for forces named without saying whose ("قوات الجيش", "طيران التحالف")
and for every state's armed forces in the gazetteer (archive/force_context.py,
scripts/build_state_forces.py).

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
import pytest
from django.core.management import call_command

from archive.gazetteer import get_alias_index
from archive.models import Force
from archive.tagging import tag

from tests.conftest import GAZETTEER


@pytest.fixture
def world(db):
    call_command("loaddata", str(GAZETTEER), verbosity=0)
    call_command("load_world_gazetteer", verbosity=0)


def forces(title, body):
    index = get_alias_index()
    return {Force.objects.get(pk=pk).slug for pk in tag(title, body, index).forces}


YEMEN = "تقدم في لحج", ("بدأت المقاومة الشعبية وقوات الجيش بدعم من طيران التحالف باقتحام قاعدة العند "
                       "في لحج، فيما تواصل القوات تقدمها نحو عدن.")


def test_the_army_and_the_coalition_of_a_report_from_yemen_are_yemens(world):
    assert forces(*YEMEN) == {"yemen-popular-resistance", "yemeni-army", "saudi-led-coalition"}


def test_the_same_words_in_a_report_from_iraq_name_iraqs_army_and_the_international_coalition(world):
    assert forces("معارك الأنبار", "تقدمت قوات الجيش في الرمادي بدعم من طيران التحالف، "
                                   "وقصفت مواقع في الفلوجة والأنبار.") == \
        {"iraqi-army", "international-coalition"}


def test_syrias_national_army_is_the_turkish_backed_one_not_the_states(world):
    assert forces("عفرين", "سيطر الجيش الوطني على قرى في عفرين وريف حلب الشمالي.") == {"syrian-national-army"}


def test_when_the_places_do_not_say_one_country_nothing_is_guessed(world):
    # Yemen and Saudi Arabia named as often: whose army is "الجيش"?
    assert forces("الحدود", "قال الجيش إن صاروخا أطلق من صعدة باتجاه جازان، "
                           "واعترضته الدفاعات فوق نجران بعد قصف على الحديدة.") == set()
    # No place at all.
    assert forces("بيان", "قال الجيش في بيان إن قواته صدت هجوما.") == set()


def test_a_team_a_street_or_a_longer_name_is_no_army(world):
    title, body = "مباراة في القاهرة", ("فاز الأهلي على طلائع الجيش في القاهرة، "
                                       "وتعادل نادي الجيش في الإسكندرية مع فريق من مصر.")
    assert forces(title, body) == set()
    # الجيش الإلكتروني goes on with an adjective: not the Egyptian army.
    assert forces("القاهرة", "هاجم الجيش الإلكتروني مواقع في القاهرة والإسكندرية.") == set()


def test_a_phrase_the_gazetteer_already_names_is_that_force_only(world):
    # "قوات الجيش السوري" is the Syrian army by its own alias, in a report
    # whose places are Iraqi: the context adds no Iraqi army for its "قوات الجيش".
    assert forces("الحدود", "عبرت قوات الجيش السوري الحدود قرب القائم والأنبار والرمادي.") == {"syrian-army"}


def test_an_agencys_dateline_does_not_say_what_the_article_is_about(world):
    body = ("دبي، الإمارات العربية المتحدة (CNN)-- قال حزب الله إن المعادلة الذهبية للجيش "
            "والشعب والمقاومة باقية في لبنان.")
    assert "uae-forces" not in forces("بيروت", body)


@pytest.mark.parametrize("phrase, slug", [
    ("هاجم مسلحون حاجزا للجيش الأفغاني", "afghanistan-armed-forces"),
    ("قتل جنود من القوات الأفغانية", "afghanistan-armed-forces"),
    ("قصف الجيش الباكستاني مواقع المسلحين", "pakistan-armed-forces"),
    ("انتشرت القوات السودانية على الحدود", "sudan-armed-forces"),
    ("أعلنت قوات الدفاع الجوي الملكي السعودي اعتراض صاروخ", "saudi-forces"),
    ("تقدمت ألوية العمالقة نحو الحديدة", "giants-brigades"),
    ("اجتمع وزراء دفاع حلف شمال الأطلسي", "nato"),
    ("قصفت الميليشيات الانقلابية الأحياء السكنية", "houthis"),
])
def test_every_states_armed_forces_and_the_wars_named_forces_are_known(world, phrase, slug):
    assert slug in forces("خبر", phrase)


def test_the_lebanese_forces_party_is_not_lebanons_army(world):
    # "القوات اللبنانية" is Samir Geagea's party: never an alias of the army.
    assert "lebanese-army" not in forces("بيروت", "قال حزب القوات اللبنانية في بيروت إن الانتخابات ستجري.")
