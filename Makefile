# The two commands of the README: `make run` and `make test`. `.ci/run` calls `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export FOOTPRINT_DB ?= $(CURDIR)/.footprint/footprint.db

.PHONY: run test install install-test lint types pytest bench docs clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-test: $(VENV)/.installed-test

run: install
	$(BIN)/footprint init
	$(BIN)/footprint load data
	$(BIN)/footprint summary
	$(BIN)/footprint serve --host $(HOST) --port $(PORT)

lint: install-test
	$(BIN)/ruff check footprint tests benchmarks

types: install-test
	$(BIN)/mypy footprint/model footprint/store footprint/analysis footprint/jurisdictions footprint/dataset footprint/chunks.py

pytest: install-test
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

test: lint types pytest

bench: install-test
	$(BIN)/python benchmarks/run.py

docs: install
	$(BIN)/python -m footprint.cli.docs > docs/cli.md

clean:
	rm -rf $(VENV) .footprint .pytest_cache .mypy_cache .ruff_cache
