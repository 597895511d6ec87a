"""Spec for the armed groups mined from the corpus (scripts/mine_armed_groups.py) and
written in the gazetteer: a group word and the name after it, kept as a proposal when
the words of fighting stand around it in several outlets; the chosen ones are found.

The real gazetteer and the world under it are loaded, as `make run` loads them.
"""
from tests.test_force_context import forces, world  # noqa: F401  (a fixture)


def _records():
    fights = "وأعلنت {} مسؤوليتها عن الهجوم الذي استهدف قاعدة عسكرية وقتل فيه جنود."
    rally = "نظمت {} مهرجانا خطابيا في القاعة الكبرى وألقيت فيه كلمات."
    rows = []
    for k, outlet in enumerate(["aa", "bb", "cc", "aa"]):
        rows.append({"id": f"{outlet}-{k}", "source": outlet, "title": "خبر",
                     "body": fights.format("حركة الفجر الأحمر")})
        rows.append({"id": f"{outlet}-r{k}", "source": outlet, "title": "خبر",
                     "body": rally.format("حركة النور الأخضر")})
    return rows


def test_a_group_written_among_words_of_fighting_in_three_outlets_is_proposed():
    from scripts.build_force_cues import fixture_index
    from scripts.mine_armed_groups import mine
    docs, armed, outlets = mine(_records(), fixture_index(), set())
    fought = "حركه الفجر"
    assert docs[fought] == 4 and armed[fought] == 4 and len(outlets[fought]) == 3


def test_a_group_never_written_near_fighting_is_not_armed():
    from scripts.build_force_cues import fixture_index
    from scripts.mine_armed_groups import mine
    docs, armed, outlets = mine(_records(), fixture_index(), set())
    assert docs["حركه النور"] == 4 and armed["حركه النور"] == 0


def test_a_name_the_gazetteer_knows_is_no_candidate():
    from scripts.build_force_cues import fixture_index
    from scripts.mine_armed_groups import mine
    rows = [{"id": "x", "source": "aa", "title": "", "body": "هاجم مقاتلو جماعة الحوثي مواقع الجيش."}]
    docs, _, _ = mine(rows, fixture_index(), set())
    assert not any(p.startswith("جماعه الحوثي") for p in docs)


def test_the_mined_groups_are_tagged(world):
    assert "al-shabaab" in forces("الصومال", "وأعلنت حركة الشباب مسؤوليتها عن التفجير في مقديشو.")
    assert "ansar-al-sharia" in forces("بنغازي", "انتزعت جماعة أنصار الشريعة ثكنة عسكرية في بنغازي.")
    assert "jnim" in forces("مالي", 'وتبنت "جماعة نصرة الإسلام والمسلمين" الهجوم في مالي.')
    assert "hussein-brigades" in forces("اليمن", "وتضم التعزيزات مقاتلين من كتائب الحسين.")
    assert "khorasan-group" in forces("سوريا", "أعلن البنتاغون مقتل زعيم جماعة خراسان في سوريا.")


def test_the_religious_phrase_is_no_group(world):
    assert "jnim" not in forces("مقال", "وحرصوا على نصرة الإسلام والمسلمين في كل مكان.")


def test_a_hospital_named_after_the_brigades_is_no_force(world):
    body = "وصل الجرحى إلى مستشفى شهداء الأقصى بدير البلح، فيما تبنت كتائب شهداء الأقصى القصف."
    assert "al-aqsa-martyrs-brigades" in forces("غزة", body)
    assert "al-aqsa-martyrs-brigades" not in forces("غزة", "وصل الجرحى إلى مستشفى شهداء الأقصى بدير البلح.")


def test_the_syrian_front_of_the_same_name_is_its_own_group(world):
    body = "دارت اشتباكات بين جبهة النصرة وجبهة أنصار الدين من جهة وقوات النظام من جهة أخرى في حلب."
    found = forces("حلب", body)
    assert "jabhat-ansar-al-din" in found and "ansar-dine" not in found
