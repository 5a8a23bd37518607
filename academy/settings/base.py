"""Settings shared by every environment. Environment variables are read through ``env`` only."""

import logging
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

from core import languages

from . import env

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = env.get_path("ACADEMY_VAR_DIR", BASE_DIR / "var")

DEBUG = False
SECRET_KEY = env.get("SECRET_KEY")
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "core",
    "academy",
    "courses",
    "media_pipeline",
    "assessments",
    "registry_link",
    "project_bank",
    "marketplace",
    "insights",
    "scoring",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "academy.apps.AcademyUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "parler",
    "axes",
    "csp",
    "simple_history",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: load balancers' probes get their answer before the host check, the HTTPS redirect,
    # sessions and languages (academy/health.py, decision 0042).
    "academy.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "academy.middleware.ContentSecurityPolicyMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "academy.middleware.SharedPageCacheMiddleware",  # before anything reads the session
    "academy.middleware.SiteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "academy.middleware.LocaleMiddleware",
    "academy.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "academy.middleware.PrivateResponsesMiddleware",
    "academy.middleware.ReadingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "courses.middleware.AtomicPageWritesMiddleware",  # last: it calls the view itself
]

ROOT_URLCONF = "academy.urls"
WSGI_APPLICATION = "academy.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "academy.context_processors.language",
                "academy.context_processors.offline",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'academy.sqlite3'}"),
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A database host that does not answer fails a request (and the readiness probe) in seconds.
    DATABASES["default"]["OPTIONS"] = {
        "connect_timeout": int(env.get("DATABASE_CONNECT_TIMEOUT", "5")),
        **DATABASES["default"].get("OPTIONS", {}),
    }
    # Connections: one persistent connection per process by default (CONN_MAX_AGE, checked
    # before reuse); a psycopg pool per process when DATABASE_POOL_MAX_SIZE is set, for threaded
    # web workers (decision 0042). Pooling and persistent connections exclude each other.
    if int(env.get("DATABASE_POOL_MAX_SIZE", "0")) > 0:
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"]["OPTIONS"]["pool"] = {
            "min_size": int(env.get("DATABASE_POOL_MIN_SIZE", "1")),
            "max_size": int(env.get("DATABASE_POOL_MAX_SIZE")),
            "timeout": float(env.get("DATABASE_POOL_TIMEOUT", "10")),
        }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database serves several requests (and a worker) at once: readers never block
    # the writer (WAL), a transaction takes the write lock when it begins rather than failing
    # half-way when it first writes (IMMEDIATE), and a writer waits its turn (timeout, seconds)
    # instead of answering "database is locked". See docs/decisions/0022-writes-that-survive.md.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "academy.User"

REDIS_URL = env.get("REDIS_URL")
if REDIS_URL:
    # A Redis that is down or slow makes the site slower, never broken: core/cache.py answers
    # as a miss, and the short timeouts keep a hanging Redis from stalling every request.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {
                "socket_connect_timeout": float(env.get("CACHE_CONNECT_TIMEOUT", "0.25")),
                "socket_timeout": float(env.get("CACHE_TIMEOUT", "0.5")),
            },
        }
    }
    # Sessions are read from Redis and written to both; with Redis down they are read from the
    # database: nobody is signed out by a cache outage (decision 0042).
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Learner pages (docs/decisions/0040): what changes only on publish is cached until the next
# publish (at most PAGE_CACHE_SECONDS; RELEASE names the deployed code, so a deploy starts
# afresh). A visitor's page may be kept by a browser for LEARNER_PAGE_MAX_AGE seconds and by a
# CDN for LEARNER_PAGE_S_MAXAGE (purged on publish when FRONTEND_CACHE_PURGE_URL names the CDN's
# purge endpoint: Wagtail's frontend cache invalidation, HTTP PURGE requests).
PAGE_CACHE_SECONDS = int(env.get("PAGE_CACHE_SECONDS", "3600"))
PAGE_CACHE_RELEASE = env.get("RELEASE", "")
LEARNER_PAGE_MAX_AGE = int(env.get("LEARNER_PAGE_MAX_AGE", "0"))
LEARNER_PAGE_S_MAXAGE = int(env.get("LEARNER_PAGE_S_MAXAGE", "600"))
WAGTAILFRONTENDCACHE = (
    {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.get("FRONTEND_CACHE_PURGE_URL"),
        }
    }
    if env.get("FRONTEND_CACHE_PURGE_URL")
    else {}
)

# Languages: everything comes from the registry in core.languages.
LANGUAGE_CODE = languages.DEFAULT_LANGUAGE
LANGUAGES = languages.django_languages()
LANGUAGES_BIDI = languages.bidi_codes()
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "academy_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
USE_I18N = True
# Day before month in every language (core/formats): Django has no formats for ary, shi, tzm,
# rif, zgh, and its English ones put the month first.
FORMAT_MODULE_PATH = ["core.formats"]
USE_TZ = True
TIME_ZONE = "Africa/Casablanca"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = languages.admin_languages()
WAGTAIL_SITE_NAME = "Taawounia Academy"
# The admin's dashboard would ask wagtail.org for the latest release from each editor's browser:
# no request leaves the site (Content-Security-Policy, decision 0024); upgrades follow the pins.
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No autosave: it created a page, and its copies in every language, from a half-typed form while
# the trainer was still typing (losing what she typed into a new rich text block meanwhile). A
# page is created when she saves or publishes, in one transaction (courses/middleware.py).
WAGTAIL_AUTOSAVE_INTERVAL = 0
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt"]
WAGTAILLOCALIZE_JQUERY_LIBRARY_PATH = None
# "Translate" makes drafts: a translation reaches learners when a reviewer publishes it
# (courses/translation_review.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
PARLER_LANGUAGES = languages.parler_languages()
PARLER_DEFAULT_LANGUAGE_CODE = languages.DEFAULT_LANGUAGE

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = env.get_path("MEDIA_ROOT", VAR_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on an S3-compatible object store shared by every web server and worker (decision 0041):
# MEDIA_STORAGE=s3 with AWS_STORAGE_BUCKET_NAME, AWS_S3_ENDPOINT_URL (any S3-compatible server),
# AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, and AWS_S3_CUSTOM_DOMAIN where a CDN serves the bucket.
# The folder MEDIA_ROOT stays the default (`make run`, one machine).
MEDIA_STORAGE = env.get("MEDIA_STORAGE", "filesystem")
MEDIA_STORE_OPTIONS = {
    "bucket_name": env.get("AWS_STORAGE_BUCKET_NAME", "academy-media"),
    "endpoint_url": env.get("AWS_S3_ENDPOINT_URL"),
    "region_name": env.get("AWS_S3_REGION_NAME"),
    "access_key": env.get("AWS_ACCESS_KEY_ID"),
    "secret_key": env.get("AWS_SECRET_ACCESS_KEY"),
    "custom_domain": env.get("AWS_S3_CUSTOM_DOMAIN"),
    "url_protocol": env.get("AWS_S3_URL_PROTOCOL", "https:"),
    # Public, unsigned URLs: an HLS playlist names its segments by relative URI, which a signed
    # URL's query would not reach; what is private is kept out of the public prefixes instead.
    "querystring_auth": False,
    "file_overwrite": True,
    "default_acl": None,
    "addressing_style": env.get("AWS_S3_ADDRESSING_STYLE", "path"),
}
# The site's origins the store answers cross-origin requests from (the player's hls.js, the
# offline save); `manage.py media_store_prepare` writes them into the bucket's CORS rules.
MEDIA_STORE_CORS_ORIGINS = env.get_list("MEDIA_STORE_CORS_ORIGINS")
if MEDIA_STORAGE == "s3":
    STORAGES["default"] = {
        "BACKEND": "core.object_store.MediaStore",
        "OPTIONS": MEDIA_STORE_OPTIONS,
    }
    # Documents are sent through Django, which checks who may read them (the store is private).
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Where players and pages fetch media from, for the Content-Security-Policy below.
MEDIA_STORE_ORIGINS = (
    [
        f"{MEDIA_STORE_OPTIONS['url_protocol']}//{MEDIA_STORE_OPTIONS['custom_domain']}"
        if MEDIA_STORE_OPTIONS["custom_domain"]
        else MEDIA_STORE_OPTIONS["endpoint_url"] or "https://*.amazonaws.com"
    ]
    if MEDIA_STORAGE == "s3"
    else []
)
WHITENOISE_MAX_AGE = 365 * 24 * 60 * 60
# Uploaded media are served by Django only in development or where SERVE_MEDIA is set (a small
# single-server deployment); a larger one serves MEDIA_ROOT from the web server or a CDN.
SERVE_MEDIA = env.get_bool("SERVE_MEDIA", default=False)

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp), enforced in every environment (decision 0024): only this
# site's own scripts, styles, media and connections; data:/blob: for pictures and recordings made
# in the page; no framing, no plugins, forms post here only.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", "blob:", *MEDIA_STORE_ORIGINS],
        "media-src": [SELF, "blob:", *MEDIA_STORE_ORIGINS],
        "font-src": [SELF],
        "connect-src": [SELF, *MEDIA_STORE_ORIGINS],
        "worker-src": [SELF],
        "manifest-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    },
}
# The Wagtail admin's own code inserts inline scripts and styles, and its preview panel frames
# the admin's own pages: under /admin/ these directives replace the ones above.
CONTENT_SECURITY_POLICY_ADMIN = {
    "script-src": [SELF, "'unsafe-inline'"],
    "style-src": [SELF, "'unsafe-inline'"],
    "frame-ancestors": [SELF],
}

# Celery: Redis when REDIS_URL is set, otherwise a broker on the local file system.
CELERY_BROKER_URL = REDIS_URL or "filesystem://"
CELERY_BROKER_TRANSPORT_OPTIONS = (
    # A broker host that does not answer must not hold a request for minutes: the outbox keeps
    # the message (core/outbox.py).
    {"visibility_timeout": 4 * 60 * 60, "socket_connect_timeout": 3}
    if REDIS_URL
    else {
        "data_folder_in": str(VAR_DIR / "broker"),
        "data_folder_out": str(VAR_DIR / "broker"),
        "processed_folder": str(VAR_DIR / "broker-processed"),
        "control_folder": str(VAR_DIR / "broker-control"),  # else "control/" in the working dir
        "store_processed": False,
    }
)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = 60 * 60
CELERY_TASK_SOFT_TIME_LIMIT = 55 * 60
# The outbox (core/outbox.py, docs/decisions/0019): what the broker refused is published again
# when a worker reconnects and at least every OUTBOX_RELAY_SECONDS; published rows are kept a week.
OUTBOX_RELAY_SECONDS = 15.0
OUTBOX_KEEP_DAYS = 7

# LOG_FORMAT=json: one JSON object per line for a log collector (core/json_logs.py).
LOG_FORMAT = env.get("LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
        "json": {"()": "core.json_logs.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "INFO")},
    "loggers": {
        **{
            name: {"level": "ERROR" if name == "axes" else "WARNING"}
            for name in ("django_tasks", "wagtail", "wagtail_localize", "axes")
        },
        "py.warnings": {"handlers": ["console"], "level": "WARNING", "propagate": False},
    },
}
if LOG_FORMAT == "json":
    logging.captureWarnings(True)  # Python's warnings become JSON lines too (py.warnings)

# Learner accounts
SMS_SENDER = env.get("SMS_SENDER", "academy.sms.ConsoleSender")
SMS_FILE_PATH = VAR_DIR / "sms-outbox.jsonl"
# academy.sms.HttpSender: an HTTP gateway, answered 2xx when it accepts a message (academy/README).
SMS_HTTP = {
    "URL": env.get("SMS_HTTP_URL"),
    "AUTH": env.get("SMS_HTTP_AUTH", "bearer"),  # bearer, header, basic or none
    "TOKEN": env.get("SMS_HTTP_TOKEN"),  # bearer: "Authorization: Bearer …"; header: TOKEN_HEADER
    "TOKEN_HEADER": env.get("SMS_HTTP_TOKEN_HEADER", "X-API-Key"),
    "USERNAME": env.get("SMS_HTTP_USERNAME"),
    "PASSWORD": env.get("SMS_HTTP_PASSWORD"),
    "SENDER_NAME": env.get("SMS_HTTP_SENDER_NAME", "Taawounia"),
    "FORMAT": env.get("SMS_HTTP_FORMAT", "json"),  # json or form
    # Our field = the gateway's field; an empty name leaves the field out.
    "FIELDS": env.get_map("SMS_HTTP_FIELDS", "to=to,text=text,sender=from,id=reference"),
    "TIMEOUT": float(env.get("SMS_HTTP_TIMEOUT", "10")),
}
OTP_DIGITS = 6
OTP_VALID_SECONDS = 10 * 60
ACTIVATION_CODE_VALID_DAYS = 30
# Codes asked for one number from one address an hour; for one number from every address a day
# (a higher cap, so that strangers cannot easily fill it); from one address an hour (decision 0018).
OTP_MAX_PER_NUMBER_PER_HOUR = 3
OTP_MAX_PER_NUMBER_PER_DAY = 10
OTP_MAX_PER_ADDRESS_PER_HOUR = 10
RECENT_LEARNERS_ON_DEVICE = 6
# A lesson is done by itself once this share of its media was listened to or watched.
PROGRESS_DONE_THRESHOLD = 0.9
LOGIN_URL = "sign_in"
LOGIN_REDIRECT_URL = "dashboard"
SESSION_COOKIE_AGE = 30 * 24 * 60 * 60

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "academy.authentication.PermissionsInOneQueryBackend",  # Django's, one query for perms
    # Still named by sessions opened before it (and by the sign-in view): it finds the
    # permissions the backend above already read.
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours: 15 minutes
# Locked per number, and per number and address; never per address alone (a proxy or a carrier's
# NAT puts many learners behind one address). See decision 0018.
AXES_LOCKOUT_PARAMETERS = ["username", ["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "academy.authentication.client_ip"
# Addresses or networks of the reverse proxies in front of the application: only from them is
# X-Forwarded-For believed. Empty: the header is ignored.
TRUSTED_PROXIES = env.get_list("TRUSTED_PROXIES")
AXES_USERNAME_FORM_FIELD = "phone_number"
AXES_USERNAME_CALLABLE = "academy.authentication.axes_username"
AXES_LOCKOUT_CALLABLE = "academy.authentication.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

# Media pipeline (media_pipeline/conf.py holds the defaults and their reasons)
CELERY_TASK_ROUTES = {
    "media_pipeline.asset_process_task": {"queue": "media-cpu"},
    "media_pipeline.voice_over_process_task": {"queue": "media-cpu"},
    "media_pipeline.asset_transcribe_task": {"queue": "media-gpu"},
    "media_pipeline.assets_sweep_task": {"queue": "default"},
    "core.outbox_relay_task": {"queue": "default"},
    "academy.sms_send_task": {"queue": "default"},
    "registry_link.register_sync_task": {"queue": "default"},
    "scoring.scores_compute_task": {"queue": "default"},
    "insights.refresh_summaries_task": {"queue": "default"},
}
CELERY_BEAT_SCHEDULE = {
    "media-pipeline-sweep": {"task": "media_pipeline.assets_sweep_task", "schedule": 5 * 60.0},
    "core-outbox-relay": {"task": "core.outbox_relay_task", "schedule": OUTBOX_RELAY_SECONDS},
    # every night: the scores of all cooperatives (scoring/README.md)
    "scoring-compute": {"task": "scoring.scores_compute_task", "schedule": 24 * 60 * 60.0},
    # The statistics' summary tables (insights, docs/decisions/0038).
    "insights-refresh": {"task": "insights.refresh_summaries_task", "schedule": 15 * 60.0},
}
# Statistics (insights/conf.py): the youth age band, small counts suppressed in exports and PDF.
INSIGHTS = {"YOUTH_MAX_AGE": 34, "SMALL_COUNT": 5}
MEDIA_PIPELINE = {
    "WHISPER_MODEL_DIR": env.get("WHISPER_MODEL_DIR"),
    "WHISPER_MODEL": env.get("WHISPER_MODEL", "small"),
    "MAX_UPLOAD_BYTES": int(env.get("MEDIA_MAX_UPLOAD_BYTES", str(4 * 1024**3))),
    "MAX_DURATION_SECONDS": int(env.get("MEDIA_MAX_DURATION_SECONDS", str(3 * 60 * 60))),
    "TRANSCODE_TIME_LIMIT": 3 * 60 * 60,
    "TRANSCRIBE_TIME_LIMIT": 3 * 60 * 60,
    # This machine's own folder for ffmpeg's files (default: the system's temporary folder).
    "SCRATCH_DIR": env.get("MEDIA_SCRATCH_DIR"),
}

# Assessments: the certificate PDF embeds these fonts (Debian's fonts-noto-core).
ASSESSMENTS_FONT_DIR = env.get("ASSESSMENTS_FONT_DIR", "/usr/share/fonts/truetype/noto")
# The largest voice note a learner may leave with her course evaluation.
ASSESSMENTS_VOICE_NOTE_MAX_BYTES = int(
    env.get("ASSESSMENTS_VOICE_NOTE_MAX_BYTES", str(5 * 1024**2))
)

# Register link: the register's API (registry_link/client.py, docs/decisions/0032). No URL: no
# synchronisation (the mirror is fed by spreadsheet imports only).
REGISTER_CLIENT = env.get("REGISTER_CLIENT", "registry_link.client.HttpRegisterClient")
REGISTER_API = {
    "URL": env.get("REGISTER_API_URL"),
    "TOKEN": env.get("REGISTER_API_TOKEN"),
    "TIMEOUT": float(env.get("REGISTER_API_TIMEOUT", "15")),
    "MAX_PAGES": int(env.get("REGISTER_API_MAX_PAGES", "200")),  # per synchronisation
}

# Project bank
# Founders a cooperative needs: 5 by one source, 7 by an older one (see DOMAIN.md).
COOPERATIVE_MIN_FOUNDERS = int(env.get("COOPERATIVE_MIN_FOUNDERS", "5"))
PROJECT_INVITATION_DAYS = 14

# Error reporting (academy/settings/error_reporting.py): nothing is sent unless SENTRY_DSN is set.
SENTRY_DSN = env.get("SENTRY_DSN")
if SENTRY_DSN:
    from .error_reporting import error_reporting_start

    error_reporting_start(
        dsn=SENTRY_DSN,
        environment=env.get("SENTRY_ENVIRONMENT", "production"),
        release=env.get("SENTRY_RELEASE"),
        traces_sample_rate=float(env.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
    )
