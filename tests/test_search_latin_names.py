"""Issue 11, point 6: every place, force and outlet of the gazetteer is found
by its Latin names. One article per entity holds its Arabic name in a
sentence; its English name and each Latin alias, typed as a reader would,
must find that article."""
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer.json"
KINDS = ("place", "force", "outlet")
_LATIN = re.compile("[A-Za-z]")


def _entities():
    rows = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    return [(row["model"].split(".")[1], row["pk"], row["fields"]) for row in rows
            if row["model"].split(".")[1] in KINDS]


#: A name is expanded when it is a run of at most this many words (the
#: query side's limit) with no full stop or bracket in it, which the alias
#: matcher reads as a clause break (docs/search.md): "KDP.info", "U.S.
#: forces" and "Islamic State of Iraq and the Levant" are not, so far.
MAX_WORDS = 5


def _typeable(name):
    return (_LATIN.search(name) and not re.search(r"[.()\[\]]", name)
            and len(name.split()) <= MAX_WORDS)


def _latin_names(fields):
    """The aliases a reader can type, and the English name without what it
    says in brackets ("Hit (Anbar)" is typed Hit)."""
    english = re.sub(r"\s*[(\[][^)\]]*[)\]]", "", fields.get("name_en") or "").strip()
    names = [english] + list(fields.get("aliases") or [])
    return sorted({n for n in names if _typeable(n)})


@pytest.fixture
def one_article_per_entity(db, search_index_dir):
    from archive.models import Article
    from archive.search import indexing

    call_command("loaddata", str(GAZETTEER), verbosity=0)
    articles = Article.objects.bulk_create(
        Article(title=f"خبر رقم {i}", body=f"قال مصدر إن {fields['name']} كان في الخبر أمس")
        for i, (_kind, _pk, fields) in enumerate(_entities()))
    # Each article carries its entity's tag, as the import gives it: a weak
    # Arabic name (القصير is also "short") counts as the name where the
    # tagger found the context that makes it one.
    for (kind, pk, _fields), article in zip(_entities(), articles):
        if kind == "place":
            article.places.add(pk)
        elif kind == "force":
            article.forces.add(pk)
        else:
            Article.objects.filter(pk=article.pk).update(outlet_id=pk)
    indexing.index_articles([a.pk for a in articles])
    return {(kind, pk): a.pk for (kind, pk, _f), a in zip(_entities(), articles)}


def test_every_latin_name_finds_the_article_with_the_arabic_name(client, one_article_per_entity):
    missed = []
    for kind, pk, fields in _entities():
        for name in _latin_names(fields):
            data = client.get("/api/articles/", {"q": name, "page_size": 100}).json()
            found = one_article_per_entity[(kind, pk)] in {r["id"] for r in data["results"]}
            if not found:
                missed.append(f"{kind} {fields['name']}: {name}")
    assert not missed, "\n".join(missed)
