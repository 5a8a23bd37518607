"""The environment, read in one place. Every setting that may come from outside is here."""

import os
from pathlib import Path

# The keys of development and of the test suite are public (they are in this repository): a
# deployment that reuses one could have its sessions and reset links forged by anyone.
DEVELOPMENT_SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
TEST_SECRET_KEY = "test-only-key"  # noqa: S105
PUBLIC_SECRET_KEYS = frozenset({DEVELOPMENT_SECRET_KEY, TEST_SECRET_KEY})
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_DISTINCT = 5
CHOOSE_DEVELOPMENT = "for development, set DJANGO_SETTINGS_MODULE=academy.settings.dev"


class MissingSettingError(RuntimeError):
    pass


class InsecureSettingError(RuntimeError):
    pass


def get(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def require(name: str) -> str:
    value = get(name)
    if value is None:
        raise MissingSettingError(
            f"The environment variable {name} must be set in production ({CHOOSE_DEVELOPMENT})."
        )
    return value


def get_bool(name: str, *, default: bool = False) -> bool:
    value = get(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def get_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in (get(name) or default).split(",") if item.strip()]


def get_path(name: str, default: Path) -> Path:
    value = get(name)
    return Path(value) if value else default


def require_list(name: str) -> list[str]:
    return get_list(name, require(name))


def get_map(name: str, default: str = "") -> dict[str, str]:
    """``key=value`` pairs separated by commas; a value may be empty."""
    pairs = (item.split("=", 1) for item in get_list(name, default) if "=" in item)
    return {key.strip(): value.strip() for key, value in pairs}


def require_secret_key(name: str) -> str:
    """The secret key of a deployment: long, varied, and none of the keys published here."""
    value = require(name)
    if value in PUBLIC_SECRET_KEYS or value.startswith("django-insecure"):
        raise InsecureSettingError(
            f"The environment variable {name} holds a development or test key, which is public: "
            "production needs a key of its own."
        )
    if len(value) < SECRET_KEY_MIN_LENGTH or len(set(value)) < SECRET_KEY_MIN_DISTINCT:
        raise InsecureSettingError(
            f"The environment variable {name} is too weak for production: it needs at least "
            f"{SECRET_KEY_MIN_LENGTH} characters, {SECRET_KEY_MIN_DISTINCT} of them different "
            """(python3 -c "import secrets; print(secrets.token_urlsafe(50))" makes one)."""
        )
    return value


def require_hosts(name: str) -> list[str]:
    """The host names a deployment answers to; "*" (any Host header) is refused."""
    hosts = require_list(name)
    if "*" in hosts:
        raise InsecureSettingError(
            f'The environment variable {name} may not contain "*" in production: name the '
            "site's hosts, or any Host header is believed, and links built from it can point "
            "elsewhere."
        )
    return hosts
