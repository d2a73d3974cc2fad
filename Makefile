# The two commands of the README: `make demo` and `make test`. Each creates
# .venv on first use, so they are all the set-up a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

demo: $(VENV)/.installed
	$(BIN)/pbmine extract -o claims.parquet
	$(BIN)/pbmine compare --metric 五星支部
	$(BIN)/pbmine compare --metric 好评率

test: $(VENV)/.installed
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python examples/benchmark.py

clean:
	rm -rf $(VENV) claims.parquet .pytest_cache
