"""Settings, read from the environment.

A fresh clone runs with no variables set beyond ``DEBUG=1`` (the Makefile sets it
for ``make run`` and ``make test``): SQLite and the search index live in one data
directory. With ``DEBUG`` off the archive refuses to start half-configured: a real
``SECRET_KEY`` is required. The README has the table of every variable.
"""
from pathlib import Path
import os

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default):
    """Read a boolean; a typo is an error, not a silent False."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"Unexpected value {name}={value!r}: use 1 or 0.")


def env_int(name, default):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"Unexpected value {name}={value!r}: use a whole number.")


def env_list(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# Keys that must never reach production: the empty one, Django's template
# placeholder and anything that says it is insecure.
_secret = os.environ.get("SECRET_KEY", "")
if DEBUG and not _secret:
    _secret = "django-insecure-development-only-key-never-use-in-production"
if not DEBUG and (not _secret or "insecure" in _secret or len(_secret) < 32):
    raise ImproperlyConfigured(
        "SECRET_KEY must be set to a long random value when DEBUG is off "
        "(for example: python -c 'import secrets; print(secrets.token_urlsafe(50))'). "
        "For local development set DEBUG=1 instead."
    )
SECRET_KEY = _secret

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# One directory holds everything the archive writes: the SQLite database, the
# search index and the originals as received. Back it up as a whole.
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data")).resolve()
# SQLite will not create the directory of its file: make it on a fresh clone.
DATA_DIR.mkdir(parents=True, exist_ok=True)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",  # /sitemap.xml (archive/sitemaps.py)
    # archive before haystack: its update_index (with a progress display)
    # takes the place of haystack's, which it extends.
    "archive",
    "haystack",
    "axes",
    "simple_history",
    # Background jobs (archive/jobs.py): Django's Tasks API, backported for 5.2,
    # with its queue in the database; `manage.py db_worker` runs them.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "archive.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language cookie, else the browser's Accept-Language, else Arabic (archive/middleware.py).
    "archive.middleware.ChosenLanguageMiddleware",
    # The archive's own 404 page for readers, DEBUG or not.
    "archive.middleware.ArchiveNotFoundMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Who made a change, for the versions any save of an article records.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Login throttling (django-axes; archive/login_lockout.py): the tenth wrong
# password in a row for one account FROM ONE CLIENT ADDRESS locks that pair out
# for AXES_COOLOFF_HOURS (the account itself stays open from every other
# address, so a stranger cannot lock staff out), and LOGIN_FAILURE_LIMIT_PER_ADDRESS
# failures from one address, whatever the accounts, lock that address. A right
# password before that resets the pair's count. The client address is the rate
# limiter's (TRUSTED_PROXY_COUNT below). Staff unlock early with `manage.py axes_reset`.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_FAILURE_LIMIT_PER_ADDRESS = env_int("LOGIN_FAILURE_LIMIT_PER_ADDRESS", 100)
AXES_HANDLER = "archive.login_lockout.AccountAndAddressHandler"
AXES_CLIENT_IP_CALLABLE = "archive.login_lockout.login_client_ip"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"

# Search rate limit (archive/ratelimit.py): each client address may send
# SEARCH_RATE_LIMIT="requests/seconds" searches (search page, API list, CSV,
# feed) as a burst, then one every seconds/requests; "0" switches it off. Over
# it: 429 with Retry-After. The buckets are in a file cache under DATA_DIR, so
# every gunicorn worker of the machine shares them. Behind a reverse proxy,
# TRUSTED_PROXY_COUNT=1 (the number of proxies) makes the client address the
# one the proxy puts in X-Forwarded-For; with 0 (the default) that header is
# ignored, and every client behind a proxy would share one limit. The login
# lockout (above) counts by the same address.
SEARCH_RATE_LIMIT = (os.environ.get("SEARCH_RATE_LIMIT") or "120/60").replace(" ", "")
_rate = SEARCH_RATE_LIMIT.split("/")
if not (_rate == ["0"] or (len(_rate) == 2 and _rate[0].isdigit() and _rate[1].replace(".", "", 1).isdigit()
                          and (_rate[0] == "0" or float(_rate[1]) > 0))):
    raise ImproperlyConfigured(
        f"Unexpected value SEARCH_RATE_LIMIT={SEARCH_RATE_LIMIT!r}: use requests/seconds (e.g. 120/60) or 0.")
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# The most articles one web export (CSV, JSONL, RIS, BibTeX) holds: a larger
# search is offered a year at a time (archive/exports.py, too_large).
EXPORT_MAX_ARTICLES = env_int("EXPORT_MAX_ARTICLES", 20_000)
SEARCH_RATE_LIMIT_CACHE = "ratelimit"
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "ratelimit"),
        # One small file per address seen in the last minute or so; past this
        # many, a third are dropped at random (their clients start afresh).
        "OPTIONS": {"MAX_ENTRIES": 10000},
    },
}

ROOT_URLCONF = "archive.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
            ],
        },
    },
]

WSGI_APPLICATION = "archive.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'archive.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers (the web workers) go on while an import writes, and a
    # busy timeout makes a second writer wait instead of failing at once.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "timeout": 30,
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ar"
LANGUAGES = [("ar", "العربية"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Baghdad"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
# collectstatic's output: code, not data. A deployment puts it where nginx may
# read it (deploy/nginx/archive.conf) while DATA_DIR stays private to the archive.
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT") or DATA_DIR / "staticfiles").resolve()
MEDIA_ROOT = DATA_DIR / "originals"
MEDIA_URL = "/originals/"  # never served as-is: see archive.views.original_file
# Originals (archive/originals.py): staff download them as received; with
# PUBLISH_ORIGINALS=1 anyone may, without a Word file's personal metadata.
PUBLISH_ORIGINALS = env_bool("PUBLISH_ORIGINALS", False)

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The embedded search index (README, "Search engines"; archive/search/stores/):
# tantivy (Rust, through tantivy-py; the default: milliseconds where Whoosh takes
# seconds past a few thousand articles, docs/performance.md) or whoosh (pure
# Python; supported and tested, make test-whoosh). The same analysis, documents
# and query tree; each keeps its own directory, so switching is a rebuild_index.
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "tantivy")
SEARCH_INDEX_DIR = Path(os.environ.get(
    "SEARCH_INDEX_DIR", DATA_DIR / ("index-tantivy" if SEARCH_BACKEND == "tantivy" else "index")))
HAYSTACK_CONNECTIONS = {
    "default": {
        "ENGINE": (
            "archive.search.tantivy_backend.ArabicTantivyEngine"
            if SEARCH_BACKEND == "tantivy"
            else "archive.search.backend.ArabicWhooshEngine"
        ),
        "PATH": str(SEARCH_INDEX_DIR),
    },
}
# Each worker keeps its last SEARCH_CACHE_SIZE search outcomes until the index
# or the gazetteer changes (archive/search/cache.py); 0 turns that off.
SEARCH_CACHE_SIZE = env_int("SEARCH_CACHE_SIZE", 256)
# ... and no more than about this many bytes of them (issue 14: a count alone
# let 900 searches of 100 results grow each worker to 675 MB).
SEARCH_CACHE_MAX_BYTES = env_int("SEARCH_CACHE_MAX_BYTES", 32 * 1024 * 1024)
# What one search may cost (archive/search/budget.py, docs/search-budget.md): seconds
# before it answers with what it found. The term limits are there too, read with
# their defaults; only the time is one a deployment may want to tune.
SEARCH_TIME_BUDGET = float(os.environ.get("SEARCH_TIME_BUDGET", "0.8"))
# Past one machine, a search cluster would need the archive's analysis:
# docs/opensearch.md (no engine of the archive; the stores are tantivy and whoosh).
if SEARCH_BACKEND not in ("whoosh", "tantivy"):
    raise ImproperlyConfigured(
        f"Unexpected value SEARCH_BACKEND={SEARCH_BACKEND!r}: use tantivy (the default) or whoosh.")
# Articles are indexed after their transaction commits, speakers, places and
# forces included (haystack's realtime processor fires before m2m is saved).
HAYSTACK_SIGNAL_PROCESSOR = "archive.search.signals.ArticleSignalProcessor"

# Upload limits (bytes). A zip is refused past its total or its ratio.
UPLOAD_MAX_FILE_BYTES = env_int("UPLOAD_MAX_FILE_BYTES", 20 * 1024 * 1024)
UPLOAD_MAX_ZIP_TOTAL_BYTES = env_int("UPLOAD_MAX_ZIP_TOTAL_BYTES", 200 * 1024 * 1024)
UPLOAD_MAX_ZIP_RATIO = env_int("UPLOAD_MAX_ZIP_RATIO", 100)
UPLOAD_MAX_ZIP_MEMBERS = env_int("UPLOAD_MAX_ZIP_MEMBERS", 5000)
# One article's text (characters), upload and import_articles alike: longer is
# refused with the reason (archive.ingest.limits).
ARTICLE_MAX_TEXT_CHARS = env_int("ARTICLE_MAX_TEXT_CHARS", 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 500

# Background jobs (archive/jobs.py): queued in the database, run by
# `manage.py db_worker` (make run starts it beside gunicorn). An upload of more
# than UPLOAD_READ_IN_REQUEST articles is read, and one of more than
# UPLOAD_CONFIRM_IN_REQUEST saved, by the worker, not the request.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
UPLOAD_READ_IN_REQUEST = env_int("UPLOAD_READ_IN_REQUEST", 50)
UPLOAD_CONFIRM_IN_REQUEST = env_int("UPLOAD_CONFIRM_IN_REQUEST", 20)

SEARCH_PAGE_SIZE = 20
SEARCH_MAX_PAGE_SIZE = 100

# One line per event on stderr (systemd's journal or gunicorn's error log keeps
# it): when (with its UTC offset), how serious, which logger, which process
# (the gunicorn worker), then the message.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {
            "format": "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s",
            "datefmt": "%Y-%m-%dT%H:%M:%S%z",
        },
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# The reader's language choice (/i18n/setlang/): never sent with another
# site's POST or embedded request, never readable by scripts (no script needs
# it), and in production only over HTTPS, like the session and CSRF cookies.
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SECURE = not DEBUG

if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
