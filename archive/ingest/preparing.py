"""Preparing a draft: tidied, tagged, hashed, its dateline resolved and the
article it would repeat or update looked up (``archive.ingest.pipeline``).

``prepare`` only reads the database, so a preview costs nothing; ``analyse``
needs nothing but the text and the gazetteer, so ``import_articles`` runs it
in worker processes.
"""
from dataclasses import dataclass
from hashlib import sha256
import logging
import re

from . import file_ids
from .catalog import Catalog
from .draft import Draft, IngestError
from .outlets import Cue, resolve
from .reading import EXTERNAL_ID_MAX

TITLE_MAX = 1000
log = logging.getLogger(__name__)

DUPLICATE_WARNING = "هذا المقال محفوظ من قبل: #"
TAGGING_FAILED_WARNING = ("تعذّر وسم المقال بالأماكن والقوات والمتحدثين (خطأ داخلي سُجّل في السجلّ): "
                          "حُفظ بلا وسوم، ويمكن إعادة وسمه لاحقاً")
UPDATE_WARNING = "يوجد مقال بالمعرّف نفسه"


def content_hash(title: str, body: str) -> str:
    """The same article whatever its harakat, hamza seats or spacing: sha256 of
    the folded title and body with whitespace collapsed."""
    from archive.arabic import fold

    return folded_content_hash(fold(f"{title or ''}\n{body or ''}"))


def folded_content_hash(folded: str) -> str:
    """``content_hash`` of a title and body already folded as ``fold(title + "\n" + body)``,
    which is ``fold(title) + "\n" + fold(body)``: folding never reaches across a line break."""
    text = " ".join(folded.split())
    return sha256(text.encode("utf-8")).hexdigest()


def tidy(draft: Draft) -> Draft:
    """The title on one line and not too long, the body stripped; refused without either."""
    draft.title = re.sub(r"\s+", " ", draft.title or "").strip()
    draft.body = (draft.body or "").strip()
    if not draft.title or not draft.body:
        raise IngestError("المقال بلا عنوان أو بلا نص.", "The article has no title or no text.")
    if len(draft.title) > TITLE_MAX:
        draft.title = draft.title[: TITLE_MAX - 1].rstrip() + "…"
        draft.warn(f"العنوان أطول من {TITLE_MAX} حرف فاختُصر.")
    if draft.external_id and len(draft.external_id) > EXTERNAL_ID_MAX:
        draft.external_id = draft.external_id[-EXTERNAL_ID_MAX:]
    return draft


@dataclass
class Analysis:
    """What ``prepare`` computes from a tidied title and body alone, without the
    database: the work ``import_articles`` hands to its worker processes."""

    speaker_ids: list
    place_ids: list
    force_ids: list
    speaker_proposals: list
    content_hash: str
    minhash: list | None = None
    tagging_failed: bool = False


def analyse(title: str, body: str, aliases, sign=False) -> Analysis:
    """Tag a tidied article and hash its text; with ``sign``, its MinHash too."""
    from archive.tagging import tag

    from archive.arabic import fold

    try:
        tags = tag(title, body, aliases)
        failed = False
    except Exception:  # noqa: BLE001 - a tagger bug costs this article its tags, never the import
        log.exception("Tagging failed for an article titled %r; saved without tags", (title or "")[:80])
        from archive.tagging import Tags

        tags, failed = Tags(), True
    # The body is folded once, for the content hash and the signature both.
    folded_body = fold(body or "")
    minhash = None
    if sign:
        from archive.near_duplicates import signature

        minhash = signature(body, folded=folded_body)
    return Analysis(
        speaker_ids=list(tags.speakers), place_ids=list(tags.places), force_ids=list(tags.forces),
        speaker_proposals=[{"name": q.name, "role": q.role, "accept": False} for q in tags.proposals],
        content_hash=folded_content_hash(f"{fold(title or '')}\n{folded_body}"), minhash=minhash,
        tagging_failed=failed,
    )


def prepare(draft: Draft, catalog=None, analysis: Analysis | None = None) -> Draft:
    """Tag the draft, resolve its dateline and look for the article it would repeat or update.

    ``analysis`` is :func:`analyse` of the tidied draft when it was computed
    elsewhere (an import worker); otherwise it is computed here.
    """
    catalog = catalog if catalog is not None else Catalog()
    tidy(draft)
    if analysis is None:
        analysis = analyse(draft.title, draft.body, catalog.aliases)
    draft.speaker_ids = list(analysis.speaker_ids)
    draft.place_ids = list(analysis.place_ids)
    draft.force_ids = list(analysis.force_ids)
    draft.speaker_proposals = [dict(p) for p in analysis.speaker_proposals]
    draft.minhash = analysis.minhash
    draft.drop_warnings(TAGGING_FAILED_WARNING)
    if analysis.tagging_failed:
        draft.warn(TAGGING_FAILED_WARNING)

    _resolve_dateline(draft, catalog)
    # The dateline is a place the article names, even when it sits on a header
    # line that is not part of the body ("رووداو – أربيل").
    if draft.dateline_id and draft.dateline_id not in draft.place_ids:
        draft.place_ids.append(draft.dateline_id)

    draft.content_hash = analysis.content_hash
    draft.update_of = draft.duplicate_of = None
    draft.drop_warnings(DUPLICATE_WARNING)
    draft.drop_warnings(UPDATE_WARNING)
    existing = file_ids.settle(draft, catalog, catalog.article_with_external_id(draft.external_id))
    if existing:
        draft.update_of = existing[0]
        draft.warn(f"{UPDATE_WARNING} ({draft.external_id}): سيُحدَّث المقال #{existing[0]} بدل إنشاء مقال جديد.")
    other = catalog.article_with_hash(draft.content_hash, exclude=draft.update_of)
    if other:
        draft.duplicate_of = other
        draft.warn(f"{DUPLICATE_WARNING}{other}")
    elif existing and existing[1] == draft.content_hash:
        draft.duplicate_of = existing[0]
    draft.prepared = True
    return draft


def _place_for(name, catalog):
    """The gazetteer place a dateline names, when the name is (nearly) all of it."""
    if not name:
        return None
    name = name.strip()
    for match in catalog.aliases.find(name):
        if match.kind == "place" and (match.end - match.start) >= 0.6 * len(name.strip("[]() ")):
            return match.pk
    return None


def _resolve_dateline(draft, catalog):
    if draft.dateline_id or not draft.dateline_name:
        return
    pk = _place_for(draft.dateline_name, catalog)
    if pk is None and draft.outlet_is_new and draft.outlet_name:
        # "أربيل – رووداو": the header had the place first. Swap the two.
        place = _place_for(draft.outlet_name, catalog)
        if place:
            outlet_name, draft.dateline_name = draft.dateline_name, draft.outlet_name
            # The byline pair is where the page names itself: "الشرق الأوسط" is the catalogue's paper.
            resolve([Cue(outlet_name, may_propose=True, names_site=True)], catalog.outlets).apply(draft)
            pk = place
    draft.dateline_id = pk
