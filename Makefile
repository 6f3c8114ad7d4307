# storyline: `make demo` and `make test` do all the set-up on a fresh machine.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
DEMO_DB ?= storyline.db

.PHONY: install demo test lint typecheck check bench lock clean

install: $(STAMP)

$(STAMP): requirements.lock pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

demo: install
	$(BIN)/storyline ingest samples --db $(DEMO_DB) --knowledge-base samples/knowledge_base.jsonl
	$(BIN)/storyline articles --db $(DEMO_DB)
	$(BIN)/storyline brief --db $(DEMO_DB)

test: install
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check storyline tests
	$(BIN)/mypy storyline

check: lint test

# Every figure of docs/benchmarks.md (slow: tens of minutes on 2 cores).
bench: install
	$(BIN)/storyline eval extraction ../shared/bench/scrapinghub
	$(BIN)/storyline eval extraction ../shared/bench/readability
	$(BIN)/storyline eval times bench/times
	$(BIN)/storyline eval coref bench/coref
	$(BIN)/storyline eval attributions ../shared/bench/polnear/dev
	$(BIN)/storyline eval events ../shared/bench/plover/PLOVER_GSR_CAMEO.txt
	$(BIN)/storyline eval throughput ../shared/bench/polnear/dev

# Re-pin the lock file from the current environment (after changing pyproject.toml).
lock:
	$(BIN)/python -m pip freeze --exclude-editable | grep -v '^storyline' > requirements.lock

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
