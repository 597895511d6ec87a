"""Upload with review before save, and re-tagging, in the articles' admin.

    upload/            the form: one or many files, or a zip
    upload/<token>/    the preview of what was read; POST confirms and saves
    retag-all/         re-tag every article with the current gazetteer

Nothing reaches the archive before the archivist confirms: what the files hold
is read by the import pipeline (``archive.ingest.pipeline``) and *staged* in
``DATA_DIR/staging/<token>/`` (the drafts as JSON, the original bytes beside
them). The token is kept in the uploader's session and the stage records who
made it. Confirming saves each included draft in its own transaction (one
failing does not stop the others), then removes the stage. Stages older than
a day are removed whenever someone uploads.
"""
from dataclasses import asdict, fields
from datetime import date
import json
import logging
from pathlib import Path
import re
import secrets
import shutil
import time

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from archive.ingest import pipeline
from archive.ingest.catalog import Catalog
from archive.ingest.draft import Draft, Failure, IngestError
from archive.ingest.outlets import NEW_OUTLET_WARNING
from archive.ingest.text import NO_DATE_WARNING

log = logging.getLogger(__name__)

SESSION_KEY = "archive_upload_stages"
STAGE_MAX_AGE = 24 * 3600
BODY_PREVIEW = 400
_TOKEN = re.compile(r"[A-Za-z0-9_-]{20,64}")
PRECISIONS = ("day", "month", "year")
RELATIONS = (("speakers", "speaker_ids"), ("places", "place_ids"), ("forces", "force_ids"))


# ---------------------------------------------------------------------------
# staging
# ---------------------------------------------------------------------------

def staging_root() -> Path:
    return Path(settings.DATA_DIR) / "staging"


def _stage_dir(token) -> Path:
    if not _TOKEN.fullmatch(token or ""):
        raise Http404
    return staging_root() / token


def _draft_to_json(draft: Draft) -> dict:
    data = asdict(draft)
    data.pop("original_bytes")
    data["published"] = draft.published.isoformat() if draft.published else None
    data["has_bytes"] = draft.original_bytes is not None
    return data


_DRAFT_FIELDS = {f.name for f in fields(Draft)}


def _draft_from_json(data: dict, folder: Path, index: int) -> Draft:
    values = {k: v for k, v in data.items() if k in _DRAFT_FIELDS}
    values["published"] = date.fromisoformat(data["published"]) if data.get("published") else None
    draft = Draft(**values)
    if data.get("has_bytes"):
        draft.original_bytes = (folder / f"{index}.bin").read_bytes()
    return draft


def write_stage(user, drafts, failures) -> str:
    token = secrets.token_urlsafe(24)
    folder = staging_root() / token
    folder.mkdir(parents=True, mode=0o700)
    for i, draft in enumerate(drafts):
        if draft.original_bytes is not None:
            (folder / f"{i}.bin").write_bytes(draft.original_bytes)
    _write_manifest(folder, {
        "user": user.pk,
        "created": time.time(),
        "drafts": [_draft_to_json(d) for d in drafts],
        "failures": [asdict(f) for f in failures],
    })
    return token


def _write_manifest(folder, manifest):
    tmp = folder / "stage.json.tmp"
    tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    tmp.replace(folder / "stage.json")


def read_stage(request, token):
    """The stage of this token, if it belongs to this user's session; else 404."""
    folder = _stage_dir(token)
    if token not in request.session.get(SESSION_KEY, []):
        raise Http404
    try:
        manifest = json.loads((folder / "stage.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise Http404
    if manifest.get("user") != request.user.pk:
        raise Http404
    drafts = [_draft_from_json(d, folder, i) for i, d in enumerate(manifest["drafts"])]
    failures = [Failure(**f) for f in manifest.get("failures", [])]
    return folder, manifest, drafts, failures


def drop_stage(request, token):
    shutil.rmtree(_stage_dir(token), ignore_errors=True)
    tokens = [t for t in request.session.get(SESSION_KEY, []) if t != token]
    request.session[SESSION_KEY] = tokens


def clean_old_stages(now=None):
    """Remove stages nobody confirmed within a day."""
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
# views
# ---------------------------------------------------------------------------

def urls(model_admin):
    wrap = model_admin.admin_site.admin_view
    return [
        path("upload/", wrap(UploadViews(model_admin).upload), name="archive_article_upload"),
        path("upload/<str:token>/", wrap(UploadViews(model_admin).preview), name="archive_article_preview"),
        path("retag-all/", wrap(UploadViews(model_admin).retag_all), name="archive_article_retag_all"),
    ]


class UploadViews:
    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.admin_site = model_admin.admin_site

    def _context(self, request, title, **extra):
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model_admin.model._meta,
            "title": title,
            "max_file": human_size(settings.UPLOAD_MAX_FILE_BYTES),
            "max_zip": human_size(settings.UPLOAD_MAX_ZIP_TOTAL_BYTES),
        }
        context.update(extra)
        return context

    @staticmethod
    def _require(request, perm):
        if not request.user.has_perm(f"archive.{perm}_article"):
            raise PermissionDenied

    # -- 1. the form -----------------------------------------------------------

    @property
    def upload(self):
        @require_http_methods(["GET", "POST"])
        def view(request):
            self._require(request, "add")
            errors = []
            if request.method == "POST":
                files = request.FILES.getlist("files")
                if not files:
                    errors.append(_("اختر ملفًا واحدًا على الأقل."))
                else:
                    clean_old_stages()
                    token = self._stage(request, files)
                    return HttpResponseRedirect(reverse("admin:archive_article_preview", args=[token]))
            return TemplateResponse(request, "admin/archive/article/upload.html", self._context(
                request, _("رفع ملفات"), errors=errors,
                can_retag=request.user.has_perm("archive.change_article"),
            ))
        return view

    def _stage(self, request, files):
        catalog = Catalog()
        limit = settings.UPLOAD_MAX_FILE_BYTES
        drafts, failures = [], []
        for upload in files:
            name = (upload.name or "").replace("\\", "/").rsplit("/", 1)[-1] or "file"
            if limit is not None and upload.size > limit:
                failures.append(Failure(
                    name,
                    _("حجم الملف «%(name)s» %(size)s، وهو أكبر من الحد المسموح لملف واحد (%(limit)s)، فلم يُقرأ.")
                    % {"name": name, "size": human_size(upload.size), "limit": human_size(limit)},
                    f"“{name}” is {upload.size} bytes; the limit is {limit} bytes.",
                ))
                continue
            data = upload.read()
            for item in pipeline.read(name, data, catalog=catalog):
                if isinstance(item, Failure):
                    failures.append(item)
                    continue
                try:
                    pipeline.prepare(item, catalog)
                except IngestError as error:
                    failures.append(Failure.from_error(item.source_name, error))
                    continue
                drafts.append(item)
        token = write_stage(request.user, drafts, failures)
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), token][-20:]
        return token

    # -- 2. preview and confirm --------------------------------------------

    @property
    def preview(self):
        @require_http_methods(["GET", "POST"])
        def view(request, token):
            self._require(request, "add")
            folder, manifest, drafts, failures = read_stage(request, token)
            if request.method == "POST" and "cancel" in request.POST:
                drop_stage(request, token)
                messages.info(request, _("أُلغي الرفع ولم يُحفظ شيء."))
                return HttpResponseRedirect(reverse("admin:archive_article_changelist"))
            errors = {}
            if request.method == "POST":
                included = set()
                for i, draft in enumerate(drafts):
                    problems = apply_corrections(draft, i, request.POST)
                    if problems:
                        errors[i] = problems
                    if request.POST.get(f"d{i}-include") and not _is_duplicate(draft):
                        included.add(i)
                manifest["drafts"] = [_draft_to_json(d) for d in drafts]
                manifest["included"] = sorted(included)
                _write_manifest(folder, manifest)
                if not errors:
                    results = save_drafts(drafts, included)
                    drop_stage(request, token)
                    return TemplateResponse(request, "admin/archive/article/result.html", self._context(
                        request, _("نتيجة الرفع"), results=results, failures=failures,
                        counts=_counts(results),
                    ))
            included = manifest.get("included")
            return TemplateResponse(request, "admin/archive/article/preview.html", self._context(
                request, _("مراجعة قبل الحفظ"), token=token, failures=failures,
                rows=preview_rows(drafts, errors, included),
                has_errors=bool(errors),
            ))
        return view

    # -- re-tag every article ------------------------------------------------

    @property
    def retag_all(self):
        @require_http_methods(["GET", "POST"])
        def view(request):
            self._require(request, "change")
            from archive.models import Article

            if request.method == "POST":
                return retag_response(self.model_admin, request, Article.objects.all())
            return TemplateResponse(request, "admin/archive/article/retag_result.html", self._context(
                request, _("إعادة وسم كل المقالات"), confirm=True, total=Article.objects.count(),
            ))
        return view


def human_size(n):
    if n >= 1024 * 1024:
        return _("%s م.ب") % f"{n / (1024 * 1024):.1f}".removesuffix(".0")
    return _("%s ك.ب") % f"{max(n, 1) / 1024:.1f}".removesuffix(".0")


def _is_duplicate(draft):
    return bool(draft.duplicate_of and draft.duplicate_of != draft.update_of)


def apply_corrections(draft: Draft, i: int, post) -> list[str]:
    """The archivist's corrections of draft ``i``; returns what could not be applied."""
    problems = []
    prefix = f"d{i}-"
    title = re.sub(r"\s+", " ", post.get(prefix + "title", draft.title)).strip()
    if not title:
        problems.append(_("العنوان لا يكون فارغًا."))
    elif len(title) > pipeline.TITLE_MAX:
        problems.append(_("العنوان أطول مما يتسع له الأرشيف."))
    else:
        draft.title = title

    outlet = post.get(prefix + "outlet", None)
    if outlet is not None:
        from archive.models import Outlet

        if outlet == "new" and draft.outlet_name:
            draft.outlet_id, draft.outlet_is_new = None, True
        elif outlet == "":
            draft.outlet_id, draft.outlet_is_new = None, False
            draft.drop_warnings(NEW_OUTLET_WARNING)
        elif outlet.isdigit() and Outlet.objects.filter(pk=int(outlet)).exists():
            known = Outlet.objects.get(pk=int(outlet))
            draft.outlet_id, draft.outlet_name, draft.outlet_is_new = known.pk, known.name, False
            draft.drop_warnings(NEW_OUTLET_WARNING)
        else:
            problems.append(_("وسيلة الإعلام المختارة غير موجودة."))

    raw_date = post.get(prefix + "published", None)
    precision = post.get(prefix + "precision", draft.date_precision or "")
    if raw_date is not None:
        raw_date = raw_date.strip()
        if not raw_date:
            draft.published, draft.date_precision = None, ""
        else:
            try:
                when = date.fromisoformat(raw_date)
            except ValueError:
                problems.append(_("التاريخ غير صحيح: اكتبه بالصيغة سنة-شهر-يوم."))
            else:
                if precision not in PRECISIONS:
                    precision = "day"
                if precision == "month":
                    when = when.replace(day=1)
                elif precision == "year":
                    when = when.replace(month=1, day=1)
                if when > date.today() or when.year < 1900:
                    problems.append(_("التاريخ خارج المدى المعقول."))
                else:
                    draft.published, draft.date_precision = when, precision
                    draft.drop_warnings(NO_DATE_WARNING)

    for relation, attribute in RELATIONS:
        if prefix + "tags" in post:  # the form was shown: unchecked boxes remove
            chosen = {int(v) for v in post.getlist(prefix + relation) if v.isdigit()}
            setattr(draft, attribute, [pk for pk in getattr(draft, attribute) if pk in chosen])
    if draft.dateline_id and draft.dateline_id not in draft.place_ids:
        draft.dateline_id = None
    draft.content_hash = pipeline.content_hash(draft.title, draft.body)
    return problems


def save_drafts(drafts, included):
    """Save each included draft in its own transaction: one result per draft."""
    from archive.near_duplicates import group_near_duplicates

    catalog = Catalog()
    results = []
    for i, draft in enumerate(drafts):
        result = {"draft": draft, "index": i, "article": None, "status": "skipped", "message": ""}
        results.append(result)
        if _is_duplicate(draft):
            result.update(status="duplicate", duplicate_of=draft.duplicate_of,
                          message=_("النص نفسه محفوظ من قبل، فلم يُحفظ مرة أخرى."))
            continue
        if i not in included:
            result["message"] = _("لم يُختر للحفظ.")
            continue
        try:
            article, _created = pipeline.save(draft, catalog=catalog)
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
        if draft.outcome != "unchanged":
            try:
                group_near_duplicates(article)
            except Exception:  # grouping is a convenience: the article is saved
                log.exception("Could not group article #%s with its near duplicates", article.pk)
    return results


def _counts(results):
    counts = {}
    for result in results:
        counts[result["status"]] = counts.get(result["status"], 0) + 1
    return counts


def preview_rows(drafts, errors=None, included=None):
    from archive.models import Article, Force, Outlet, Place, Speaker

    errors = errors or {}
    outlets = list(Outlet.objects.order_by("name").values_list("pk", "name"))
    wanted = {model: set() for model in (Speaker, Place, Force)}
    for draft in drafts:
        wanted[Speaker].update(draft.speaker_ids)
        wanted[Place].update(draft.place_ids)
        wanted[Force].update(draft.force_ids)
    names = {model: model.objects.in_bulk(pks) for model, pks in wanted.items()}
    others = set()
    for draft in drafts:
        others.update(pk for pk in (draft.duplicate_of, draft.update_of) if pk)
    known_articles = Article.objects.in_bulk(others)
    rows = []
    for i, draft in enumerate(drafts):
        duplicate = _is_duplicate(draft)
        entities = []
        for (relation, attribute), model, label in zip(
            RELATIONS, (Speaker, Place, Force), (_("المتحدثون"), _("الأماكن"), _("القوات")),
        ):
            # What was found: checked when the draft keeps it.
            found = [names[model][pk] for pk in getattr(draft, attribute) if pk in names[model]]
            entities.append({"relation": relation, "label": label, "items": found})
        warnings = [w for w in draft.warnings
                    if not w.startswith((pipeline.DUPLICATE_WARNING, pipeline.UPDATE_WARNING))]
        body = re.sub(r"\n\s*\n+", "\n", draft.body[:BODY_PREVIEW])
        rows.append({
            "i": i,
            "prefix": f"d{i}-",
            "draft": draft,
            "include": (not duplicate) and (included is None or i in included),
            "duplicate": duplicate,
            "duplicate_article": known_articles.get(draft.duplicate_of) if duplicate else None,
            "duplicate_of": draft.duplicate_of if duplicate else None,
            "update_of": draft.update_of,
            "update_article": known_articles.get(draft.update_of),
            "outlets": outlets,
            "new_outlet": draft.outlet_name if draft.outlet_is_new else "",
            "outlet_value": "new" if draft.outlet_is_new else (str(draft.outlet_id) if draft.outlet_id else ""),
            "published": draft.published.isoformat() if draft.published else "",
            "no_date": draft.published is None,
            "precision": draft.date_precision or "",
            "precisions": [("day", _("يوم")), ("month", _("شهر")), ("year", _("سنة"))],
            "entities": entities,
            "body_start": body,
            "body_more": len(draft.body) > BODY_PREVIEW,
            "warnings": warnings,
            "errors": errors.get(i, []),
        })
    return rows


# ---------------------------------------------------------------------------
# re-tagging
# ---------------------------------------------------------------------------

def describe_changes(changes):
    """Each changed article with the names added and removed, per relation."""
    from archive.models import Article, Force, Place, Speaker

    models = {"speakers": Speaker, "places": Place, "forces": Force}
    labels = {"speakers": _("المتحدثون"), "places": _("الأماكن"), "forces": _("القوات")}
    changed = [c for c in changes if c.changed]
    wanted = {relation: set() for relation in models}
    for change in changed:
        for relation in models:
            wanted[relation].update(change.added.get(relation, []))
            wanted[relation].update(change.removed.get(relation, []))
    names = {relation: models[relation].objects.in_bulk(pks) for relation, pks in wanted.items()}
    articles = Article.objects.in_bulk([c.article_id for c in changed])
    rows = []
    for change in changed:
        parts = []
        for relation in models:
            added = [names[relation][pk] for pk in change.added.get(relation, []) if pk in names[relation]]
            removed = [names[relation][pk] for pk in change.removed.get(relation, []) if pk in names[relation]]
            if added or removed:
                parts.append({"label": labels[relation], "added": added, "removed": removed})
        rows.append({"article": articles.get(change.article_id), "article_id": change.article_id, "parts": parts})
    return rows


def retag_response(model_admin, request, queryset):
    """Re-tag the articles and show what changed (the admin action and "all articles")."""
    from archive.tagging import retag_articles

    if not request.user.has_perm("archive.change_article"):
        raise PermissionDenied
    changes = retag_articles(queryset, user=request.user)
    rows = describe_changes(changes)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": _("نتيجة إعادة الوسم"),
        "rows": rows,
        "total": len(changes),
        "changed": len(rows),
    }
    return TemplateResponse(request, "admin/archive/article/retag_result.html", context)
