"""Local development: `make run`. Debug on, a fixed development-only key."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.get_bool("DEBUG", default=True)
SECRET_KEY = env.get("SECRET_KEY", env.DEVELOPMENT_SECRET_KEY)
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
