# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
export PORT

.PHONY: run test lint lint-spec lint-deploy typecheck pytest test-db openapi sdk bench clean

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

## Lint (code, the OpenAPI contract, the deployment files), type-check, run the whole suite.
test: $(VENV)/.dev-installed lint lint-spec lint-deploy typecheck pytest

# ruff formats the python blocks of Markdown files too (docs/, sdk/python/README.md); the
# generated SDK is excluded in pyproject.toml (the generator runs its own ruff).
lint: $(VENV)/.dev-installed
	$(BIN)/ruff check src tests benchmarks sdk
	$(BIN)/ruff format --check src tests benchmarks sdk docs

# Spectral (spectral:oas + OWASP API security), pinned in package-lock.json, installed into
# ./node_modules; no install scripts run. Rules and their justifications: .spectral.yaml.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## Lint openapi/openapi.json: zero errors and zero unjustified warnings.
lint-spec: node_modules/.installed
	node_modules/.bin/spectral lint openapi/openapi.json --ruleset .spectral.yaml --fail-severity=warn

## Validate deploy/: the Kubernetes manifests against the API's schemas, strictly (no
## unknown fields), for the oldest version we support and the newest the validator knows;
## compose.yaml against the Compose Specification; the Dockerfile with hadolint. The
## schemas and the hadolint binary come inside the dev packages: no network needed.
lint-deploy: $(VENV)/.dev-installed
	$(BIN)/kubernetes-validate --strict --quiet --kubernetes-version 1.30.0 deploy/k8s/*.yaml
	$(BIN)/kubernetes-validate --strict --quiet deploy/k8s/*.yaml
	$(BIN)/check-jsonschema --builtin-schema vendor.compose-spec deploy/compose.yaml
	$(BIN)/hadolint deploy/Dockerfile

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

## Regenerate the Python SDK (sdk/python) from openapi/openapi.json; its drift test
## fails until this is run and committed. The generator calls the venv's ruff.
sdk: $(VENV)/.dev-installed
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/python sdk/generate.py

## Benchmarks (see benchmarks/README.md).
bench: $(VENV)/.dev-installed
	$(BIN)/python benchmarks/bench_schedule.py
	$(BIN)/python benchmarks/bench_read.py
	$(BIN)/python benchmarks/bench_quote.py
	$(BIN)/python benchmarks/bench_repayment.py
	$(BIN)/python benchmarks/bench_loan_funding.py
	$(BIN)/python benchmarks/bench_par.py
	$(BIN)/python benchmarks/bench_recommend.py
	$(BIN)/python benchmarks/bench_cohort.py
	$(BIN)/python benchmarks/bench_webhooks.py
	$(BIN)/python benchmarks/bench_portfolio_report.py

clean:
	rm -rf $(VENV) var node_modules
