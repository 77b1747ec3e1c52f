# Shop Manager: `make run` and `make test` set everything up on a fresh machine.

VENV := .venv
PY := $(VENV)/bin/python
# Python 3.12 or newer (see pyproject.toml for why). tools/find-python prints one.
BASE_PYTHON ?= $(shell sh tools/find-python)

# Installers (see README "Installers"): PyInstaller and its hooks live in their own
# venv, so `make venv` / `make test` stay as they are.
PKG_VENV := .venv-package
PKG_PY := $(PKG_VENV)/bin/python
VERSION := $(shell sed -n 's/^version = "\(.*\)"$$/\1/p' pyproject.toml)
DEB := dist/shop-manager_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null || echo unknown).deb
# The package is rebuilt when any of these change.
PACKAGE_INPUTS := pyproject.toml $(shell find core shop_gui packaging resources/icons -type f \
	! -name '*.pyc' ! -path '*/__pycache__/*' 2>/dev/null)

# The translations: .ts sources in resources/translations (kept in git), .qm built
# into shop_gui/translations (not in git) for the app, the tests and the package.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(patsubst resources/translations/%.ts,shop_gui/translations/%.qm,$(TS_FILES))

.PHONY: run test test-postgres test-fast lint bench screenshot clean venv package package-test translations qm

$(VENV)/.installed: pyproject.toml
	@test -n "$(BASE_PYTHON)" || { echo "No Python 3.12+ found: install python3.12 and retry." >&2; exit 1; }
	$(BASE_PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,lint]'
	touch $@

venv: $(VENV)/.installed

# New or changed texts in the code -> the .ts files (unfinished until translated), then .qm.
translations: venv
	$(PY) tools/build_translations.py --update

$(QM_FILES): shop_gui/translations/%.qm: resources/translations/%.ts | $(VENV)/.installed
	$(PY) tools/build_translations.py

qm: $(QM_FILES)

# tools/check_qt_libs.py first: it names any system library Qt's window needs and lacks.
run: venv qm
	$(PY) tools/check_qt_libs.py
	$(PY) -m shop_gui --demo

# Every tier (unit, integration, gui); the 20 slowest tests listed at the end (CI reads them).
test: venv qm
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest --durations=20

# The unit and integration tiers with every shop's write model on PostgreSQL:
# the tests start a throwaway server (initdb + pg_ctl in a temp folder, on a
# Unix socket; as root via runuser as the postgres user) and stop it at the
# end (tests/postgres_server.py). Needs Debian's postgresql package (or
# SHOP_TEST_POSTGRES_URL=postgresql+psycopg://... naming a server to use).
# The GUI tier stays on SQLite.
test-postgres: venv qm
	SHOP_TEST_POSTGRES=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/unit tests/integration --durations=10

# The unit tier only (core, no Qt windows, no slow tests): seconds, for while editing.
test-fast: venv
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/unit -q -m "not slow"

# Style (ruff), types (mypy on core) and the import contracts (import-linter,
# see [tool.importlinter] in pyproject.toml). CI runs it before the tests.
lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports

bench: venv
	QT_QPA_PLATFORM=offscreen $(PY) bench/run_bench.py $(BENCH_ARGS)

screenshot: venv qm
	QT_QPA_PLATFORM=offscreen $(PY) tools/screenshot.py resources/screenshot.png

$(PKG_VENV)/.installed: pyproject.toml
	@test -n "$(BASE_PYTHON)" || { echo "No Python 3.12+ found: install python3.12 and retry." >&2; exit 1; }
	$(BASE_PYTHON) -m venv $(PKG_VENV)
	$(PKG_PY) -m pip install --quiet --upgrade pip setuptools
	$(PKG_PY) -m pip install --quiet '.[package]'
	touch $@

# A self-contained bundle (PyInstaller, one folder) wrapped in a .deb. Linux only;
# Windows and macOS installers: .github/workflows/installers.yml.
$(DEB): $(PKG_VENV)/.installed $(PACKAGE_INPUTS) $(QM_FILES)
	bash packaging/linux/make-package.sh $(PKG_PY)

package: $(DEB)

# Installs the .deb on this machine (root), runs it as root and as a throwaway
# user, upgrades, purges, checks nothing is left. Builds the package if needed.
package-test: $(DEB)
	bash packaging/linux/package-test.sh $(DEB)

clean:
	rm -rf $(VENV) $(PKG_VENV) build dist *.egg-info
