# Two commands do all of the set-up on a fresh machine with python3 and make:
#   make demo   install, then code the bundled example articles
#   make test   install, then run the test suite (make test-fast: the part that needs no model and no service)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test test-fast install bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $(STAMP)

demo: install
	@$(BIN)/newsgraph ingest examples/ --db $(or $(NEWSGRAPH_DB),newsgraph.db)
	@$(BIN)/newsgraph events --db $(or $(NEWSGRAPH_DB),newsgraph.db) --limit 25

test: install
	@$(BIN)/python -m pytest -q

# the tests that need no spaCy model and no service (about a minute)
test-fast: install
	@$(BIN)/python -m pytest -q -m "not model and not service"

bench: install
	@$(BIN)/python bench/ner_winer.py
	@$(BIN)/python bench/repair.py
	@$(BIN)/python bench/langid.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache
