"""The Celery application. Tasks live in each app's ``tasks.py`` and are found automatically.

Production settings unless DJANGO_SETTINGS_MODULE says otherwise (`make run` chooses development).
"""

import os

from celery import Celery

from core.worker import RelayOutboxOnConnect

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.production")

app = Celery("academy")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.steps["consumer"].add(RelayOutboxOnConnect)
app.autodiscover_tasks()
