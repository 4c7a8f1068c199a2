# partnerships: `make run` serves the product with the demo data, `make test` tests it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint clean bench bench-api

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/partnerships migrate --no-input
	$(BIN)/partnerships collectstatic --no-input -v0
	$(BIN)/partnerships load-demo
	$(BIN)/partnerships demo-admin
	$(BIN)/partnerships runserver $(HOST):$(PORT)

test: $(STAMP)
	$(BIN)/ruff check partnerships tests bench
	$(BIN)/ruff format --check -q partnerships tests bench
	$(BIN)/partnerships makemigrations --check --dry-run > /dev/null
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check partnerships tests bench
	$(BIN)/ruff format --check -q partnerships tests bench

bench: $(STAMP)
	$(BIN)/python bench/synth_speed.py --postgres postgres://postgres@127.0.0.1:5432/postgres

bench-api: $(STAMP)
	$(BIN)/python bench/api_latency.py --postgres postgres://postgres@127.0.0.1:5432/postgres

clean:
	rm -rf $(VENV) var/partnerships.sqlite3*
