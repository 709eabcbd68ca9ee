# cronaca: `make demo` sets up .venv and shows the pipeline on examples/; `make test` tests it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
DEMO_DB ?= demo.db

.PHONY: install demo test lint fix eval bench clean

install: $(BIN)/cronaca

$(BIN)/cronaca: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

demo: install
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	$(BIN)/cronaca --db $(DEMO_DB) ingest examples
	$(BIN)/cronaca --db $(DEMO_DB) info
	@echo
	@echo "Look further:"
	@echo "  $(BIN)/cronaca --db $(DEMO_DB) serve      then open http://127.0.0.1:8000/ in a browser"
	@echo "  $(BIN)/cronaca --db $(DEMO_DB) export --format json -o export.json"

test: install lint
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/mypy

fix: install
	$(BIN)/ruff check --fix src tests benchmarks scripts
	$(BIN)/ruff format src tests benchmarks scripts

# The seed evaluation: ingest ../shared/seeds into a fresh store, export, score.
eval: install
	rm -rf out/eval && mkdir -p out/eval
	$(BIN)/cronaca --db out/eval/seeds.db ingest $(SHARED)/seeds
	$(BIN)/cronaca --db out/eval/seeds.db export --format json -o out/eval/export.json
	$(PYTHON) $(SHARED)/eval/score.py out/eval/export.json $(SHARED)/eval/gold/seeds.json

bench: install
	$(BIN)/python benchmarks/bench_ingest.py $(ARGS)

clean:
	rm -rf $(VENV) out build *.egg-info $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
