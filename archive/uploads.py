"""The staging area of admin uploads, and saving what the archivist confirmed.

An upload is read into *drafts* that wait in ``DATA_DIR/staging/<token>/``
(the drafts as JSON in ``stage.json``, each original's bytes beside them as
``<i>.bin``) until the archivist confirms. The drafts stay on the server: the
preview shows them a page at a time and its form carries only that page's
fields, so a zip of 1,000 articles never becomes a POST of 10,000 fields
(Django refuses more than 1,000). The stage also records who uploaded it and
each received file's name, size and SHA-256.

Confirming saves each included draft in its own transaction (one failing does
not stop the others) and records an ``UploadBatch``; each saved article points
to it and keeps the SHA-256 of its own original. A small upload is saved in
the request (``archive.admin_upload``), a large one by the background worker
(``archive.jobs``, ``confirm_stage``). Stages older than a day are removed
whenever someone uploads.
"""
from dataclasses import asdict, fields
from datetime import date
from hashlib import sha256
import json
import logging
from pathlib import Path
import re
import secrets
import shutil
import time

from django.conf import settings
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from archive.ingest import pipeline
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure, IngestError
from archive.ingest.outlets import NEW_OUTLET_WARNING

log = logging.getLogger(__name__)

SESSION_KEY = "archive_upload_stages"
STAGE_MAX_AGE = 24 * 3600
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
# What a stage must not be confirmed twice by: set while a job saves it.
CONFIRMING = "confirming_job"


# ---------------------------------------------------------------------------
# the stage on disk
# ---------------------------------------------------------------------------

def staging_root() -> Path:
    return Path(settings.DATA_DIR) / "staging"


def stage_dir(token) -> Path:
    if not _TOKEN.fullmatch(token or ""):
        raise Http404
    return staging_root() / token


def draft_to_json(draft: Draft) -> dict:
    data = asdict(draft)
    data.pop("original_bytes")
    data["published"] = draft.published.isoformat() if draft.published else None
    data["has_bytes"] = draft.original_bytes is not None
    return data


_DRAFT_FIELDS = {f.name for f in fields(Draft)}


def draft_from_json(data: dict, folder: Path, index: int) -> Draft:
    values = {k: v for k, v in data.items() if k in _DRAFT_FIELDS}
    values["published"] = date.fromisoformat(data["published"]) if data.get("published") else None
    draft = Draft(**values)
    if data.get("has_bytes"):
        draft.original_bytes = (folder / f"{index}.bin").read_bytes()
    return draft


def file_record(name, data: bytes) -> dict:
    """A received file as the batch records it."""
    return {"name": name, "size": len(data), "sha256": sha256(data).hexdigest()}


def write_stage(user, drafts, failures, files=(), token=None) -> str:
    if token is None:
        token = secrets.token_urlsafe(24)
    folder = staging_root() / token
    folder.mkdir(parents=True, mode=0o700, exist_ok=True)
    for i, draft in enumerate(drafts):
        if draft.original_bytes is not None:
            (folder / f"{i}.bin").write_bytes(draft.original_bytes)
    write_manifest(folder, {
        "user": user.pk,
        "created": time.time(),
        "files": list(files),
        "drafts": [draft_to_json(d) for d in drafts],
        "failures": [asdict(f) for f in failures],
    })
    return token


def write_manifest(folder, manifest):
    tmp = folder / "stage.json.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / "stage.json")


def load_stage(token):
    """``(folder, manifest, drafts, failures)`` of a stage; Http404 when there is none."""
    folder = stage_dir(token)
    try:
        manifest = json.loads((folder / "stage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise Http404
    drafts = [draft_from_json(d, folder, i) for i, d in enumerate(manifest["drafts"])]
    failures = [Failure(**f) for f in manifest.get("failures", [])]
    return folder, manifest, drafts, failures


def read_stage(request, token):
    """The stage of this token, if it belongs to this user's session; else 404."""
    stage_dir(token)
    if token not in request.session.get(SESSION_KEY, []):
        raise Http404
    folder, manifest, drafts, failures = load_stage(token)
    if manifest.get("user") != request.user.pk:
        raise Http404
    return folder, manifest, drafts, failures


def remove_stage(token):
    shutil.rmtree(stage_dir(token), ignore_errors=True)


def drop_stage(request, token):
    remove_stage(token)
    tokens = [t for t in request.session.get(SESSION_KEY, []) if t != token]
    request.session[SESSION_KEY] = tokens


def clean_old_stages(now=None):
    """Remove stages nobody confirmed within a day (not one a job is saving)."""
    root = staging_root()
    if not root.is_dir():
        return
    now = now or time.time()
    for child in root.iterdir():
        try:
            if child.is_dir() and now - child.stat().st_mtime > STAGE_MAX_AGE:
                shutil.rmtree(child, ignore_errors=True)
        except OSError:
            continue


# ---------------------------------------------------------------------------
# reading what was uploaded
# ---------------------------------------------------------------------------

def read_files(named, outlets_allowed, failures=None, progress=None):
    """``(drafts, failures, received)`` of ``[(name, bytes), ...]``: read, tagged, checked."""
    from archive.ingest.boilerplate import strip_shared_lines

    catalog = Catalog()
    read, drafts, failures, received = [], [], list(failures or []), []
    for name, data in named:
        received.append(file_record(name, data))
        for item in pipeline.iter_read(name, data, catalog=catalog):
            if progress is not None:
                progress.advance()
            if isinstance(item, Failure):
                failures.append(item)
                continue
            read.append(item)
    # Lines recurring across this upload's pages of one outlet are the site's furniture.
    for item in strip_shared_lines(read):
        try:
            pipeline.prepare(item, catalog)
        except IngestError as error:
            failures.append(Failure.from_error(item.source_name, error))
            continue
        if not outlets_allowed:
            withhold_new_outlet(item)
        drafts.append(item)
    return drafts, failures, received


def estimated_items(name, data):
    """About how many articles a file holds, without reading them: a zip's
    members, a JSON-lines file's lines (a gzip is taken as many)."""
    import io
    import zipfile

    if data[:2] == b"\x1f\x8b":
        return 1000
    if data[:2] == b"PK":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                names = zf.namelist()
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
            return 1
        return 1 if "word/document.xml" in names else len(names)
    if name.lower().endswith((".jsonl", ".json")):
        return data.count(b"\n") + 1
    return 1


def stage_later(user, named, failures):
    """Keep the received files in a new stage for the worker to read: its token."""
    token = secrets.token_urlsafe(24)
    incoming = staging_root() / token / "incoming"
    incoming.mkdir(parents=True, mode=0o700)
    for i, (_name, data) in enumerate(named):
        (incoming / f"{i}.bin").write_bytes(data)
    (incoming / "files.json").write_text(json.dumps({
        "user": user.pk, "names": [name for name, _data in named], "failures": [asdict(f) for f in failures],
    }, ensure_ascii=False), encoding="utf-8")
    return token


def stage_files(job, progress):
    """The background job's reading of a large upload into its stage."""
    from django.contrib.auth import get_user_model

    token = job.params["token"]
    incoming = stage_dir(token) / "incoming"
    meta = json.loads((incoming / "files.json").read_text(encoding="utf-8"))
    named = [(name, (incoming / f"{i}.bin").read_bytes()) for i, name in enumerate(meta["names"])]
    progress.set_total(sum(estimated_items(name, data) for name, data in named))
    user = get_user_model().objects.filter(pk=meta["user"]).first()
    drafts, failures, received = read_files(
        named, bool(user and may_add_outlets(user)), [Failure(**f) for f in meta["failures"]], progress,
    )
    write_stage(user, drafts, failures, received, token=token)
    shutil.rmtree(incoming, ignore_errors=True)
    return {"token": token, "drafts": len(drafts), "failures": len(failures)}


def included_set(manifest, drafts):
    """The drafts to save: as the archivist left them, or every one not a duplicate."""
    if manifest.get("included") is not None:
        return set(manifest["included"])
    return {i for i, d in enumerate(drafts) if not is_duplicate(d)}


# ---------------------------------------------------------------------------
# outlets: only staff who may add them
# ---------------------------------------------------------------------------

def may_add_outlets(user):
    return user.has_perm("archive.add_outlet")


def outlet_left_for_staff_warning(name):
    return _("المصدر «%(name)s» غير موجود في الأرشيف، ولا تملك صلاحية إضافة مصادر: "
             "سيُحفظ المقال بلا مصدر حتى يضيفه أحد المسؤولين.") % {"name": name}


def withhold_new_outlet(draft):
    """The draft would create an outlet its uploader may not create: leave it empty, say so."""
    if draft.outlet_is_new and draft.outlet_name:
        draft.outlet_is_new, draft.outlet_id = False, None
        draft.drop_warnings(NEW_OUTLET_WARNING)
        draft.warn(outlet_left_for_staff_warning(draft.outlet_name))


# ---------------------------------------------------------------------------
# saving
# ---------------------------------------------------------------------------

def is_duplicate(draft):
    return bool(draft.duplicate_of and draft.duplicate_of != draft.update_of)


def record_batch(user_id, files):
    from archive.models import UploadBatch

    return UploadBatch.objects.create(user_id=user_id, files=list(files), confirmed=timezone.now())


INDEX_EVERY = 100


def save_drafts(drafts, included, *, batch=None, may_add_outlets=True, progress=None):
    """Save each included draft in its own transaction: one result per draft.

    The search index gets one commit per INDEX_EVERY saved articles rather
    than one per article (a thousand Whoosh commits took minutes); an article
    is marked indexed only once its commit is done (``Article.indexed``).
    """
    from archive.search.indexing import index_articles

    pending = []
    try:
        return _save_drafts(drafts, included, batch, may_add_outlets, progress, pending, index_articles)
    finally:
        if pending:
            _index(pending, index_articles)


def _index(pks, index_articles):
    try:
        index_articles(pks)
    except Exception:  # saved all the same; check_index --repair or the next import indexes them
        log.exception("Could not index %s uploaded articles", len(pks))
    pks.clear()


def _save_drafts(drafts, included, batch, may_add_outlets, progress, pending, index_articles):
    from archive.models import Article
    from archive.near_duplicates import group_near_duplicates

    catalog = Catalog()
    results = []
    for i, draft in enumerate(drafts):
        if progress is not None:
            progress.advance()
        result = {"draft": draft, "index": i, "article": None, "status": "skipped", "message": ""}
        results.append(result)
        if is_duplicate(draft):
            result.update(status="duplicate", duplicate_of=draft.duplicate_of,
                          message=_("النص نفسه محفوظ من قبل، فلم يُحفظ مرة أخرى."))
            continue
        if i not in included:
            result["message"] = _("لم يُختر للحفظ.")
            continue
        if not may_add_outlets:
            withhold_new_outlet(draft)  # checked again: the stage is only JSON on disk
        try:
            article, _created = pipeline.save(draft, catalog=catalog, index=False)
        except IngestError as error:
            result.update(status="failed", message=error.message)
            if draft.duplicate_of:
                result.update(status="duplicate", duplicate_of=draft.duplicate_of)
            continue
        except Exception as error:  # a bug must not lose the other drafts
            log.exception("Unexpected error while saving %s", draft.source_name)
            result.update(status="failed", message=_("حدث خطأ غير متوقع فلم يُحفظ هذا المقال.")
                          + f" ({error.__class__.__name__})")
            continue
        result.update(status=draft.outcome or "created", article=article)
        if batch is not None and draft.outcome != "unchanged":
            # A queryset update: no signal, no new version to index.
            Article.objects.filter(pk=article.pk).update(upload_batch=batch)
        if draft.outcome != "unchanged" or not article.indexed:
            pending.append(article.pk)
            if len(pending) >= INDEX_EVERY:
                _index(pending, index_articles)
        if draft.outcome != "unchanged":
            try:
                group_near_duplicates(article)
            except Exception:  # grouping is a convenience: the article is saved
                log.exception("Could not group article #%s with its near duplicates", article.pk)
    return results


def counts(results):
    found = {}
    for result in results:
        found[result["status"]] = found.get(result["status"], 0) + 1
    return found


def results_to_json(results):
    return [{
        "source_name": r["draft"].source_name, "title": r["draft"].title, "status": r["status"],
        "message": r["message"], "article_id": r["article"].pk if r["article"] else None,
        "duplicate_of": r.get("duplicate_of"),
    } for r in results]


def results_from_json(rows):
    """What the result page shows, from a job's stored results."""
    from archive.models import Article

    articles = Article.objects.in_bulk([r["article_id"] for r in rows if r.get("article_id")])
    return [{
        "draft": {"source_name": r["source_name"], "title": r["title"]},
        "article": articles.get(r.get("article_id")),
        "status": r["status"], "message": r["message"], "duplicate_of": r.get("duplicate_of"),
    } for r in rows]


def confirm_stage(job, progress):
    """The background job's half of confirming: save the stage, keep the results, remove it."""
    from django.contrib.auth import get_user_model

    token = job.params["token"]
    folder, manifest, drafts, failures = load_stage(token)
    user = get_user_model().objects.filter(pk=manifest.get("user")).first()
    progress.set_total(len(drafts))
    batch = record_batch(manifest.get("user"), manifest.get("files", []))
    results = save_drafts(
        drafts, included_set(manifest, drafts), batch=batch,
        may_add_outlets=bool(user and may_add_outlets(user)), progress=progress,
    )
    remove_stage(token)
    return {
        "batch": batch.pk, "counts": counts(results), "results": results_to_json(results),
        "failures": [asdict(f) for f in failures],
    }
