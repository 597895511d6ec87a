"""A person's surname typed alone names the person when the corpus says it
does (issue 11, point 5): غوتيريش finds the article that writes أنطونيو
غوتيريس; a surname two people share names both, and the notice says so; a
surname that is an ordinary word (الصدر "chest", المهندس "engineer") or
many people's (صالح, محمود) stays the word it is. Each side of OR and a
minus take a surname as a lone query does.
"""
import pytest

from archive.search.surnames import lone_surnames

pytestmark = pytest.mark.django_db


def search(client, q):
    return client.get("/api/articles/", {"q": q, "page_size": 100}).json()


def ids(client, q):
    return {r["id"] for r in search(client, q)["results"]}


@pytest.fixture
def articles(seeded):
    from archive.models import Article
    from archive.search import indexing

    bodies = {
        "guterres": "قال الأمين العام للأمم المتحدة أنطونيو غوتيريس إن الوضع الإنساني خطير أمس.",
        "guterres_alone": "وأضاف غوتيريش في بيانه أن المساعدات يجب أن تصل دون عوائق.",
        "masoud": "استقبل مسعود البارزاني وفدا أمريكيا في أربيل أمس.",
        "nechirvan": "التقى نيجيرفان بارزاني رئيس الوزراء في بغداد أمس.",
        "abadi": "أعلن رئيس الوزراء حيدر العبادي تحرير المدينة.",
        "sadr_latin": "Muqtada al-Sadr called for calm in Baghdad.",
        "chest": "أصيب الجندي بطلق ناري في الصدر خلال الاشتباك.",
        "other": "ارتفعت أسعار النفط في الأسواق العالمية أمس.",
    }
    made = {key: Article.objects.create(title="خبر", body=body) for key, body in bodies.items()}
    indexing.index_articles([a.pk for a in made.values()])
    return {key: a.pk for key, a in made.items()}


def test_the_corpus_decides_which_surnames_name_a_person_alone():
    table = lone_surnames()
    assert {"غوتيريش", "غوتيريس", "العبادي", "ترامب", "بارزاني"} <= table
    # Ordinary words and many people's names: a reader typing them means the word.
    assert not {"الصدر", "المهندس", "صالح", "محمود", "الحوثي", "كمال"} & table


@pytest.mark.parametrize("q", ["غوتيريش", "غوتيريس"])
def test_an_arabic_surname_alone_finds_every_spelling_of_the_person(client, articles, q):
    data = search(client, q)
    assert {r["id"] for r in data["results"]} == {articles["guterres"], articles["guterres_alone"]}
    assert [e["names"][0] for e in data["expanded"]] == ["أنطونيو غوتيريش"]


def test_a_surname_alone_finds_an_article_calling_the_person_by_it_alone(client, articles):
    assert articles["guterres_alone"] in ids(client, "غوتيريس")
    assert articles["abadi"] in ids(client, "العبادي")


@pytest.mark.parametrize("q", ["بارزاني", "Barzani"])
def test_a_surname_two_people_share_names_both_and_the_notice_lists_both(client, articles, q):
    data = search(client, q)
    assert {articles["masoud"], articles["nechirvan"]} <= {r["id"] for r in data["results"]}
    assert {e["names"][0] for e in data["expanded"]} == {"مسعود بارزاني", "نيجيرفان بارزاني"}


def test_a_surname_that_is_an_ordinary_word_stays_the_word(client, articles):
    data = search(client, "الصدر")
    assert {r["id"] for r in data["results"]} == {articles["chest"]}
    assert data["expanded"] == []


@pytest.mark.parametrize("q", ["غوتيريش OR العبادي", "العبادي OR Guterres", "غوتيريس | حيدر العبادي"])
def test_each_side_of_or_takes_a_surname_as_a_lone_query_does(client, articles, q):
    assert ids(client, q) == {articles["guterres"], articles["guterres_alone"], articles["abadi"]}


@pytest.mark.parametrize("q, kept_out", [
    ("أمس -غوتيريش", ["guterres"]), ("أمس -Guterres", ["guterres"]),
    ("أمس -بارزاني", ["masoud", "nechirvan"]), ("أمس NOT Barzani", ["masoud", "nechirvan"]),
])
def test_a_surname_excludes_every_spelling_of_the_person(client, articles, q, kept_out):
    every = {articles[k] for k in ("guterres", "masoud", "nechirvan", "other")}
    assert every <= ids(client, "أمس")
    assert ids(client, q) == every - {articles[k] for k in kept_out}, q


@pytest.mark.parametrize("q", ['"وأضاف غوتيريس"', '"وأضاف Guterres"'])
def test_a_surname_inside_a_phrase_is_every_spelling_of_the_person(client, articles, q):
    data = search(client, q)
    assert {r["id"] for r in data["results"]} == {articles["guterres_alone"]}, q
    assert [e["names"][0] for e in data["expanded"]] == ["أنطونيو غوتيريش"]


@pytest.mark.parametrize("q", ["al\u2011Abadi", "'Abadi", "al-\u02bfAbadi", "Al-Abadi", "Abadi"])
def test_a_latin_surname_is_read_whatever_dash_or_ayn_mark_it_is_typed_with(client, articles, q):
    data = search(client, q)
    assert articles["abadi"] in {r["id"] for r in data["results"]}, q
    assert [e["names"][0] for e in data["expanded"]] == ["حيدر العبادي"]


def test_salman_alone_is_two_people_not_a_place_it_resembles(client, seeded):
    names = {e["names"][0] for e in search(client, "Salman")["expanded"]}
    assert names == {"محمد بن سلمان", "سلمان بن عبد العزيز"}
