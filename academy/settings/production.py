"""Production: every secret comes from the environment, and nothing starts without it."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env


def _gateway_sms_sender(path: str) -> str:
    """The console and file senders leave codes in logs and files: not in production."""
    if path in {"academy.sms.ConsoleSender", "academy.sms.FileSender"}:
        raise ImproperlyConfigured(
            f"SMS_SENDER={path} is for development and tests; production sends through a "
            "gateway (academy.sms.HttpSender and SMS_HTTP_URL)."
        )
    if path == "academy.sms.HttpSender":
        env.require("SMS_HTTP_URL")
    return path


DEBUG = False
SECRET_KEY = env.require_secret_key("SECRET_KEY")
ALLOWED_HOSTS = env.require_hosts("ALLOWED_HOSTS")
SMS_SENDER = _gateway_sms_sender(env.require("SMS_SENDER"))
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
