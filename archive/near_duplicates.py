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

Call :func:`group_near_duplicates` after an article's text is saved.
"""
from hashlib import blake2b, shake_128
import re
import struct

from django.db import transaction

from archive.arabic import fold

SHINGLE = 4
HASHES = 64
ROWS = 3
BANDS = HASHES // ROWS  # 21: the last hash is in no band
THRESHOLD = 0.6

_WORD = re.compile(r"\w+")
_UNPACK = struct.Struct(f"<{HASHES}I").unpack


def shingles(text: str) -> set[str]:
    """Overlapping runs of ``SHINGLE`` folded words (the whole text if shorter)."""
    words = _WORD.findall(fold(text or "").lower())
    if not words:
        return set()
    if len(words) <= SHINGLE:
        return {" ".join(words)}
    return {" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> list[int] | None:
    """The MinHash signature of a text, or None when it has no words."""
    found = shingles(text)
    if not found:
        return None
    # One extendable-output hash per shingle gives all HASHES values at once.
    rows = [_UNPACK(shake_128(s.encode("utf-8")).digest(4 * HASHES)) for s in found]
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
    from archive.models import Article, MinHashBand

    sig = signature(article.body)
    with transaction.atomic():
        MinHashBand.objects.filter(article_id=article.pk).delete()
        if sig is None:
            Article.objects.filter(pk=article.pk).update(minhash=None, story=None)
            article.minhash, article.story = None, None
            return []
        keys = band_keys(sig)
        MinHashBand.objects.bulk_create([MinHashBand(article_id=article.pk, key=key) for key in keys])
        candidates = set(
            MinHashBand.objects.filter(key__in=keys).exclude(article_id=article.pk)
            .values_list("article_id", flat=True)
        )
        matches = []
        if candidates:
            for pk, other_sig, story in Article.objects.filter(pk__in=candidates).values_list("pk", "minhash", "story"):
                if similarity(sig, other_sig) >= THRESHOLD:
                    matches.append((pk, story))
        if not matches:
            Article.objects.filter(pk=article.pk).update(minhash=sig, story=None)
            article.minhash, article.story = sig, None
            return []
        stories = {story for _pk, story in matches if story is not None}
        members = {article.pk, *(pk for pk, _story in matches)}
        if stories:
            members |= set(Article.objects.filter(story__in=stories).values_list("pk", flat=True))
        story = min(members | stories)
        Article.objects.filter(pk__in=members).update(story=story)
        if stories - {story}:
            Article.objects.filter(story__in=stories - {story}).update(story=story)
        Article.objects.filter(pk=article.pk).update(minhash=sig, story=story)
        article.minhash, article.story = sig, story
    return sorted(members - {article.pk})


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
    for article in queryset.only("pk", "body").order_by("pk").iterator(chunk_size=500):
        group_near_duplicates(article)
        count += 1
    return count
