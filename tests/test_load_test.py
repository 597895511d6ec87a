"""The load test's own logic (tooling/loadtest.py): its summary, its verdict, its form reading.

The run itself (gunicorn, readers, an archivist uploading) is `make load-test`;
these only check what decides pass or fail, without starting anything.
"""
from django.core.management import call_command
from django.core.management.base import CommandError
import pytest

from tooling.loadtest import Result, form_fields, failures, render, summarize


def report(results, **counts):
    base = {"before": 10, "uploaded": 6, "expected": 16, "database": 16, "index": 16,
            "index_consistent": True, "check_index": "16 articles, 16 index entries", "served": [16]}
    base.update(counts)
    return {
        "options": {"clients": 2, "workers": 2, "rate_limit": "0"},
        "seconds": 10.0,
        "classes": summarize(results, 10.0),
        "uploads": {"done": 2, "articles": 6, "attempted": 2, "records": 6},
        "counts": base,
        "tracebacks": 0,
        "worker_restarts": 0,
        "error_samples": [],
    }


def test_summary_per_class_counts_errors_and_times_only_successes():
    results = [Result("api_search", float(ms), True) for ms in range(1, 21)]
    results += [Result("api_search", 5000.0, False, "HTTP 500"), Result("article", None, False, "reset")]
    results += [Result("confirm", 900.0, True)]
    table = summarize(results, 10.0)
    assert table["api_search"] == {"requests": 21, "errors": 1, "p50_ms": 10.0, "p95_ms": 19.0, "max_ms": 20.0}
    assert table["article"]["errors"] == 1 and table["article"]["p95_ms"] is None
    assert table["readers"]["requests"] == 22 and table["readers"]["errors"] == 2
    assert table["overall"]["requests"] == 23 and table["overall"]["rps"] == 2.3
    assert "page_search" not in table  # no request, no row


def test_a_clean_run_passes():
    results = [Result("api_search", 10.0, True), Result("confirm", 20.0, True)]
    r = report(results)
    assert failures(r) == []
    assert "PASSED" in render(r)


@pytest.mark.parametrize("change, words", [
    ({"results": [Result("page_search", None, False, "ConnectionResetError")]}, "1 request(s) failed"),
    ({"database": 15}, "expected 16"),
    ({"index": 15}, "the index holds 15 entries"),
    ({"index_consistent": False}, "check_index"),
    ({"served": [16, 18]}, "the workers answered [16, 18]"),
])
def test_any_error_or_lost_article_fails(change, words):
    results = change.pop("results", []) + [Result("api_search", 10.0, True)]
    r = report(results, **change)
    found = failures(r)
    assert any(words in f for f in found), found
    assert "FAILED" in render(r)


def test_no_upload_or_a_traceback_fails():
    r = report([Result("api_search", 10.0, True)])
    r["uploads"]["done"] = 0
    r["tracebacks"] = 2
    found = " ".join(failures(r))
    assert "no upload" in found and "2 traceback(s)" in found


def test_form_fields_reads_the_preview_form_as_a_browser_submits_it():
    page = """
    <form id="logout-form" method="post" action="/admin/logout/"><input type="hidden" name="csrfmiddlewaretoken" value="t"></form>
    <form method="post" class="preview__form">
      <input type="hidden" name="csrfmiddlewaretoken" value="t">
      <input type="checkbox" name="d0-include" value="1" checked>
      <input type="checkbox" name="d1-include" value="1" checked disabled>
      <input type="checkbox" name="d0-places" value="7">
      <input type="text" name="d0-title" value="عنوان">
      <select name="d0-outlet"><option value="">—</option><option value="3" selected>رووداو</option></select>
      <select name="d0-precision"><option value="day">يوم</option></select>
      <textarea name="d0-note">سطر</textarea>
      <input type="submit" name="confirm" value="حفظ"><input type="submit" name="cancel" value="إلغاء">
    </form>
    <form method="post" class="preview__form"><input name="second" value="x"></form>"""
    assert form_fields(page, "preview__form") == [
        ("csrfmiddlewaretoken", "t"), ("d0-include", "1"), ("d0-title", "عنوان"),
        ("d0-outlet", "3"), ("d0-precision", "day"), ("d0-note", "سطر"),
    ]


@pytest.mark.parametrize("args", [["--duration", "0"], ["--clients", "-1"], ["--upload-every", "x"]])
def test_bad_arguments_are_refused_before_anything_starts(args):
    with pytest.raises(CommandError):
        call_command("load_test", *args)


# The hostile class (issue 14): four clients sending the worst searches while
# readers fetch pages; the site must stay up.

def test_the_hostile_searches_have_their_own_row():
    results = [Result("hostile", 900.0, True), Result("hostile", 1100.0, True), Result("article", 20.0, True)]
    table = summarize(results, 10.0)
    assert table["hostile"]["requests"] == 2 and table["hostile"]["max_ms"] == 1100.0
    assert table["readers"]["requests"] == 1  # the hostile ones are not counted as readers


def test_a_worker_timeout_fails_the_run():
    r = report([Result("article", 10.0, True)])
    r["worker_timeouts"] = 1
    assert "1 gunicorn worker timeout(s)" in failures(r)


def test_slow_article_pages_while_the_hostile_searches_run_fail_the_run():
    results = [Result("article", 9000.0, True)] * 20 + [Result("hostile", 1000.0, True)]
    r = report(results)
    r["options"]["max_page_p95_ms"] = 5000.0
    assert any("article p95 9,000 ms is over 5,000 ms" in f for f in failures(r))
    r["options"]["max_page_p95_ms"] = 10000.0
    assert failures(r) == []
