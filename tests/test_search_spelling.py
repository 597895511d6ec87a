"""Search sees through spelling: the seeds found by every spelling of a name.

Broad mode (the default) folds letters, stems lightly and expands a gazetteer
alias to all of its entity's spellings; exact mode finds only what was typed
(harakat, tatweel and invisible marks aside).
"""
import pytest

pytestmark = pytest.mark.django_db


def found(client, q, mode="broad", **extra):
    data = client.get("/api/articles/", {"q": q, "mode": mode, "page_size": 100, **extra}).json()
    return sorted(r["external_id"][:3] for r in data["results"])


@pytest.mark.parametrize("spelling", ["كاكينز", "كاگينز", "كيغنز", "كينغز", "Caggins", "مايلز كاكينز"])
def test_every_spelling_of_the_coalition_spokesman_finds_him(client, seeded, spelling):
    assert found(client, spelling) == ["000", "002", "004"]


@pytest.mark.parametrize("spelling", ["البيشمركة", "الپێشمهرگة", "بيشمركة", "Peshmerga"])
def test_every_spelling_of_peshmerga_finds_it(client, seeded, spelling):
    assert found(client, spelling) == ["000", "002", "003", "004"]


@pytest.mark.parametrize("spelling", ["كردستان", "كوردستان"])
def test_kurdistan_either_way(client, seeded, spelling):
    assert found(client, spelling) == ["000", "001", "003", "004"]


@pytest.mark.parametrize("spelling", ["سوريا", "سورية"])
def test_syria_either_way(client, seeded, spelling):
    assert found(client, spelling) == ["000", "001", "003", "004"]


@pytest.mark.parametrize("spelling", ["قرجوغ", "قره جوغ", "قرةجوغ"])
def test_qarachogh_in_one_word_or_two(client, seeded, spelling):
    assert found(client, spelling) == ["002", "004"]


@pytest.mark.parametrize("spelling, seeds", [
    ("كاگينز", ["000"]),
    ("كاكينز", ["000", "004"]),
    ("كيغنز", ["002"]),
    ("Caggins", []),
    ("الپێشمهرگة", ["000"]),
    ("كردستان", ["001"]),
    ("سورية", ["001"]),
    ("قرجوغ", ["004"]),
    ('"قره جوغ"', ["002"]),
])
def test_exact_mode_finds_only_the_spelling_typed(client, seeded, spelling, seeds):
    assert found(client, spelling, mode="exact") == seeds


def test_exact_mode_still_ignores_harakat_and_tatweel(client, seeded):
    assert found(client, "دَاعِـش", mode="exact") == ["000", "001", "002", "003", "004"]


def test_broad_mode_ignores_the_article_and_clitics(client, seeded):
    """بالموصل, الموصل and موصل are one word to a researcher."""
    assert found(client, "موصل") == found(client, "الموصل") == found(client, "بالموصل")
    assert found(client, "الموصل")


def test_the_expansion_is_reported_and_can_be_switched_off(client, seeded):
    data = client.get("/api/articles/", {"q": "كيغنز"}).json()
    assert data["expanded"] and "كاكينز" in " ".join(data["expanded"][0]["names"])
    unexpanded = client.get("/api/articles/", {"q": "كيغنز", "expand": "0"}).json()
    assert unexpanded["expanded"] == []
    assert sorted(r["external_id"][:3] for r in unexpanded["results"]) == ["002"]


def test_the_spelling_found_is_what_gets_marked(client, seeded):
    data = client.get("/api/articles/", {"q": "كاكينز"}).json()
    snippets = {r["external_id"][:3]: r["snippet"] for r in data["results"]}
    assert "<mark>كيغنز</mark>" in snippets["002"] or "<mark>كينغز</mark>" in snippets["002"]


def test_a_weak_spelling_needs_a_strong_one_beside_it(client, seeded):
    """كينغز is one of Caggins's spellings in seed 002, but in the corpus it is
    King's College: marked weak (~كينغز), it finds and tags an article only
    where a strong spelling of the spokesman also appears."""
    from archive.models import Article, Speaker
    from archive.search import indexing
    from archive.tagging import tag

    kings = Article.objects.create(
        title="دراسة جديدة", body="قال باحثون في كلية كينغز في لندن إن الدراسة شملت ألف مريض.")
    indexing.index_articles([kings.pk])
    caggins = Speaker.objects.get(slug="myles-caggins")
    assert caggins.pk not in tag(kings.title, kings.body).speakers
    assert found(client, "كاكينز") == ["000", "002", "004"]
    assert kings.external_id is None and kings.pk not in [
        r["id"] for r in client.get("/api/articles/", {"q": "كاكينز"}).json()["results"]]
