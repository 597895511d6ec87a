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
import logging

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from archive import jobs
from archive.ingest.draft import Failure
from archive.uploads import (  # noqa: F401  (the staging area, once defined here)
    SESSION_KEY, clean_old_stages, draft_to_json as _draft_to_json, drop_stage, estimated_items,
    included_set, read_files, stage_later, is_duplicate as _is_duplicate, may_add_outlets, read_stage, record_batch,
    save_drafts, counts as _counts, withhold_new_outlet, write_manifest as _write_manifest, write_stage,
)
from archive.upload_review import (  # noqa: F401  (once defined here)
    BODY_PREVIEW, PRECISIONS, RELATIONS, TYPED_DATE, apply_batch, apply_corrections, batch_form,
    describe_changes, preview_rows, set_typed_date,
)

log = logging.getLogger(__name__)

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
