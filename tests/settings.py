"""Settings for the test suite: the development settings with a throw-away data dir."""
import os
import tempfile

os.environ.setdefault("DEBUG", "1")
os.environ.setdefault("DATA_DIR", tempfile.mkdtemp(prefix="archive-test-"))

from archive.settings import *  # noqa: E402,F403

# We don't need a strong password hash in tests, only a fast one.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
