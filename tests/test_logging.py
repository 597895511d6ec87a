"""Every log line says when, how serious and where from: time, level, logger name, then the message."""
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "-a-long-random-production-key-1234567890"

LOG_SOMETHING = """
import django, logging
django.setup()
logging.getLogger("archive.ingest").warning("skipped %s: no title", "article-7.json")
"""


def test_a_log_line_carries_time_level_and_logger(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env.update(DEBUG="0", SECRET_KEY=GOOD_KEY, DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="archive.settings")
    result = subprocess.run([sys.executable, "-c", LOG_SOMETHING], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    # e.g. 2026-12-07T00:31:24+0000 WARNING archive.ingest [4242] skipped article-7.json: no title
    assert re.fullmatch(
        r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d{4} WARNING archive\.ingest \[\d+\] skipped article-7\.json: no title",
        lines[0]), lines[0]
