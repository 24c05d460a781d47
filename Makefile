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
RAW := data/raw/$(CORPUS)/articles
PROCESSED := data/processed/$(CORPUS)
REPORTS := reports/$(CORPUS)
PACKAGE_FILES := $(shell find src -type f \( -name '*.py' -o -name '*.tsv' -o -name '*.txt' -o -name '*.json' \) -not -path '*/__pycache__/*')
RAW_FILES := $(shell find $(RAW) -type f 2>/dev/null)
NOTEBOOKS := $(wildcard notebooks/*.ipynb)

.PHONY: help setup setup-test kernel extract reports test clean clean-venv

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  make %-12s %s\n", $$1, $$2}' $(MAKEFILE_LIST)
	@echo "  Variables: CORPUS=$(CORPUS) (folder under data/raw/), JOBS=$(JOBS), PYTHON=$(PYTHON)"

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --disable-pip-version-check -q -e ".[test,dask]"
	touch $@ $(VENV)/.installed

$(VENV)/.kernel: $(VENV)/.installed
	$(BIN)/python -m ipykernel install --sys-prefix --name rhetoric --display-name "Python (rhetoric)" > /dev/null
	touch $@

setup: $(VENV)/.installed $(VENV)/.kernel ## Create .venv, install the package, register the 'rhetoric' kernel

setup-test: $(VENV)/.installed-test $(VENV)/.kernel ## setup plus the test and dask extras

kernel: $(VENV)/.kernel ## Register the Jupyter kernel 'rhetoric' (inside .venv)

$(PROCESSED)/manifest.json: $(VENV)/.installed $(PACKAGE_FILES) $(RAW_FILES)
	$(BIN)/rhetoric extract $(RAW) -o $(PROCESSED) --jobs $(JOBS)

extract: $(PROCESSED)/manifest.json ## Extract the tables of CORPUS into data/processed/CORPUS/

REPORT_DEPS := $(PROCESSED)/manifest.json $(VENV)/.kernel $(PACKAGE_FILES)

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

test: setup-test ## Run the whole test suite
	$(BIN)/python -m pytest

clean: ## Remove generated tables and reports (keeps .venv)
	find data/processed reports -mindepth 1 -not -name .gitkeep -delete

clean-venv: ## Remove the virtual environment
	rm -rf $(VENV)
