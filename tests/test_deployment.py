"""Production settings: safe as shipped, and refusing to start half-configured."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "-a-long-random-production-key-1234567890"


def manage(*args, env_overrides, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE")}
    env.update({"DATA_DIR": str(tmp_path), "DJANGO_SETTINGS_MODULE": "archive.settings"}, **env_overrides)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_reports_nothing(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING",
                    env_overrides={"DEBUG": "0", "SECRET_KEY": GOOD_KEY}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize("key", ["", "django-insecure-abcdefghijklmnopqrstuvwxyz0123456789", "short-key"])
def test_a_missing_or_default_secret_key_is_refused(tmp_path, key):
    result = manage("check", env_overrides={"DEBUG": "0", "SECRET_KEY": key}, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_typo_in_debug_is_an_error_not_false(tmp_path):
    result = manage("check", env_overrides={"DEBUG": "ture", "SECRET_KEY": GOOD_KEY}, tmp_path=tmp_path)
    assert result.returncode != 0 and "DEBUG" in result.stderr


@pytest.mark.django_db
def test_pages_carry_a_strict_content_security_policy(client, seeded):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
