# rhetoric — `make help` lists the targets. Every target sets up what it needs:
# a virtual environment in .venv, the package (editable), and a Jupyter kernel.
# Stamps in .venv make reruns skip what has not changed.

.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
CORPUS ?= sample
JOBS ?= 2
# data/raw/CORPUS/articles/ if it exists (the sample keeps notes and gold beside it), else data/raw/CORPUS/
RAW := $(if $(wildcard data/raw/$(CORPUS)/articles/.),data/raw/$(CORPUS)/articles,data/raw/$(CORPUS))
PROCESSED := data/processed/$(CORPUS)
REPORTS := reports/$(CORPUS)
PACKAGE_FILES := $(shell find src -type f \( -name '*.py' -o -name '*.tsv' -o -name '*.txt' -o -name '*.json' \) -not -path '*/__pycache__/*')
RAW_FILES := $(shell find $(RAW) -type f 2>/dev/null)
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

.PHONY: help setup setup-test kernel extract reports lab test clean clean-venv

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: CORPUS=$(CORPUS) (folder under data/raw/), JOBS=$(JOBS), PYTHON=$(PYTHON)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -e .
	touch $@

# The test extras include the package: .installed is created if missing but never
# re-stamped, so `make test` does not make `make reports` redo its work.
$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -e ".[test,dask]"
	touch $@
	test -e $(VENV)/.installed || touch $(VENV)/.installed

# Outputs depend on the package's files and pyproject.toml, not on when it was
# installed: the install stamps are order-only prerequisites.
$(VENV)/.kernel: | $(VENV)/.installed
	$(BIN)/python -m ipykernel install --sys-prefix --name rhetoric --display-name "Python (rhetoric)" > /dev/null
	touch $@

setup: $(VENV)/.installed $(VENV)/.kernel ## Create .venv, install the package, register the 'rhetoric' kernel

setup-test: $(VENV)/.installed-test $(VENV)/.kernel ## setup plus the test and dask extras

kernel: $(VENV)/.kernel ## Register the Jupyter kernel 'rhetoric' (inside .venv)

$(PROCESSED)/manifest.json: pyproject.toml $(PACKAGE_FILES) $(RAW_FILES) | $(VENV)/.installed
	@test -d $(RAW) || { echo "make: no corpus in data/raw/$(CORPUS)/ (put the articles there, or in data/raw/$(CORPUS)/articles/)" >&2; exit 2; }
	$(BIN)/rhetoric extract $(RAW) -o $(PROCESSED) --jobs $(JOBS)

extract: $(PROCESSED)/manifest.json ## Extract the tables of CORPUS into data/processed/CORPUS/

REPORT_DEPS := $(PROCESSED)/manifest.json $(PACKAGE_FILES) | $(VENV)/.kernel

$(REPORTS)/%.html: notebooks/%.ipynb $(REPORT_DEPS)
	$(BIN)/rhetoric report $< -p corpus $(CORPUS) -o $(REPORTS)

# One article_report per article; --resume re-renders only what changed.
$(REPORTS)/articles/manifest.jsonl: notebooks/article_report.ipynb $(REPORT_DEPS)
	$(BIN)/rhetoric batch $< --each-doc $(CORPUS) -j $(JOBS) --resume -o $(REPORTS)/articles

reports/index.html: $(REPORTS)/corpus_overview.html $(REPORTS)/sentiment_report.html $(REPORTS)/framing_report.html $(REPORTS)/articles/manifest.jsonl
	$(BIN)/rhetoric batch index $(REPORTS) --title "Reports: $(CORPUS)"
	$(BIN)/rhetoric batch index reports --title "rhetoric reports"

reports: reports/index.html ## Extract CORPUS (default: the bundled sample) and render its reports into reports/CORPUS/
	@echo "Reports in $(REPORTS)/ (open reports/index.html)"

lab: setup ## Open JupyterLab from .venv in notebooks/ (new notebooks use the 'rhetoric' kernel)
	$(BIN)/jupyter lab --notebook-dir=notebooks --MappingKernelManager.default_kernel_name=rhetoric $(LAB_ARGS)

# In a container running as root, JupyterLab refuses to start without --allow-root.
LAB_ARGS ?= $(if $(filter 0,$(shell id -u)),--allow-root)

test: setup-test ## Run the whole test suite
	$(BIN)/python -m pytest

clean: ## Remove generated tables and reports (keeps .venv)
	find data/processed reports -mindepth 1 -not -name .gitkeep -delete

clean-venv: ## Remove the virtual environment
	rm -rf $(VENV)
