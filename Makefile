# Two commands for a newcomer: `make run` and `make test`. Only Python 3.11+ and make needed.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export DAGSTER_HOME := $(CURDIR)
export GX_ANALYTICS_ENABLED := false

.PHONY: install run test lint dagster soak bench clean fixtures

$(BIN)/bpw: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/bpw

run: install  ## ingest data/raw/ into data/warehouse/warehouse.duckdb and write the reports
	$(BIN)/bpw run

test: install  ## the whole test suite (CI runs exactly this), one worker per core, a file per worker
	$(BIN)/ruff check pipeline tests bench scripts
	$(BIN)/pytest -q -n auto --dist loadfile --no-loadscope-reorder

lint: install
	$(BIN)/ruff check pipeline tests bench scripts

dagster: install  ## the Dagster UI on http://localhost:3000
	$(BIN)/dagster dev -m pipeline.definitions

soak: install  ## 500 mixed documents, a kill mid-run, a re-run; prints what was lost
	$(BIN)/pytest -q -m soak -s

bench: install
	$(BIN)/bpw bench -n 100

fixtures: install  ## regenerate tests/fixtures from the seeds (needs LibreOffice)
	$(BIN)/python scripts/make_fixtures.py

clean:
	rm -rf data/warehouse/*.duckdb data/warehouse/*.html data/warehouse/staging .dagster_home
