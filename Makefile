# The whole set-up is two commands: `make run` and `make test`.
# Each step is spelled out below so it can also be run by hand.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PORT   ?= 8000
WORKERS ?= 2
# make run and make test are development commands: DEBUG on, SQLite and the
# index in ./data unless DATA_DIR / DATABASE_URL say otherwise.
export DEBUG ?= 1

.PHONY: run test test-postgres test-whoosh test-fast serve setup demo-data install system-deps bench load-test test-deploy clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV) || (bash scripts/install-system-deps.sh python && $(PYTHON) -m venv $(VENV))
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

setup: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo_data

# The background-job worker (archive/jobs.py: large uploads, re-tag all, regroup,
# index rebuild) runs beside gunicorn and is stopped with it (Ctrl-C included).
run: setup
	@echo "Serving on http://127.0.0.1:$(PORT)/ (background jobs: manage.py db_worker)"
	$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(VENV)/bin/gunicorn -c deploy/gunicorn.conf.py --bind 127.0.0.1:$(PORT) --workers $(WORKERS)

system-deps:
	bash scripts/install-system-deps.sh
	bash scripts/install-test-assets.sh

test: install system-deps
	$(PY) -m pytest

# The suite again on PostgreSQL (Debian's, installed and started by the script).
test-postgres: install
	DATABASE_URL="$$(bash scripts/start-postgres.sh)" $(PY) -m pytest -m "not browser"

# The suite again with the Whoosh index (SEARCH_BACKEND=whoosh; Tantivy is the default): every search
# test holds for both embedded engines.
test-whoosh: install
	SEARCH_BACKEND=whoosh $(PY) -m pytest -m "not browser"

test-fast: install
	$(PY) -m pytest -m "not browser"

# A throw-away archive, imported and served as make run does, driven over HTTP:
# make bench BENCH_ARGS="--articles 10000 --corpus ../shared/corpus/articles.jsonl.gz --json bench.json"
bench: install
	$(PY) manage.py bench $(BENCH_ARGS)

# Readers searching while an archivist uploads, on make run's gunicorn (2 workers),
# 127.0.0.1 only, in a throw-away archive; fails on any error or lost article:
# make load-test LOAD_TEST_ARGS="--duration 300 --clients 8"
load-test: install
	$(PY) manage.py load_test $(LOAD_TEST_ARGS)

# deploy/ as shipped (gunicorn.conf.py, the nginx site) behind Debian's nginx
# (installed if missing) with a self-signed certificate, on 127.0.0.1 high
# ports, checked through it: HTTPS redirect, HSTS, rate limit, login lockout,
# upload limit. About a minute; everything stopped and removed afterwards.
test-deploy: install
	bash scripts/test-deploy.sh

clean:
	rm -rf data test-artifacts .pytest_cache
