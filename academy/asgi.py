"""The ASGI entry point (e.g. uvicorn academy.asgi:application). Production settings unless told
otherwise."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.production")

application = get_asgi_application()
