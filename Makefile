# partnerships: `make run` serves the product with the demo data, `make test` tests it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

# Debian packages the product needs: fonts covering Chinese and Arabic (report PDFs),
# poppler (PDF text checks), LibreOffice (DOCX conversion check), Chromium (browser
# tests). Installed once when missing; needs root and apt-get.
SYSTEM_PACKAGES := chromium fonts-noto-cjk fonts-noto-core poppler-utils libreoffice-writer-nogui gettext

.PHONY: run test setup system lint clean bench bench-api assets bench-portal backup restore bench-export bench-agreement

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11 or newer is needed"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP) system assets

# The portal's front-end libraries come from the npm registry at the versions of
# package-lock.json (nothing of them is committed); the few files it serves are copied
# to build/vendor, a static-files folder. Its translations are compiled with msgfmt.
VENDOR := build/vendor
VENDOR_FILES := htmx.org/dist/htmx.min.js echarts/dist/echarts.min.js \
	cytoscape/dist/cytoscape.min.js topojson-client/dist/topojson-client.min.js \
	world-atlas/countries-110m.json axe-core/axe.min.js
# The UNDP Design System (docs/portal.md, "Design system"): its base and the
# components the pages use, joined into one style sheet. Its @font-face rules are
# left out (Proxima Nova and Söhne Breit are commercial typefaces; the portal uses
# the Noto fonts through the system's variables) and its images are copied only as
# far as the style sheet names them.
UNDP := node_modules/@undp/design-system/docs
UNDP_CSS := base-minimal.min.css components/buttons.min.css \
	components/input-fields.min.css components/select.min.css \
	components/checkbox.min.css components/radio.min.css components/chips.min.css \
	components/pagination.min.css components/breadcrumbs.min.css

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

assets: node_modules/.installed system
	@mkdir -p $(VENDOR)
	@for f in $(VENDOR_FILES); do cp node_modules/$$f $(VENDOR)/; done
	@mkdir -p $(VENDOR)/undp/images
	@for f in $(UNDP_CSS); do sed -E -e 's/@font-face\{[^}]*\}//g' \
	  -e 's#url\((\.\./)+images/#url(images/#g' $(UNDP)/css/$$f; echo; done > $(VENDOR)/undp/undp.css
	@for f in $$(grep -o 'images/[A-Za-z0-9_.-]*' $(VENDOR)/undp/undp.css | sort -u); do \
	  cp $(UNDP)/$$f $(VENDOR)/undp/images/ || exit 1; done
	@for po in partnerships/*/locale/*/LC_MESSAGES/django.po; do \
	  msgfmt --check -o "$${po%.po}.mo" "$$po" || exit 1; \
	done

system:
	@missing=""; for pkg in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing > /dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing (install them as root: apt-get install$$missing)" >&2; exit 1; \
	  fi; \
	fi

run: setup
	$(BIN)/partnerships migrate --no-input
	$(BIN)/partnerships collectstatic --no-input -v0
	$(BIN)/partnerships load-demo
	$(BIN)/partnerships demo-admin
	$(BIN)/partnerships runserver $(HOST):$(PORT)

test: setup
	$(BIN)/ruff check partnerships tests bench
	$(BIN)/ruff format --check -q partnerships tests bench
	$(BIN)/lint-imports --no-cache
	$(BIN)/partnerships makemigrations --check --dry-run > /dev/null
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check partnerships tests bench
	$(BIN)/ruff format --check -q partnerships tests bench
	$(BIN)/lint-imports --no-cache

bench: $(STAMP)
	$(BIN)/python bench/synth_speed.py --postgres postgres://postgres@127.0.0.1:5432/postgres

bench-portal: $(STAMP) assets
	$(BIN)/python bench/portal_latency.py --postgres postgres://postgres@127.0.0.1:5432/postgres

bench-api: $(STAMP)
	$(BIN)/python bench/api_latency.py --postgres postgres://postgres@127.0.0.1:5432/postgres

# CSV, Excel and IATI exports of a million engagements against the library alone.
bench-export: $(STAMP)
	$(BIN)/python bench/export_stream.py --rows 1000000

# iatikit, measured side by side, is in the `bench` extra: .venv/bin/pip install -e '.[bench]'
bench-iati: $(STAMP)
	$(BIN)/python bench/iati_import.py --mb 50 --postgres postgres://postgres@127.0.0.1:5432/postgres

# Two readers' gold for the same documents: data/ingest/agreement against the corpus
# (docs/ingest.md, "Agreement between two readers").
bench-agreement: $(STAMP)
	$(BIN)/python bench/ingest_agreement.py

clean:
	rm -rf $(VENV) var/partnerships.sqlite3*

# Backup and restore of the PostgreSQL database named by DATABASE_URL
# (docs/deployment.md): a custom-format pg_dump, restored into an empty database.
BACKUP ?= var/backup-$(shell date +%Y%m%d-%H%M%S).dump

backup:
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL=postgres://..." >&2; exit 1; }
	pg_dump --format=custom --no-owner --no-privileges --file="$(BACKUP)" "$(DATABASE_URL)"
	@echo "$(BACKUP)"

restore:
	@test -n "$(DATABASE_URL)" || { echo "Set DATABASE_URL=postgres://... (an empty database)" >&2; exit 1; }
	@test -f "$(BACKUP)" || { echo "Set BACKUP=<file made by make backup>" >&2; exit 1; }
	pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$(DATABASE_URL)" "$(BACKUP)"
