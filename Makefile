# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: run test lint typecheck pytest test-db openapi bench clean

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(BIN)/activate
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

## Serve on http://127.0.0.1:$(PORT) (docs at /docs); embedded PostgreSQL unless DATABASE_URL is set.
run: $(VENV)/.installed
	$(BIN)/platform-api serve --port $(PORT)

## Lint, type-check and run the whole suite.
test: $(VENV)/.dev-installed lint typecheck pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

pytest: $(VENV)/.dev-installed
	$(BIN)/pytest

## The database-facing tests only (CI runs them again against TEST_DATABASE_URL).
test-db: $(VENV)/.dev-installed
	$(BIN)/pytest -m db

## Rewrite the committed OpenAPI contract from the app.
openapi: $(VENV)/.installed
	$(BIN)/platform-api openapi --output openapi/openapi.json

## Benchmarks (see benchmarks/README.md).
bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_schedule.py
	$(BIN)/python benchmarks/bench_read.py
	$(BIN)/python benchmarks/bench_quote.py
	$(BIN)/python benchmarks/bench_repayment.py
	$(BIN)/python benchmarks/bench_par.py

clean:
	rm -rf $(VENV) var
