"""Production: every secret comes from the environment, and nothing starts without it."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.require_secret_key("SECRET_KEY")
ALLOWED_HOSTS = env.require_hosts("ALLOWED_HOSTS")
SMS_SENDER = env.require("SMS_SENDER")  # a real provider: codes must never be only logged
CSRF_TRUSTED_ORIGINS = env.get_list("CSRF_TRUSTED_ORIGINS")

# base.py falls back to SQLite, a local-memory cache and a file-system broker for development;
# production has no fallback: it runs on the database and the Redis it is given.
env.require("DATABASE_URL")
env.require("REDIS_URL")

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.get_bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
