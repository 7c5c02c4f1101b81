# Needs only Python 3.11+ and make. `make demo` and `make test` set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-deps bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e . --group dev
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	mkdir -p out
	$(BIN)/kg extract examples/ -o out/examples.ttl
	$(BIN)/kg load examples/
	$(BIN)/kg query township-scorecard

test-deps: setup
	bash scripts/install-test-deps.sh

test: test-deps
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/run.py --reports 1000 --reports 10000 --write

clean:
	rm -rf $(VENV) .kg out
