# Taawounia Academy. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEB_PACKAGES := ffmpeg gettext chromium fonts-noto-core fonts-noto-color-emoji espeak-ng libpango-1.0-0 libpangoft2-1.0-0 poppler-utils zbar-tools wrk
TIFINAGH_TTF := /usr/share/fonts/truetype/noto/NotoSansTifinagh-Regular.ttf
TIFINAGH_WOFF2 := academy/static/academy/fonts/NotoSansTifinagh-Regular.woff2
PO_FILES := $(wildcard locale/*/LC_MESSAGES/django.po)
MO_FILES := $(PO_FILES:.po=.mo)

.DEFAULT_GOAL := help

# manage.py, gunicorn and Celery default to production settings (docs/decisions/0024): the
# developer's targets choose development explicitly, for themselves and what they depend on.
migrate static demo run: export DJANGO_SETTINGS_MODULE = academy.settings.dev
.PHONY: help install system-packages messages reviewed-strings check-messages migrate static demo run worker test lint bench format

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

install: system-packages $(VENV)/.installed $(TIFINAGH_WOFF2) messages ## Install whatever is missing
	@mkdir -p var/broker var/broker-processed var/media

system-packages: ## Install the Debian packages the project needs (ffmpeg, gettext, chromium, fonts, zbar)
	@missing=$$(for p in $(DEB_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Installing Debian packages: $$missing"; \
		sudo=$$([ "$$(id -u)" -eq 0 ] || echo sudo); \
		$$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing; \
	fi

$(VENV)/.installed: requirements.txt requirements-whisper.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps -r requirements-whisper.txt
	@touch $@

$(TIFINAGH_WOFF2): $(TIFINAGH_TTF) $(VENV)/.installed
	@mkdir -p $(dir $@)
	$(VENV)/bin/pyftsubset $(TIFINAGH_TTF) --unicodes="U+0020,U+002D,U+2D30-2D7F" \
		--flavor=woff2 --layout-features='*' --output-file=$@

messages: $(MO_FILES) ## Compile the message catalogues

locale/%/LC_MESSAGES/django.mo: locale/%/LC_MESSAGES/django.po
	msgfmt --check --output-file=$@ $<

reviewed-strings: ## Write the native reviewers' interface strings into the catalogues (then make messages)
	DJANGO_SETTINGS_MODULE=academy.settings.dev $(PY) manage.py interface_strings_export

check-messages: ## Check every catalogue with msgfmt -c
	@for po in $(PO_FILES); do msgfmt -c --output-file=/dev/null $$po || exit 1; done
	@echo "$(words $(PO_FILES)) catalogues checked"

migrate: install ## Apply database migrations
	$(PY) manage.py migrate --no-input

static: install ## Collect static files (hashed, compressed)
	$(PY) manage.py collectstatic --no-input -v 0

demo: migrate ## Load the demo academy and demo accounts (idempotent)
	$(PY) manage.py load_demo
	$(PY) manage.py load_demo_ideas
	$(PY) manage.py load_demo_funding
	$(PY) manage.py load_demo_territory_notes
	$(PY) manage.py load_demo_assessments
	$(PY) manage.py load_demo_register
	$(PY) manage.py load_demo_market

# Two workers: SMS, outbox relay and imports (default) never wait behind a transcode (media).
run: demo static ## Start the web server and the workers on http://$(HOST):$(PORT)/
	@$(VENV)/bin/celery -A academy worker -B -s var/celerybeat-schedule -l warning -Q default -c 1 -n default@%h & \
	default_worker=$$!; \
	$(VENV)/bin/celery -A academy worker -l warning -Q media-cpu,media-gpu -c 1 -n media@%h & \
	media_worker=$$!; trap 'kill $$default_worker $$media_worker 2>/dev/null' EXIT INT TERM; \
	echo; echo "Taawounia Academy: http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)"; echo; \
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install ## Run the whole test suite
	$(VENV)/bin/pytest

lint: install ## ruff (lint and format), import boundaries
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

format: install ## Format the code with ruff
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: install ## Print the benchmarks' figures (BENCH lines)
	$(PY) tests/bench/run.py
	$(PY) tests/bench/media.py
	$(PY) tests/bench/market.py
