# wikidraft — the commands a newcomer runs: `make demo` and `make test` (see README.md).
# Everything installs from here: Debian's MediaWiki/PHP packages (scripts/local-wiki install),
# Debian's chromium (scripts/browser install)
# and a virtual environment in .venv with the package and its dev tools.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
WIKI_PORT ?= 8080

.PHONY: demo test wiki wiki-stop bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV) || { apt-get install -y -qq python3-venv && $(PYTHON) -m venv $(VENV); }
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

## wiki: install (if needed), create (if needed) and start the local wiki on $(WIKI_PORT)
wiki:
	$(PYTHON) scripts/local-wiki start --port $(WIKI_PORT)

wiki-stop:
	$(PYTHON) scripts/local-wiki stop

## demo: the main job on the bundled examples against the local wiki
demo: $(BIN)/.installed
	$(BIN)/python scripts/demo.py

## test: lint, then the whole suite (wiki-backed tests start their own wiki)
test: $(BIN)/.installed
	$(PYTHON) scripts/local-wiki install
	$(PYTHON) scripts/browser install   # headless Chromium for tests/test_browser.py
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q

## bench: benchmarks (by hand; results go into the README)
bench: $(BIN)/.installed
	test -x /usr/bin/time || apt-get install -y -qq time   # GNU time: peak memory of a child
	$(BIN)/python -m pip install -q -e '.[bench]'
	$(BIN)/python benchmarks/run.py

clean:
	rm -rf $(VENV) out .pytest_cache .ruff_cache
