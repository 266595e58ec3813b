# Quickstart: `make run` then `make test`. The venv is built on first use from pinned packages.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench lint setup web clean

setup: $(STAMP)

$(STAMP): pyproject.toml constraints.txt requirements-places.txt
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH (or: make PYTHON=python3)"; exit 1; }
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	$(BIN)/pip install -q --no-deps -r requirements-places.txt
	touch $(STAMP)

run: $(STAMP) web
	$(BIN)/frontwire --db frontwire.db run examples/ --exports exports/
	@echo "browse it: $(BIN)/frontwire serve   (then open http://127.0.0.1:8000/)"

# The page's libraries come from npm (package-lock.json) into frontwire/static/vendor/.
# Without npm the page still serves, with no map; its browser tests then skip.
web:
	@bash scripts/build_web.sh >/dev/null 2>&1 || echo "note: npm unavailable, web page assets not built"

test: $(STAMP) web
	$(BIN)/pytest

bench: $(STAMP)
	$(BIN)/python -m bench

lint: $(STAMP)
	$(BIN)/ruff check frontwire tests bench
	$(BIN)/mypy frontwire

clean:
	rm -rf frontwire.db frontwire.db-wal frontwire.db-shm exports/
