"""Long work, done by the background worker instead of the web request.

Reading and saving a large upload, re-tagging every article, regrouping near duplicates
and rebuilding the search index each take longer than gunicorn gives a
request (30 s). The admin starts them as *jobs*:

    job = jobs.start(Job.Kind.RETAG, request.user, total=n)

``start`` records a ``Job`` row (what, who, how far, the result; the page the
archivist comes back to) and enqueues ``run_job`` on django-tasks. Its
database backend (``django_tasks_db``) keeps the queue in the archive's own
database; ``manage.py db_worker`` runs it (``make run`` starts one beside
gunicorn). The test settings use django-tasks' ImmediateBackend: the job runs
at once, in the request.

Each runner receives the job and a ``Progress`` that writes ``done``/``total``
to the row at most once a second, so the status page can show it moving.
"""
import logging
import time

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from archive.models import Job

log = logging.getLogger(__name__)


def start(kind, user, *, total=0, **params) -> Job:
    """Record a job and queue it. Call outside a transaction: the worker must see the row."""
    job = Job.objects.create(kind=kind, user=user if user and user.pk else None, total=total, params=params)
    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


class Progress:
    """``done`` of ``total`` for one job, written to the database now and then."""

    INTERVAL = 1.0

    def __init__(self, job):
        self.job = job
        self.done = job.done
        self.total = job.total
        self._written = 0.0

    def set_total(self, total):
        self.total = total
        self._write()

    def advance(self, n=1):
        self.done += n
        if time.monotonic() - self._written >= self.INTERVAL:
            self._write()

    def _write(self):
        self._written = time.monotonic()
        Job.objects.filter(pk=self.job.pk).update(done=self.done, total=self.total)

    def finish(self):
        self.job.done, self.job.total = self.done, max(self.total, self.done)


@task()
def run_job(job_id):
    """Run one job to its end; what it returns (or why it failed) is kept on the row."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or job.ended:
        return None  # deleted, or already run by an earlier attempt
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, started=timezone.now())
    progress = Progress(job)
    try:
        result = RUNNERS[job.kind](job, progress)
    except Exception as error:  # kept for the archivist; the worker goes on
        log.exception("Job #%s (%s) failed", job.pk, job.kind)
        progress.finish()
        Job.objects.filter(pk=job.pk).update(
            state=Job.State.FAILED, finished=timezone.now(), done=progress.done,
            error=f"{error.__class__.__name__}: {error}"[:2000],
        )
        return None
    progress.finish()
    Job.objects.filter(pk=job.pk).update(
        state=Job.State.DONE, finished=timezone.now(), done=progress.done,
        total=max(progress.total, progress.done), result=result or {},
    )
    return None


# ---------------------------------------------------------------------------
# the runners
# ---------------------------------------------------------------------------

def stage_upload(job, progress):
    """Read a large upload into its stage for the preview (archive.admin_upload)."""
    from archive import uploads

    return uploads.stage_files(job, progress)


def confirm_upload(job, progress):
    """Save the included drafts of a staged upload (archive.admin_upload)."""
    from archive import uploads

    return uploads.confirm_stage(job, progress)


RETAG_KEPT_CHANGES = 1000  # changes listed on the result page; the count covers all


def retag(job, progress):
    """Re-tag the chosen articles (``params["pks"]``) or all of them."""
    from archive.models import Article
    from archive.tagging import retag_articles

    pks = job.params.get("pks")
    if pks is None:
        pks = list(Article.objects.order_by("pk").values_list("pk", flat=True))
    progress.set_total(len(pks))
    changed, kept = 0, []
    for start in range(0, len(pks), 200):
        chunk = pks[start:start + 200]
        for change in retag_articles(Article.objects.filter(pk__in=chunk), user=job.user):
            if change.changed:
                changed += 1
                if len(kept) < RETAG_KEPT_CHANGES:
                    kept.append({"article_id": change.article_id, "added": change.added, "removed": change.removed})
        progress.advance(len(chunk))
    return {"total": len(pks), "changed": changed, "changes": kept}


def regroup(job, progress):
    """Sign and group every article with its near duplicates again."""
    from archive.models import Article
    from archive.near_duplicates import group_near_duplicates

    queryset = Article.objects.only("pk", "body").order_by("pk")
    progress.set_total(queryset.count())
    count = 0
    for article in queryset.iterator(chunk_size=500):
        with transaction.atomic():
            group_near_duplicates(article)
        count += 1
        progress.advance()
    return {"total": count}


def rebuild_index(job, progress):
    """The search index from scratch (as ``manage.py rebuild_index``)."""
    from archive.models import Article
    from archive.search import indexing

    progress.set_total(Article.objects.count())
    count = indexing.rebuild(progress=progress.advance)
    return {"total": count}


RUNNERS = {
    Job.Kind.STAGE_UPLOAD: stage_upload,
    Job.Kind.CONFIRM_UPLOAD: confirm_upload,
    Job.Kind.RETAG: retag,
    Job.Kind.REGROUP: regroup,
    Job.Kind.REBUILD_INDEX: rebuild_index,
}
