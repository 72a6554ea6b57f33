# The two commands of the README:  make report  (builds reports/)  and  make test.
# Both set up .venv on first use from pyproject.toml, where the dependencies are declared once.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
READY  := $(VENV)/.ready

.PHONY: report test lab bench clean-venv

$(READY): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[test,dask]"
	touch $(READY)

report: $(READY)  ## execute the notebooks and render reports/index.html (ARGS="-p start 2015-01-01 ...")
	$(BIN)/peacetalks report $(ARGS)

test: $(READY)  ## the whole test suite, browser tests included
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lab: $(READY)  ## JupyterLab on the notebooks
	$(BIN)/python -m pip install --quiet -e ".[lab]"
	$(BIN)/jupyter lab notebooks/

bench: $(READY)  ## speed and memory figures (printed, not asserted)
	$(BIN)/python bench/bench_extract.py --quick
	$(BIN)/python bench/bench_report.py

clean-venv:
	rm -rf $(VENV)
