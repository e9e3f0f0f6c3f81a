# Kansli: `make demo` serves the demo on http://127.0.0.1:8000, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The suite runs twice: on the embedded SQLite default and on PostgreSQL.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/postgres
PYTEST_ARGS ?=

.PHONY: install install-test demo serve test test-sqlite test-postgres lint messages

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e .
	touch $@

install-test: $(VENV)/.installed-test

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

demo: install
	$(BIN)/kansli migrate --noinput
	$(BIN)/kansli collectstatic --noinput --verbosity 0
	$(BIN)/kansli demo
	$(BIN)/kansli reindex
	$(BIN)/kansli signing-certificate --if-missing
	$(BIN)/kansli serve

serve: install
	$(BIN)/kansli serve

test: install-test lint test-sqlite test-postgres

lint: install-test
	$(BIN)/ruff check kansli bench tests conftest.py
	$(BIN)/mypy

test-sqlite: install-test
	env -u DATABASE_URL $(BIN)/pytest $(PYTEST_ARGS)

test-postgres: install-test
	DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/pytest $(PYTEST_ARGS)

# For translators: refresh locale/sv from the source, then compile it (needs GNU gettext).
messages: install
	cd kansli && ../$(BIN)/kansli makemessages --locale sv --no-obsolete --ignore '*/tests/*'
	cd kansli && ../$(BIN)/kansli compilemessages --locale sv
