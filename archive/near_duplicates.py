"""Near duplicates: the same statement republished by several outlets.

An exact repeat (the same folded text) is refused by the import pipeline. A
near repeat (another outlet's headline, a sentence added or cut, a word
changed) is saved, and grouped here so each article page can say who else
reported it ("نُشر أيضًا في").

* The folded body is cut into overlapping word shingles (``SHINGLE`` words).
* A MinHash signature of ``HASHES`` 32-bit values estimates the Jaccard
  similarity of two articles' shingle sets (stdlib hashing only).
* Locality-sensitive hashing: the signature is cut into ``BANDS`` bands of
  ``ROWS`` values, each stored as an indexed key (``MinHashBand``). Articles
  sharing a band key are candidates; a candidate whose estimated similarity is
  at least ``THRESHOLD`` joins the group. With 21 bands of 3 rows a pair at
  0.6 similarity shares a band with probability 0.99, a pair at 0.1 with 0.02.
* A group (``Article.story``) is named by its smallest article pk; an
  article alone has ``story = None``.

Call :func:`group_near_duplicates` after an article's text is saved, or
:func:`group_many` after a batch of them (``import_articles``).
"""
from array import array
from collections import defaultdict
from hashlib import blake2b, shake_128
import re
import struct
import sys

from django.db import transaction

from archive.arabic import fold

SHINGLE = 4
HASHES = 64
ROWS = 3
BANDS = HASHES // ROWS  # 21: the last hash is in no band
THRESHOLD = 0.6

_WORD = re.compile(r"\w+")
_UNPACK = struct.Struct(f"<{HASHES}I").unpack
_FLAT_UINT32 = array("I").itemsize == 4


def shingles(text: str, folded: str | None = None) -> set[str]:
    """Overlapping runs of ``SHINGLE`` folded words (the whole text if shorter).
    ``folded``: ``fold(text)``, when the caller has it already."""
    words = _WORD.findall((fold(text or "") if folded is None else folded).lower())
    if not words:
        return set()
    if len(words) <= SHINGLE:
        return {" ".join(words)}
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str, folded: str | None = None) -> list[int] | None:
    """The MinHash signature of a text, or None when it has no words.
    ``folded``: ``fold(text)``, when the caller has it already."""
    found = shingles(text, folded)
    if not found:
        return None
    # One extendable-output hash per shingle gives all HASHES values at once.
    digests = b"".join([shake_128(s.encode("utf-8")).digest(4 * HASHES) for s in found])
    if _FLAT_UINT32:
        # All shingles' values in one array, each hash's a strided slice of
        # it: the same minima, without a tuple per shingle (16 % faster).
        values = array("I", digests)
        if sys.byteorder != "little":
            values.byteswap()
        return [min(values[i::HASHES]) for i in range(HASHES)]
    rows = [_UNPACK(digests[i:i + 4 * HASHES]) for i in range(0, len(digests), 4 * HASHES)]
    return [min(column) for column in zip(*rows)]


def band_keys(sig) -> list[str]:
    """One key per band: the band's number and a short hash of its values."""
    keys = []
    for band in range(BANDS):
        values = sig[band * ROWS:(band + 1) * ROWS]
        digest = blake2b(struct.pack(f"<{ROWS}I", *values), digest_size=12).hexdigest()
        keys.append(f"{band:02d}{digest}")
    return keys


def similarity(a, b) -> float:
    """Estimated Jaccard similarity of two signatures."""
    if not a or not b or len(a) != len(b):
        return 0.0
    return sum(1 for x, y in zip(a, b) if x == y) / len(a)


def group_near_duplicates(article) -> list[int]:
    """Sign the article, store its band keys and put it in its near duplicates' group.

    Returns the pks of the other articles in its group (empty when none).
    Groups that the article links are merged into one.
    """
    from archive.models import Article

    story = group_many([article])[article.pk]
    if story is None:
        return []
    return sorted(Article.objects.filter(story=story).exclude(pk=article.pk).values_list("pk", flat=True))


# Values per query in the bulk lookups: under SQLite's oldest limit (999).
_CHUNK = 900


def _chunks(items, size=_CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start:start + size]


def group_many(articles, signatures=None) -> dict:
    """Sign and group several saved articles at once: ``{pk: story}``.

    The same groups as :func:`group_near_duplicates` on each article in turn
    (similarity is symmetric, and a group is named by its smallest pk whatever
    the order), in a fixed number of queries per batch instead of several per
    article: the band keys of the whole batch are looked up together, articles
    of the batch are compared with each other in memory, and the batch's
    signatures and groups are written with one statement each. ``signatures``
    ({pk: signature}) are those already computed from the articles' bodies
    (by ``import_articles``' workers).
    """
    from archive.models import Article, MinHashBand

    articles = list({a.pk: a for a in articles}.values())
    signatures = signatures or {}
    sigs = {a.pk: signatures[a.pk] if a.pk in signatures else signature(a.body) for a in articles}
    keys = {pk: band_keys(sig) for pk, sig in sigs.items() if sig is not None}
    with transaction.atomic():
        for chunk in _chunks(sigs):
            MinHashBand.objects.filter(article_id__in=chunk).delete()
        # Who else holds each key: articles already stored, then the batch.
        holders = defaultdict(set)
        for chunk in _chunks({k for ks in keys.values() for k in ks}):
            for key, pk in MinHashBand.objects.filter(key__in=chunk).values_list("key", "article_id"):
                holders[key].add(pk)
        stored = set().union(*holders.values()) if holders else set()
        for pk, ks in keys.items():
            for key in ks:
                holders[key].add(pk)
        _insert_bands([(pk, key) for pk, ks in keys.items() for key in ks])
        known = {}  # stored candidate -> (minhash, story)
        for chunk in _chunks(stored):
            for pk, minhash, story in Article.objects.filter(pk__in=chunk).values_list("pk", "minhash", "story"):
                known[pk] = (minhash, story)

        # Union-find over articles and the stored groups they join.
        parent = {}

        def find(node):
            parent.setdefault(node, node)
            while parent[node] != node:
                parent[node] = parent[parent[node]]
                node = parent[node]
            return node

        def union(a, b):
            parent[find(a)] = find(b)

        for pk, ks in keys.items():
            for other in {o for key in ks for o in holders[key]} - {pk}:
                other_sig = sigs[other] if other in sigs else known.get(other, (None, None))[0]
                if similarity(sigs[pk], other_sig) >= THRESHOLD:
                    union(pk, other)
                    story = None if other in sigs else known[other][1]
                    if story is not None:
                        union(other, ("story", story))
        components = defaultdict(list)
        for node in list(parent):
            components[find(node)].append(node)
        stories = dict.fromkeys(sigs)
        for members in components.values():
            pks = [n for n in members if not isinstance(n, tuple)]
            old = {n[1] for n in members if isinstance(n, tuple)}
            story = min(pks + list(old))
            for pk in pks:
                if pk in stories:
                    stories[pk] = story
            joining = [pk for pk in pks if pk not in stories and known[pk][1] != story]
            if joining:
                Article.objects.filter(pk__in=joining).update(story=story)
            if old - {story}:
                Article.objects.filter(story__in=old - {story}).update(story=story)
        for article in articles:
            article.minhash, article.story = sigs[article.pk], stories[article.pk]
        _write_signatures([(a.pk, a.minhash, a.story) for a in articles])
    return stories


def _insert_bands(rows):
    """``(article pk, key)`` rows of ``MinHashBand``: one INSERT run for each row.

    21 rows per article: ``bulk_create`` spent more time building model
    instances and SQL than SQLite spent storing them.
    """
    from django.db import connection

    from archive.models import MinHashBand

    meta = MinHashBand._meta
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}, {}) VALUES (%s, %s)".format(
        quote(meta.db_table), quote(meta.get_field("article").column), quote(meta.get_field("key").column),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _write_signatures(rows):
    """``(pk, minhash, story)`` of many articles in one statement run for each row.

    ``bulk_update`` would build one CASE over the whole batch per column
    (2 s for 2,000 articles on SQLite); an executemany of one small UPDATE is
    a few milliseconds, and touches neither ``updated`` nor ``indexed``.
    """
    from django.db import connection

    from archive.models import Article

    meta = Article._meta
    minhash = meta.get_field("minhash")
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} = %s, {} = %s WHERE {} = %s".format(
        quote(meta.db_table), quote(minhash.column), quote(meta.get_field("story").column), quote(meta.pk.column),
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, [(minhash.get_db_prep_save(sig, connection), story, pk) for pk, sig, story in rows])


def also_reported(article):
    """The other articles of the article's group, oldest first, with their outlets.

    Withdrawn articles are left out: their pages answer 410, so a link to one
    from "also reported by" would lead a reader to a withdrawal notice."""
    from archive.models import Article

    story = getattr(article, "story", None)
    if story is None:
        return []
    return list(
        Article.objects.listed().filter(story=story).exclude(pk=article.pk)
        .select_related("outlet").order_by("published", "pk")
    )


def regroup_all(queryset=None):
    """Sign and group every article (after an import that did not, or a change of parameters)."""
    from archive.models import Article

    queryset = queryset if queryset is not None else Article.objects.all()
    count = 0
    batch = []
    for article in queryset.only("pk", "body", "minhash", "story").order_by("pk").iterator(chunk_size=500):
        batch.append(article)
        if len(batch) == 500:
            group_many(batch)
            count, batch = count + len(batch), []
    if batch:
        group_many(batch)
    return count + len(batch)
