# The two commands of the README: `make demo` and `make test`. Each creates
# .venv on first use, so they are all the set-up a fresh machine needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench clean chromium

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

# The browser test drives Debian's chromium (never a downloaded browser build), and the
# screenshot needs a CJK font to show Chinese text; install both when missing.
chromium:
	@command -v chromium >/dev/null && fc-list :lang=zh family | grep -q . || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null; }

test: $(VENV)/.installed chromium
	$(BIN)/python -m pytest

bench: $(VENV)/.installed
	$(BIN)/python examples/benchmark.py

clean:
	rm -rf $(VENV) claims.parquet report.html .pytest_cache tests/artifacts
