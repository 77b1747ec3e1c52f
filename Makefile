# Shop Manager: `make run` and `make test` set everything up on a fresh machine.

VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12 or newer (see pyproject.toml for why). tools/find-python prints one.
BASE_PYTHON ?= $(shell sh tools/find-python)

.PHONY: run test bench screenshot clean venv

$(VENV)/.installed: pyproject.toml
	@test -n "$(BASE_PYTHON)" || { echo "No Python 3.12+ found: install python3.12 and retry." >&2; exit 1; }
	$(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

venv: $(VENV)/.installed

run: venv
	$(PY) -m shop_gui --demo

test: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: venv
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_bench.py $(BENCH_ARGS)

screenshot: venv
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshot.py resources/screenshot.png

clean:
	rm -rf $(VENV) build *.egg-info
