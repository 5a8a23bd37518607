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
.PHONY: help install lock system-packages messages reviewed-strings check-messages migrate static demo run worker test lint bench format

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

# Development installs everything (requirements/README.md): the locked development set (web,
# worker and tools, with hashes), then torch on its own (no hash: CPU and CUDA builds differ;
# TORCH_PIP_OPTIONS may name PyTorch's CPU wheel index), then openai-whisper without its
# dependencies (they are in the lock, without triton).
TORCH_PIP_OPTIONS ?=
PIP_INSTALL = $(PY) -m pip install -q --disable-pip-version-check
$(VENV)/.installed: requirements/dev.txt requirements/torch.txt requirements/whisper.txt
	$(PYTHON) -m venv $(VENV)
	$(PIP_INSTALL) --require-hashes -r requirements/dev.txt
	$(PIP_INSTALL) $(TORCH_PIP_OPTIONS) -r requirements/torch.txt
	$(PIP_INSTALL) --no-deps --require-hashes -r requirements/whisper.txt
	@touch $@

# Each lock is compiled from its .in file; worker.txt follows web.txt's versions, dev.txt
# follows worker.txt's.
PIP_COMPILE = $(abspath $(VENV))/bin/pip-compile -q --generate-hashes --allow-unsafe --no-strip-extras \
	--no-emit-find-links --no-emit-index-url --no-emit-trusted-host
lock: install ## Lock requirements/*.in into requirements/*.txt, with hashes (pip-tools)
	cd requirements && for set in web worker dev; do \
		$(PIP_COMPILE) --output-file $$set.txt $$set.in || exit 1; done

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

# `make demo DEMO_MEDIA=--no-media` skips recording the demo's narration, video and spoken
# questions (espeak-ng and ffmpeg through the media pipeline: a few minutes the first time).
DEMO_MEDIA ?=
demo: migrate ## Load the demo academy and demo accounts (idempotent)
	$(PY) manage.py load_demo $(DEMO_MEDIA)
	$(PY) manage.py load_demo_ideas
	$(PY) manage.py load_demo_funding
	$(PY) manage.py load_demo_territory_notes
	$(PY) manage.py load_demo_assessments $(DEMO_MEDIA)
	$(PY) manage.py load_demo_register
	$(PY) manage.py load_demo_market
	$(PY) manage.py load_demo_scoring
	$(PY) manage.py load_demo_statistics

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
	$(PY) tests/bench/insights.py
