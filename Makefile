# IKONE — the two commands are `make run` and `make test`; see README.md.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export DJANGO_SETTINGS_MODULE := ikone.settings

.PHONY: run test lint format e2e bench install assets migrate demo clean

# Re-run pip only when pyproject.toml changed since the last install.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

frontend/node_modules/.installed: frontend/package.json frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error
	touch $@

src/ikone/core/static/vendor/BUILT: frontend/node_modules/.installed frontend/build.mjs
	cd frontend && node build.mjs

install: $(BIN)/.installed src/ikone/core/static/vendor/BUILT

assets: src/ikone/core/static/vendor/BUILT

migrate: install
	$(BIN)/ikone migrate --noinput

demo: migrate
	$(BIN)/ikone import_municipalities
	$(BIN)/ikone seed_demo

run: demo
	@echo "IKONE läuft auf http://127.0.0.1:$(PORT)/ (Demo-Zugänge: siehe README.md)"
	DEBUG=$${DEBUG:-true} $(BIN)/ikone runserver 127.0.0.1:$(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/ikone makemigrations --check --dry-run

test: install lint
	$(BIN)/pytest

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) frontend/node_modules src/ikone/core/static/vendor
