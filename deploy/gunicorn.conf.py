"""Gunicorn for the academy's web servers: `gunicorn -c deploy/gunicorn.conf.py academy.wsgi`.

Every value can be changed from the environment (deploy/README.md lists them). Sync workers, one
request each: a page costs mostly CPU (templates, the ORM), and a slow phone is held by the
reverse proxy in front, never by a worker. The proxy (or the load balancer) must buffer requests
and responses; gunicorn is not exposed to the Internet directly.
"""

import multiprocessing
import os


def _str(name: str, default: str) -> str:
    return os.environ.get(name) or default  # a variable set empty keeps the default


def _int(name: str, default: int) -> int:
    return int(_str(name, str(default)))


bind = _str("GUNICORN_BIND", "0.0.0.0:8000")
workers = _int("WEB_CONCURRENCY", 2 * multiprocessing.cpu_count() + 1)
# Threads > 1 makes gthread workers; then give the database a pool (DATABASE_POOL_MAX_SIZE
# at least the number of threads), decision 0042.
threads = _int("GUNICORN_THREADS", 1)
timeout = _int("GUNICORN_TIMEOUT", 30)  # a request running longer is killed and logged
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)  # behind a proxy that reuses its connections
# A worker is replaced after this many requests (spread out), so a slow leak never grows.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Heartbeat files in memory, not on a container's overlay disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# X-Forwarded-Proto/For are believed only from these addresses (the reverse proxy).
forwarded_allow_ips = _str("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# The path and size limits of a request line and headers stay gunicorn's defaults.

accesslog = "-"
errorlog = "-"
loglevel = _str("GUNICORN_LOG_LEVEL", "info")

if os.environ.get("LOG_FORMAT") == "json":
    # The same one-object-per-line format as the application's logs (core/json_logs.py); each
    # request's method, path, status, size and duration become fields of their own.
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "core.json_logs.JsonFormatter"}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stdout",
            }
        },
        "root": {"level": "INFO", "handlers": ["stdout"]},
        "loggers": {
            "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
            "gunicorn.access": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        },
    }
