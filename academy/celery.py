"""The Celery application. Tasks live in each app's ``tasks.py`` and are found automatically."""

import os

from celery import Celery

from core.worker import RelayOutboxOnConnect

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.dev")

app = Celery("academy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.steps["consumer"].add(RelayOutboxOnConnect)
app.autodiscover_tasks()
