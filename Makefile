# IKONE — the two commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Test processes (pytest-xdist): `auto` = one per CPU core; TEST_WORKERS=0
# runs the suite in this process, e.g. for a debugger (docs/quality.md).
TEST_WORKERS ?= auto
export DJANGO_SETTINGS_MODULE := ikone.settings

.PHONY: run test lint format e2e bench loadtest chromium install assets migrate demo clean messages

# Re-run pip only when pyproject.toml changed since the last install.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

src/ikone/core/static/vendor/BUILT: $(BIN)/.installed frontend/node_modules/.installed frontend/build.mjs scripts/subset_fonts.py frontend/licenses/FiraSans-OFL.txt
	cd frontend && node build.mjs
	$(BIN)/python scripts/subset_fonts.py || (rm -f $@; exit 1)

install: $(BIN)/.installed src/ikone/core/static/vendor/BUILT

assets: src/ikone/core/static/vendor/BUILT

migrate: install
	$(BIN)/ikone migrate --noinput

demo: migrate
	$(BIN)/ikone import_municipalities
	DEBUG=$${DEBUG:-true} $(BIN)/ikone seed_demo

run: demo
	@echo "IKONE läuft auf http://127.0.0.1:$(PORT)/ (Demo-Zugänge: siehe README.md)"
	DEBUG=$${DEBUG:-true} $(BIN)/ikone runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/ikone makemigrations --check --dry-run

# Whole files go to one worker (their module fixtures are built once),
# tests marked xdist_group to one worker together (tests/conftest.py).
test: install lint chromium
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup

# Browser tests only (Playwright driving Debian's Chromium; never downloads a browser).
e2e: install chromium
	$(BIN)/pytest -m e2e tests/e2e

# Debian's Chromium for the e2e tests, installed with apt when missing. Without
# it (no root, no apt) the e2e tests are skipped with a message saying so.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  export DEBIAN_FRONTEND=noninteractive; \
	  { $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; } \
	    || echo "chromium could not be installed: the e2e tests will be skipped"; }

# The performance benchmark on PostgreSQL (not part of `make test`), see docs/benchmark.md.
BENCH_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/ikone_bench
bench: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/generate.py
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/run.py

# The load scenario (50 users for 60 s) on the benchmark data of `make bench`
# (its generate step must have run); not part of `make test`. docs/benchmark.md.
LOAD_USERS ?= 50
LOAD_SECONDS ?= 60
loadtest: install
	DATABASE_URL=$(BENCH_DATABASE_URL) $(BIN)/python bench/loadtest.py --users $(LOAD_USERS) --seconds $(LOAD_SECONDS)

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# Regenerate the English catalogues of every app that has one (German is the
# source language) and compile them; the .mo files are committed, since `make
# run` does not compile. Needs GNU gettext (Debian: apt-get install gettext).
messages: $(BIN)/.installed
	@command -v msgfmt >/dev/null || { echo "msgfmt missing: install GNU gettext"; exit 1; }
	set -e; for dir in src/ikone/*/locale/en/LC_MESSAGES; do \
	  app=$${dir%/locale/en/LC_MESSAGES}; \
	  (cd $$app && $(CURDIR)/$(BIN)/django-admin makemessages -l en --no-obsolete --no-location); \
	  msgfmt --check-format -o $$dir/django.mo $$dir/django.po; \
	done

clean:
	rm -rf $(VENV) frontend/node_modules src/ikone/core/static/vendor
