"""Upload with review before save, and re-tagging, in the articles' admin.

    upload/            the form: one or many files, or a zip
    upload/<token>/    the preview of what was read, a page at a time; POST
                       keeps that page's corrections and confirms
    retag-all/         re-tag every article with the current gazetteer (a job)

Nothing reaches the archive before the archivist confirms: what the files hold
is read by the import pipeline (``archive.ingest.pipeline``) and *staged* on
the server (``archive.uploads``). The token is kept in the uploader's session
and the stage records who made it. Each preview page posts only its own
drafts' fields, so a batch of any size stays under Django's 1,000-field limit.
Confirming saves the drafts here when there are few
(``UPLOAD_CONFIRM_IN_REQUEST``), else as a background job (``archive.jobs``)
whose page shows its progress and, once done, the same result table.
An archivist who may not add outlets creates none: the outlet is left empty
for staff, with a warning.
"""
from datetime import date
import logging
import re

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from archive import jobs
from archive.ingest import pipeline
from archive.ingest.draft import Draft, Failure
from archive.ingest.outlets import NEW_OUTLET_WARNING
from archive.ingest.dates import in_words
from archive.ingest.text import NO_DATE_WARNING
from archive.uploads import (  # noqa: F401  (the staging area, once defined here)
    SESSION_KEY, clean_old_stages, draft_to_json as _draft_to_json, drop_stage, estimated_items,
    included_set, read_files, stage_later, is_duplicate as _is_duplicate, may_add_outlets, read_stage, record_batch,
    save_drafts, counts as _counts, withhold_new_outlet, write_manifest as _write_manifest, write_stage,
)

log = logging.getLogger(__name__)

BODY_PREVIEW = 400
PRECISIONS = ("day", "month", "year")
RELATIONS = (("speakers", "speaker_ids"), ("places", "place_ids"), ("forces", "force_ids"))
# Drafts per preview page: at most PAGE_SIZE, and no more than make
# PAGE_FIELDS form fields (each draft has seven, plus one per speaker, place
# and force found): Django refuses a POST of more than
# DATA_UPLOAD_MAX_NUMBER_FIELDS (1,000) with a bare "Bad request".
PAGE_SIZE = 40
PAGE_FIELDS = 600
# Selected articles re-tagged in the request; more go to the worker.
RETAG_IN_REQUEST = 200


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
                    return HttpResponseRedirect(self._stage(request, files))
            return TemplateResponse(request, "admin/archive/article/upload.html", self._context(
                request, _("رفع ملفات"), errors=errors,
                can_retag=request.user.has_perm("archive.change_article"),
            ))
        return view

    def _stage(self, request, files):
        """Read the files into a stage: here when they are few, else in a job.

        Returns where to go next: the preview, or the reading job's page.
        """
        limit = settings.UPLOAD_MAX_FILE_BYTES
        named, failures = [], []
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
            named.append((name, upload.read()))
        if sum(estimated_items(name, data) for name, data in named) > settings.UPLOAD_READ_IN_REQUEST:
            token = stage_later(request.user, named, failures)
            job = jobs.start("stage_upload", request.user, token=token)
            target = reverse("admin:archive_job", args=[job.pk])
        else:
            drafts, failures, received = read_files(named, may_add_outlets(request.user), failures)
            token = write_stage(request.user, drafts, failures, received)
            target = reverse("admin:archive_article_preview", args=[token])
        request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, []), token][-20:]
        return target

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
            starts = page_starts(drafts)
            pages = len(starts) - 1
            page = _page_number(request.POST.get("page") if request.method == "POST" else request.GET.get("page"), pages)
            first, end = starts[page - 1], starts[page]
            errors = {}
            batch = {}
            if request.method == "POST":
                # Only the drafts this page showed are in the form; the others
                # keep what was saved for them before.
                shown = range(first, end)
                included = included_set(manifest, drafts)
                allowed = may_add_outlets(request.user)
                for i in shown:
                    problems = apply_corrections(drafts[i], i, request.POST, may_add_outlets=allowed)
                    if problems:
                        errors[i] = problems
                    included.discard(i)
                    if request.POST.get(f"d{i}-include") and not _is_duplicate(drafts[i]):
                        included.add(i)
                # The outlet and date set once for the whole batch win over each file's.
                batch = apply_batch(drafts, request.POST)
                if batch.get("errors"):
                    errors["batch"] = batch["errors"]
                manifest["drafts"] = [_draft_to_json(d) for d in drafts]
                manifest["included"] = sorted(included)
                _write_manifest(folder, manifest)
                goto = request.POST.get("goto")
                if not errors and goto is not None:
                    target = _page_number(goto, pages)
                    return HttpResponseRedirect(f"{request.path}?page={target}")
                if not errors and "confirm" in request.POST:
                    return self._confirm(request, token, manifest, drafts, failures, included)
            included = manifest.get("included")
            return TemplateResponse(request, "admin/archive/article/preview.html", self._context(
                request, _("مراجعة قبل الحفظ"), token=token, failures=failures,
                rows=preview_rows(drafts[first:end], errors, included, start=first),
                total=len(drafts), page=page, pages=range(1, pages + 1), page_count=pages,
                has_errors=bool(errors), batch=batch_form(drafts, batch),
            ))
        return view

    def _confirm(self, request, token, manifest, drafts, failures, included):
        """Save here when the batch is small; else hand it to the worker and show its page."""
        if len(included) > settings.UPLOAD_CONFIRM_IN_REQUEST:
            job = jobs.start("confirm_upload", request.user, total=len(drafts), token=token)
            # The stage now belongs to the job: it is no longer this session's to confirm again.
            tokens = [t for t in request.session.get(SESSION_KEY, []) if t != token]
            request.session[SESSION_KEY] = tokens
            return HttpResponseRedirect(reverse("admin:archive_job", args=[job.pk]))
        batch = record_batch(request.user.pk, manifest.get("files", []))
        results = save_drafts(drafts, included, batch=batch, may_add_outlets=may_add_outlets(request.user))
        drop_stage(request, token)
        return TemplateResponse(request, "admin/archive/article/result.html", self._context(
            request, _("نتيجة الرفع"), results=results, failures=failures,
            counts=_counts(results),
        ))

    # -- re-tag every article ------------------------------------------------

    @property
    def retag_all(self):
        @require_http_methods(["GET", "POST"])
        def view(request):
            self._require(request, "change")
            from archive.models import Article

            if request.method == "POST":
                job = jobs.start("retag", request.user, total=Article.objects.count(), pks=None)
                return HttpResponseRedirect(reverse("admin:archive_job", args=[job.pk]))
            return TemplateResponse(request, "admin/archive/article/retag_result.html", self._context(
                request, _("إعادة وسم كل المقالات"), confirm=True, total=Article.objects.count(),
            ))
        return view


def human_size(n):
    if n >= 1024 * 1024:
        return _("%s م.ب") % f"{n / (1024 * 1024):.1f}".removesuffix(".0")
    return _("%s ك.ب") % f"{max(n, 1) / 1024:.1f}".removesuffix(".0")


def page_starts(drafts):
    """Where each preview page starts, and the end: ``[0, 40, 75, …, len(drafts)]``."""
    starts, fields_ = [0], 0
    for i, draft in enumerate(drafts):
        cost = 7 + len(draft.speaker_ids) + len(draft.place_ids) + len(draft.force_ids)
        if i > starts[-1] and (i - starts[-1] >= PAGE_SIZE or fields_ + cost > PAGE_FIELDS):
            starts.append(i)
            fields_ = 0
        fields_ += cost
    if starts[-1] != len(drafts) or not drafts:
        starts.append(len(drafts))
    return starts


def _page_number(value, pages):
    try:
        return min(max(int(value), 1), pages)
    except (TypeError, ValueError):
        return 1


def apply_corrections(draft: Draft, i: int, post, may_add_outlets=True) -> list[str]:
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

        if outlet == "new" and draft.outlet_name and may_add_outlets:
            draft.outlet_id, draft.outlet_is_new = None, True
        elif outlet == "new" and draft.outlet_name:
            problems.append(_("لا تملك صلاحية إضافة مصادر جديدة: اختر مصدرًا موجودًا أو اتركه فارغًا."))
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
    draft.provenance.pop(TYPED_DATE, None)
    if raw_date is not None:
        problem = set_typed_date(draft, raw_date, precision)
        if problem:
            problems.append(problem)
            # Shown again as typed, with what is allowed: never silently replaced.
            draft.provenance[TYPED_DATE] = raw_date.strip()[:40]

    for relation, attribute in RELATIONS:
        if prefix + "tags" in post:  # the form was shown: unchecked boxes remove
            chosen = {int(v) for v in post.getlist(prefix + relation) if v.isdigit()}
            setattr(draft, attribute, [pk for pk in getattr(draft, attribute) if pk in chosen])
    if prefix + "tags" in post:
        # A ticked proposed speaker becomes a speaker when the draft is saved.
        accepted = set(post.getlist(prefix + "accept_speaker"))
        for n, proposal in enumerate(draft.speaker_proposals):
            proposal["accept"] = str(n) in accepted
    if draft.dateline_id and draft.dateline_id not in draft.place_ids:
        draft.dateline_id = None
    draft.content_hash = pipeline.content_hash(draft.title, draft.body)
    return problems


# The date an archivist typed that could not be taken, kept to show it again.
TYPED_DATE = "typed_date"


def set_typed_date(draft, raw, precision):
    """Give ``draft`` the date typed; returns what is wrong with it, or None."""
    from archive.ingest import dates

    raw = (raw or "").strip()
    if not raw:
        draft.published, draft.date_precision = None, ""
        draft.provenance.pop("date", None)
        return None
    found = dates.parse_typed(raw)
    if found is None:
        return _("التاريخ «%(typed)s» غير مفهوم: اكتبه سنة-شهر-يوم (2018-02-28)، أو سنة-شهر (2018-02) لشهر، أو سنة (2018) لسنة.") % {"typed": raw[:40]}
    when, implied = found
    if precision not in PRECISIONS:
        precision = implied
    elif implied != "day" and precision == "day":
        precision = implied  # "2018" with "day" chosen: the year is all that was given
    if precision == "month":
        when = when.replace(day=1)
    elif precision == "year":
        when = when.replace(month=1, day=1)
    if when > date.today() or when.year < 1900:
        return _("التاريخ «%(typed)s» خارج المدى المعقول: بين 1900 واليوم.") % {"typed": raw[:40]}
    if (when, precision) != (draft.published, draft.date_precision):
        draft.provenance["date"] = _("صحّحه المؤرشف")
    draft.published, draft.date_precision = when, precision
    draft.drop_warnings(NO_DATE_WARNING)
    return None


def apply_batch(drafts, post):
    """"batch-outlet", "batch-published", "batch-precision": one outlet and one
    date for every file of the upload. Returns the values and any error."""
    from archive.models import Outlet

    result = {"outlet": (post.get("batch-outlet") or "").strip(),
              "published": (post.get("batch-published") or "").strip(),
              "precision": (post.get("batch-precision") or "").strip(), "errors": []}
    outlet = result["outlet"]
    if outlet:
        known = Outlet.objects.filter(pk=int(outlet)).first() if outlet.isdigit() else None
        if known is None:
            result["errors"].append(_("وسيلة الإعلام المختارة للدفعة غير موجودة."))
        else:
            for draft in drafts:
                draft.outlet_id, draft.outlet_name, draft.outlet_is_new = known.pk, known.name, False
                draft.drop_warnings(NEW_OUTLET_WARNING)
                draft.provenance["outlet"] = _("اختاره المؤرشف للدفعة كلها")
    if result["published"]:
        for draft in drafts:
            problem = set_typed_date(draft, result["published"], result["precision"])
            if problem:
                result["errors"].append(problem)
                break
            draft.provenance["date"] = _("اختاره المؤرشف للدفعة كلها")
    return result


def batch_form(drafts, batch):
    from archive.models import Outlet

    return {"show": len(drafts) > 1, "outlets": list(Outlet.objects.order_by("name").values_list("pk", "name")),
            "outlet": batch.get("outlet", ""), "published": batch.get("published", ""),
            "precision": batch.get("precision", ""), "errors": batch.get("errors", []),
            "precisions": [("day", _("يوم")), ("month", _("شهر")), ("year", _("سنة"))]}


def preview_rows(drafts, errors=None, included=None, start=0):
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
    for i, draft in enumerate(drafts, start):
        duplicate = _is_duplicate(draft)
        entities = []
        for (relation, attribute), model, label in zip(
            RELATIONS, (Speaker, Place, Force), (_("المتحدثون"), _("الأماكن"), _("القوات")),
        ):
            # What was found: checked when the draft keeps it.
            found = [names[model][pk] for pk in getattr(draft, attribute) if pk in names[model]]
            entities.append({"relation": relation, "label": label, "items": found,
                             "proposals": draft.speaker_proposals if relation == "speakers" else []})
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
            "published": draft.provenance.get(TYPED_DATE) or (draft.published.isoformat() if draft.published else ""),
            "date_words": in_words(draft.published, draft.date_precision or "day"),
            "provenance": {k: v for k, v in draft.provenance.items() if k != TYPED_DATE},
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
    pks = list(dict.fromkeys(queryset.values_list("pk", flat=True)))
    if len(pks) > RETAG_IN_REQUEST:
        job = jobs.start("retag", request.user, total=len(pks), pks=pks)
        return HttpResponseRedirect(reverse("admin:archive_job", args=[job.pk]))
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
