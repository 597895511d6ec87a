"""Settings for the test suite: the development settings with a throw-away data dir."""
import os
import tempfile

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="archive-test-"))
# The suite (and the gunicorn the benchmark test starts, which inherits this
# environment) sends many searches from 127.0.0.1: no rate limit unless a test
# turns it on with override_settings (tests/test_rate_limit.py).
os.environ["SEARCH_RATE_LIMIT"] = "0"

from archive.settings import *  # noqa: E402,F403

# We don't need a strong password hash in tests, only a fast one.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Background jobs run in the test's own thread, at once; tests/test_jobs.py
# drives the real db_worker in a process of its own.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}

# A search answers with what it found after 0.8 s, and did-you-mean walks the index's
# words for at most 0.3 s more, only when the search had time left. On a loaded test
# machine the demo archive's searches ran out of that time and the suggestion tests
# found nothing. The suite checks what is found and suggested, not how fast: the
# budget's own tests set the time they test (test_search_budget*.py).
SEARCH_TIME_BUDGET = float(os.environ.get("TEST_SEARCH_TIME_BUDGET", "5"))
SEARCH_SUGGEST_BUDGET = 5.0
