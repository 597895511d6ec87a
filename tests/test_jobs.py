"""Long work runs as background jobs the archivist can follow and come back to.

Re-tagging, regrouping near duplicates, rebuilding the index and saving a
large upload are queued (django-tasks, database backend) and run by
``manage.py db_worker``. In these tests jobs run at once (ImmediateBackend),
except the last, which drives the real worker process.
"""
import os
import signal
import sqlite3
import subprocess
import sys
import time

from django.contrib.auth.models import Group, User
from django.urls import reverse
import pytest

from archive import admin_upload, jobs
from archive.models import Article, Job
from tests.test_admin_upload import gazetteer  # noqa: F401  (fixture)
from tests.test_crash_recovery import ROOT, env_for, manage


@pytest.fixture
def boss(client, gazetteer):
    user = User.objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(user)
    return user


def archivist(name="amin"):
    user = User.objects.create_user(name, f"{name}@example.org", "x", is_staff=True)
    user.groups.add(Group.objects.get(name="أمناء الأرشيف"))
    return user


def test_regrouping_runs_as_a_job_whose_page_shows_the_result(client, boss):
    body = "قال المتحدث باسم التحالف الدولي إن قوات البيشمركة صدت هجوماً لداعش قرب مخمور " * 6
    first = Article.objects.create(title="خبر أول", body=body)
    second = Article.objects.create(title="خبر ثان", body=body + " وأضاف أن الهجوم فشل.")
    page = client.get(reverse("admin:archive_article_regroup"))
    assert page.status_code == 200 and "في الأرشيف 2 مقالات." in page.content.decode()
    done = client.post(reverse("admin:archive_article_regroup"), follow=True)
    job = Job.objects.get()
    assert done.redirect_chain == [(reverse("admin:archive_job", args=[job.pk]), 302)]
    assert (job.kind, job.state, job.done, job.total, job.user) == ("regroup", "done", 2, 2, boss)
    html = done.content.decode()
    assert "اكتمل" in html and "اكتمل العمل لـ 2 مقالات." in html
    assert 'http-equiv="refresh"' not in html  # it ended: the page stops reloading
    first.refresh_from_db(), second.refresh_from_db()
    assert first.story == second.story == first.pk


def test_rebuilding_the_index_is_a_job_for_superusers_only(client, boss):
    Article.objects.create(title="خبر", body="نص عن الموصل")
    Article.objects.update(indexed=False)
    client.post(reverse("admin:archive_article_rebuild_index"))
    job = Job.objects.get(kind="rebuild_index")
    assert job.state == "done" and job.result == {"total": 1}
    assert not Article.objects.filter(indexed=False).exists()
    client.force_login(archivist())
    assert client.post(reverse("admin:archive_article_rebuild_index")).status_code == 403
    assert Job.objects.count() == 1


def test_a_job_is_seen_by_whoever_started_it_and_by_superusers(client, boss):
    amin, salma = archivist("amin"), archivist("salma")
    job = jobs.start(Job.Kind.REGROUP, amin)
    url = reverse("admin:archive_job", args=[job.pk])
    assert client.get(url).status_code == 200  # the superuser
    client.force_login(amin)
    assert client.get(url).status_code == 200
    assert url in client.get(reverse("admin:archive_jobs")).content.decode()
    client.force_login(salma)
    assert client.get(url).status_code == 404
    assert url not in client.get(reverse("admin:archive_jobs")).content.decode()


def test_a_queued_job_reloads_its_page_and_says_what_it_waits_for(client, boss):
    job = Job.objects.create(kind=Job.Kind.RETAG, user=boss, total=10)
    html = client.get(reverse("admin:archive_job", args=[job.pk])).content.decode()
    assert 'http-equiv="refresh"' in html and "db_worker" in html


def test_a_failed_job_keeps_its_reason(client, boss, monkeypatch):
    def broken(job, progress):
        progress.set_total(3)
        progress.advance()
        raise RuntimeError("the disk is full")

    monkeypatch.setitem(jobs.RUNNERS, Job.Kind.REGROUP, broken)
    job = jobs.start(Job.Kind.REGROUP, boss)
    job.refresh_from_db()
    assert (job.state, job.done, job.total) == ("failed", 1, 3)
    html = client.get(reverse("admin:archive_job", args=[job.pk])).content.decode()
    assert "فشل العمل" in html and "RuntimeError: the disk is full" in html


def test_retagging_a_large_selection_is_a_job(client, boss, monkeypatch):
    monkeypatch.setattr(admin_upload, "RETAG_IN_REQUEST", 1)
    articles = [Article.objects.create(title=f"خبر {i}", body="تحدث غيدني عن العمليات.") for i in range(2)]
    response = client.post(reverse("admin:archive_article_changelist"), {
        "action": "retag_selected", "_selected_action": [a.pk for a in articles],
    }, follow=True)
    job = Job.objects.get()
    assert (job.kind, job.state, job.total, job.result["changed"]) == ("retag", "done", 2, 2)
    assert "فيلكس غيدني" in response.content.decode()
    assert all(a.speakers.filter(name="فيلكس غيدني").exists() for a in articles)


def job_state(data_dir, pk):
    with sqlite3.connect(data_dir / "archive.sqlite3", timeout=30) as db:
        return db.execute("SELECT state, done, total, result FROM archive_job WHERE id = ?", (pk,)).fetchone()


def test_the_real_worker_process_runs_queued_jobs(tmp_path):
    data = tmp_path / "data"
    manage(data, "migrate", "-v0")
    manage(data, "load_demo_data", "-v0")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-reload", "--interval", "0.2", "--no-startup-delay"],
        cwd=ROOT, env=env_for(data), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        out = manage(data, "shell", "-c",
                     "from archive import jobs; from archive.models import Job;"
                     "print(jobs.start(Job.Kind.REGROUP, None).pk, jobs.start(Job.Kind.REBUILD_INDEX, None).pk)")
        regroup, rebuild = map(int, out.split()[-2:])
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            if job_state(data, rebuild)[0] in ("done", "failed") and job_state(data, regroup)[0] in ("done", "failed"):
                break
            assert worker.poll() is None, worker.stdout.read()
            time.sleep(0.3)
        assert job_state(data, regroup)[:3] == ("done", 5, 5)
        assert job_state(data, rebuild)[:3] == ("done", 5, 5)
    finally:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
