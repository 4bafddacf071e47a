# The two commands of the README: `make run` (the app) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench fidelity screenshots samples mutation clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	STREAMLIT_BROWSER_GATHER_USAGE_STATS=false $(BIN)/streamlit run streamlit_app.py \
		--server.address 127.0.0.1 --server.headless true --browser.gatherUsageStats false

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks

# import and review scored on the real statutes of ../shared/corpus against their gold files
fidelity: $(STAMP)
	$(BIN)/python -m fidelity

screenshots: $(STAMP)
	$(BIN)/python -m tests.screenshots /tmp/drafting-screenshots

# Mutation testing of the core modules (not CI). MUTANTS=25 samples 25 per module; ONLY=akn picks modules;
# AGAIN=1 tests again only the survivors of the last run.
$(VENV)/.mutation: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	touch $(VENV)/.mutation

mutation: $(VENV)/.mutation
	$(BIN)/python tests/mutation/run.py $(if $(ONLY),--only $(ONLY)) $(if $(AGAIN),--survivors)

# every kind of document we write (bills, gap bill, redline, instructions, review) as DOCX, PDF and
# page images in samples/, for looking at them as a drafting office would
samples: $(STAMP)
	$(BIN)/python -m tests.samples samples

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis .mutation
