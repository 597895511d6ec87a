"""What the benchmark and the load test share (tooling/harness.py): one percentile,
one way of printing milliseconds, one gunicorn started and stopped alone."""
import os
import sys

import pytest

from tooling import harness
from tooling.harness import TIMES_HEAD, fmt_ms, percentile, times


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 50) == 50
    assert percentile(values, 95) == 95
    assert percentile(values, 100) == 100
    assert percentile([7], 95) == 7
    assert percentile([3, 1, 2], 50) == 2


def test_percentile_of_nothing_is_none():
    assert percentile([], 95) is None


def test_milliseconds_print_whole_above_100_and_a_dash_for_none():
    assert fmt_ms(None) == "—"
    assert fmt_ms(3.14159) == "3.1"
    assert fmt_ms(1234.6) == "1,235"


def test_the_timing_columns_line_up_with_their_header():
    row = times({"p50_ms": 3.2, "p95_ms": 150.0, "max_ms": None})
    assert row.split() == ["3.2", "150", "—"]
    assert len(row) == len(TIMES_HEAD)


def test_gunicorn_that_exits_at_start_is_reported_with_its_log(tmp_path):
    # A settings module that does not exist: the workers fail to boot, gunicorn exits.
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="no_such_settings_module")
    with pytest.raises(harness.ServerError, match="exited at start"):
        harness.start_gunicorn(sys.executable, 1, tmp_path, env, "/api/articles/", timeout=60)
