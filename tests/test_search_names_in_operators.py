"""Issue 11, point 5: each side of OR, NOT and a phrase is expanded as a lone
word is — for every spelling of the gazetteer's names, not only the seeds'.

One article per place, force and speaker holds the entity's name; each other
Arabic spelling of it (a sample of the gazetteer, drawn with a fixed seed) is
typed alone, quoted, on either side of OR, after "-" and after NOT, quoted or
not. An excluded name excludes its article and only it: an article without
the name is still found (before, "-أنغيلا ميركل" excluded أنغيلا and
required ميركل).
"""
import json
import random
import re
from pathlib import Path

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

GAZETTEER = Path(__file__).resolve().parent.parent / "fixtures" / "gazetteer.json"
KINDS = {"place": "places", "force": "forces", "speaker": "speakers"}
ARABIC = re.compile("[\u0600-\u06FF]")
SAMPLE = 40


def _entities():
    rows = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    entities = [(row["model"].split(".")[1], row["pk"], row["fields"]) for row in rows
                if row["model"].split(".")[1] in KINDS]
    return sorted(random.Random(2026).sample(entities, SAMPLE), key=lambda e: (e[0], e[1]))


def _other_spellings(fields):
    """Arabic spellings besides the one the article holds, as a reader types
    them (no weak mark; at most five words, no full stop or bracket)."""
    names = [n for n in fields.get("aliases") or []
             if not n.startswith("~") and ARABIC.search(n) and not re.search(r"[.()\[\]]", n)
             and len(n.split()) <= 5]
    return names[:2]


CASES = [(kind, pk, fields["name"], spelling) for kind, pk, fields in _entities()
         for spelling in _other_spellings(fields)]


@pytest.fixture
def one_article_per_entity(db, search_index_dir):
    from archive.models import Article
    from archive.search import indexing

    call_command("loaddata", str(GAZETTEER), verbosity=0)
    entities = _entities()
    articles = Article.objects.bulk_create(
        Article(title=f"خبر رقم {i}", body=f"قال مصدر مطلع إن {fields['name']} كان في الخبر أمس")
        for i, (_kind, _pk, fields) in enumerate(entities))
    for (kind, pk, _fields), article in zip(entities, articles):
        getattr(article, KINDS[kind]).add(pk)   # tagged, as the import would
    control = Article.objects.create(title="خبر للمقارنة", body="قال مصدر مطلع إن الاجتماع كان في الخبر أمس")
    indexing.index_articles([a.pk for a in articles] + [control.pk])
    by_name = {fields["name"]: a.pk for (_k, _pk, fields), a in zip(entities, articles)}
    return by_name, control.pk


def found(client, q):
    return {r["id"] for r in client.get("/api/articles/", {"q": q, "page_size": 100}).json()["results"]}


@pytest.mark.parametrize("kind, pk, name, spelling", CASES)
def test_every_spelling_inside_or_a_phrase_and_not(client, one_article_per_entity, kind, pk, name, spelling):
    by_name, control = one_article_per_entity
    article = by_name[name]
    for q in (spelling, f'"{spelling}"', f"زبرجدة OR {spelling}", f"{spelling} OR زبرجدة"):
        assert article in found(client, q), q
    for q in (f"مطلع -{spelling}", f'مطلع -"{spelling}"', f"مطلع NOT {spelling}"):
        hits = found(client, f"للمقارنة {q}")
        assert control in hits, q          # what lacks the name is still found
        assert article not in found(client, q), q
