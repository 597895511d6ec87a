"""Spec for the forces the news names through their leader, from the
gazetteer's people (scripts/build_leader_forces.py): a head of state's
loyal forces are the state's army, a force's leader's partisans are that
force; a president's supporters are no army.

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
import json
from pathlib import Path

from archive.arabic import fold
from archive.nisba import adjectives
from scripts.build_leader_forces import candidates, country_led, force_led

from tests.test_force_context import forces, world  # noqa: F401  (a fixture)

ROOT = Path(__file__).resolve().parent.parent
COUNTRIES = [("yemen", ["اليمن"]), ("iraq", ["العراق"]), ("saudi-arabia", ["السعودية"])]


def test_a_head_of_state_or_government_leads_his_countrys_forces():
    adjective_of = adjectives(COUNTRIES)
    names = {fold(n): slug for slug, ns in COUNTRIES for n in ns}
    assert country_led("الرئيس اليمني", adjective_of, names) == "yemen"
    assert country_led("رئيس وزراء العراق (2014–2018)", adjective_of, names) == "iraq"
    assert country_led("ملك السعودية", adjective_of, names) == "saudi-arabia"
    # A deputy, a minister or a spokesman leads nothing.
    assert country_led("نائب الرئيس اليمني ورئيس الوزراء (2015–2016)", adjective_of, names) is None
    assert country_led("وزير الخارجية العراقي", adjective_of, names) is None


def test_a_forces_leader_leads_the_force_his_role_names():
    spellings = {fold("جماعة الحوثيين"): 1, fold("حزب الله"): 2, fold("قوات سوريا الديمقراطية"): 3}
    assert force_led("زعيم جماعة الحوثيين", spellings) == 1
    assert force_led("الأمين العام لحزب الله", spellings) == 2
    assert force_led("القائد العام لقوات سوريا الديمقراطية", spellings) == 3
    assert force_led("المتحدث باسم قوات سوريا الديمقراطية", spellings) is None


def test_only_a_forces_leader_has_partisans():
    assert "أنصار الحوثي" in candidates(["الحوثي"], leader_of_force=True)
    made = candidates(["هادي"], leader_of_force=False)
    assert {"قوات هادي", "القوات الموالية لهادي", "القوات الموالية للرئيس هادي"} <= made
    assert "أنصار هادي" not in made
    assert "القوات الموالية للأسد" in candidates(["الأسد"], leader_of_force=False)


def test_the_kept_spellings_are_in_the_gazetteer():
    rows = json.loads((ROOT / "fixtures" / "gazetteer.json").read_text(encoding="utf-8"))
    by_slug = {r["fields"]["slug"]: r["fields"] for r in rows if r["model"] == "archive.force"}
    assert "القوات الموالية لهادي" in by_slug["yemeni-army"]["aliases"]
    # Barham Salih's family name is Saleh's forces' name: not read as his.
    assert not any("لصالح" in a for a in by_slug["iraqi-army"]["aliases"])


def test_forces_loyal_to_a_head_of_state_are_his_states(world):
    assert "yemeni-army" in forces("تعز", "تقدمت القوات الموالية للرئيس اليمني عبد ربه منصور هادي نحو عدن.")
    assert "yemeni-army" in forces("تعز", "وسيطرت قوات هادي على المدينة.")
    assert "houthis" in forces("مأرب", "هاجم أنصار الحوثي مواقع في مأرب.")


def test_a_presidents_supporters_are_no_army(world):
    assert "egyptian-army" not in forces("القاهرة", "شارك أنصار الرئيس السيسي في تظاهرة.")
