"""The reader's language choice is a cookie: sent only over HTTPS in production, never to other sites' requests, never to scripts."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k" * 20 + "-a-long-random-production-key-1234567890"

# Chooses English as a reader does (the language switch in every page's
# footer posts to /i18n/setlang/) and prints the cookie the archive sets.
CHOOSE_ENGLISH = """
import django
django.setup()
from django.test import Client
response = Client().post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)
assert response.status_code == 302, response.status_code
print(response.cookies["django_language"].output())
"""


def language_cookie(debug, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE")}
    env.update(DEBUG=debug, SECRET_KEY=GOOD_KEY, DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="archive.settings",
               ALLOWED_HOSTS="testserver")
    result = subprocess.run([sys.executable, "-c", CHOOSE_ENGLISH], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_in_production_the_language_cookie_is_secure_lax_and_hidden_from_scripts(tmp_path):
    cookie = language_cookie("0", tmp_path)
    assert cookie.startswith("Set-Cookie: django_language=en;")
    attributes = {part.strip().split("=")[0].lower(): part.strip() for part in cookie.split(";")[1:]}
    assert "secure" in attributes
    assert attributes["samesite"].lower() == "samesite=lax"
    assert "httponly" in attributes


def test_in_development_it_also_works_over_plain_http(tmp_path):
    # make run serves http://127.0.0.1: a Secure cookie would never come back.
    cookie = language_cookie("1", tmp_path)
    assert "secure" not in cookie.lower()
    assert "samesite=lax" in cookie.lower()
