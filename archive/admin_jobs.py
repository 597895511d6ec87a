"""The archivist's view of background jobs (``archive.jobs``) in the articles' admin.

    jobs/               the jobs this user started (a superuser sees everyone's)
    jobs/<pk>/          one job: its state, done of total, then its result;
                        the page reloads itself every few seconds until it ends
    regroup/            regroup near duplicates (a job)
    rebuild-index/      rebuild the search index (a job; superusers only)

A job's page is the place to come back to: its result is kept with it.
"""
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from archive import jobs
from archive.models import Article, Job

RELOAD_SECONDS = 2


def urls(model_admin):
    wrap = model_admin.admin_site.admin_view
    views = JobViews(model_admin)
    return [
        path("jobs/", wrap(views.job_list), name="archive_jobs"),
        path("jobs/<int:pk>/", wrap(views.job_detail), name="archive_job"),
        path("regroup/", wrap(views.regroup), name="archive_article_regroup"),
        path("rebuild-index/", wrap(views.rebuild_index), name="archive_article_rebuild_index"),
    ]


def visible_jobs(user):
    jobs_ = Job.objects.select_related("user")
    return jobs_ if user.is_superuser else jobs_.filter(user=user)


class JobViews:
    def __init__(self, model_admin):
        self.model_admin = model_admin
        self.admin_site = model_admin.admin_site

    def _context(self, request, title, **extra):
        return {
            **self.admin_site.each_context(request),
            "opts": self.model_admin.model._meta,
            "title": title,
            **extra,
        }

    def job_list(self, request):
        return TemplateResponse(request, "admin/archive/jobs.html", self._context(
            request, _("الأعمال في الخلفية"), jobs=visible_jobs(request.user)[:100],
        ))

    def job_detail(self, request, pk):
        job = visible_jobs(request.user).filter(pk=pk).first()
        if job is None:
            raise Http404
        context = self._context(request, str(job), job=job, reload=RELOAD_SECONDS if not job.ended else None)
        if job.state == Job.State.DONE:
            context.update(result_context(job))
        return TemplateResponse(request, "admin/archive/job.html", context)

    def _start_page(self, request, kind, title, question, total):
        if request.method == "POST":
            job = jobs.start(kind, request.user, total=total)
            return HttpResponseRedirect(reverse("admin:archive_job", args=[job.pk]))
        return TemplateResponse(request, "admin/archive/job_start.html", self._context(
            request, title, question=question, total=total,
        ))

    @property
    def regroup(self):
        @require_http_methods(["GET", "POST"])
        def view(request):
            if not request.user.has_perm("archive.change_article"):
                raise PermissionDenied
            return self._start_page(
                request, Job.Kind.REGROUP, _("إعادة تجميع الأخبار المتشابهة"),
                _("ستُقارن نصوص كل المقالات من جديد وتُجمع الأخبار المتشابهة. يجري ذلك في الخلفية."),
                Article.objects.count(),
            )
        return view

    @property
    def rebuild_index(self):
        @require_http_methods(["GET", "POST"])
        def view(request):
            if not request.user.is_superuser:
                raise PermissionDenied
            return self._start_page(
                request, Job.Kind.REBUILD_INDEX, _("إعادة بناء فهرس البحث"),
                _("سيُبنى فهرس البحث من جديد لكل المقالات، ولن يجد البحث إلا بعضها حتى ينتهي. يجري ذلك في الخلفية."),
                Article.objects.count(),
            )
        return view


def result_context(job):
    """What the result of a finished job shows, from what it stored."""
    result = job.result or {}
    if job.kind == Job.Kind.CONFIRM_UPLOAD:
        from archive.ingest.draft import Failure
        from archive.uploads import results_from_json

        return {
            "results": results_from_json(result.get("results", [])),
            "counts": result.get("counts", {}),
            "failures": [Failure(**f) for f in result.get("failures", [])],
            "batch": result.get("batch"),
        }
    if job.kind == Job.Kind.STAGE_UPLOAD:
        return {"preview_url": reverse("admin:archive_article_preview", args=[result.get("token", "")]),
                "drafts": result.get("drafts", 0)}
    if job.kind == Job.Kind.RETAG:
        from archive.upload_review import describe_changes
        from archive.tagging import Change

        changes = [Change(c["article_id"], c["added"], c["removed"]) for c in result.get("changes", [])]
        return {"rows": describe_changes(changes), "total": result.get("total", 0),
                "changed": result.get("changed", 0)}
    return {"total": result.get("total", 0)}
