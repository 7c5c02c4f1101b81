# Needs only Python 3.11+ and make. `make demo` and `make test` set up .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: setup demo test test-deps lock bench clean

# Every package at the version and with the file hashes of requirements.lock (scripts/lock.sh writes it);
# the project itself is then built by the locked setuptools, without fetching anything else.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

demo: setup
	mkdir -p out
	$(BIN)/kg extract examples/ -o out/examples.ttl
	$(BIN)/kg load examples/
	$(BIN)/kg query township-scorecard
	$(BIN)/kg brief --township 云岫镇 -o out/云岫镇简报.html
	$(BIN)/kg brief --township 云岫镇 -o out/云岫镇简报.docx
	$(BIN)/kg viz chains --township 茗坪乡 -o out/茗坪乡整改跟踪.html

test-deps: setup
	bash scripts/install-test-deps.sh

test: test-deps
	$(BIN)/python -m pytest

lock: setup
	PYTHON=$(BIN)/python bash scripts/lock.sh

bench: setup
	$(BIN)/python bench/run.py --reports 1000 --reports 10000 --write

clean:
	rm -rf $(VENV) .kg out
