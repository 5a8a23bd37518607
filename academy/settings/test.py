"""The test suite: fast hashing, plain static storage; tasks run in the test process when their
message is published (after commit), or by a real worker where a test starts one."""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = env.TEST_SECRET_KEY
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": STORAGES["default"],  # noqa: F405 - MEDIA_ROOT, or the object store (MEDIA_STORAGE=s3)
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
STATIC_ROOT = None  # served from the apps' folders; nothing is collected in tests
MEDIA_ROOT = env.get_path("MEDIA_ROOT", BASE_DIR / "var" / "test-media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
SMS_SENDER = "academy.sms.FileSender"
SMS_FILE_PATH = env.get_path("SMS_FILE_PATH", BASE_DIR / "var" / "test-sms" / "outbox.jsonl")  # noqa: F405
# A worker started by a test sets this to 0 (tests/media/conftest.py).
CELERY_TASK_ALWAYS_EAGER = env.get_bool("CELERY_TASK_ALWAYS_EAGER", default=True)
