# The two commands of the README:
#   make site   - build the site from seeds/ into site/ (creates .venv from requirements.lock)
#   make test   - run the whole test suite (creates/refreshes .venv with requirements-dev.lock)
# Other targets: build, serve, export, offline (zip of the site), lint, clean,
# merge-main (bring a pull request's branch up to date with main; see CONTRIBUTING.md).

PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.runtime-installed
DEV_STAMP     := $(VENV)/.dev-installed
export NO_MKDOCS_2_WARNING := 1

.PHONY: site build serve export offline test lint browser-deps clean merge-main

site: $(RUNTIME_STAMP)
	$(PY) -m generator site

build: $(RUNTIME_STAMP)
	$(PY) -m generator build

serve: $(RUNTIME_STAMP)
	$(PY) -m generator serve

export: $(RUNTIME_STAMP)
	$(PY) -m generator export --seeds seeds --out site/articles.json

offline: $(RUNTIME_STAMP)
	$(PY) -m generator offline --out dist/digest-site.zip

REMOTE ?= origin
merge-main: $(RUNTIME_STAMP)
	PY=$(PY) ./scripts/merge-main $(REMOTE)

test: $(DEV_STAMP) browser-deps
	$(PY) -m ruff check generator tests benchmarks scripts
	$(PY) -m pytest
	$(PY) -m generator translations status --check --min 100 > /dev/null
	$(PY) -m generator check

lint: $(DEV_STAMP)
	$(PY) -m ruff check generator tests benchmarks scripts
	$(PY) -m mypy

browser-deps:
	./scripts/install-system-deps

$(PY):
	$(PYTHON) -m venv $(VENV)

# Stamps make the install run again whenever a lock file changes.
$(RUNTIME_STAMP): requirements.lock | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements.lock
	touch $@

$(DEV_STAMP): requirements.lock requirements-dev.lock | $(PY)
	$(PY) -m pip install --disable-pip-version-check -q -r requirements-dev.lock
	touch $@ $(RUNTIME_STAMP)

clean:
	rm -rf site dist .pytest_cache test-artifacts .mypy_cache .ruff_cache
