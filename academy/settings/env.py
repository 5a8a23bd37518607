"""The environment, read in one place. Every setting that may come from outside is here."""

import os
from pathlib import Path


class MissingSettingError(RuntimeError):
    pass


def get(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value or default


def require(name: str) -> str:
    value = get(name)
    if value is None:
        raise MissingSettingError(f"The environment variable {name} must be set in production.")
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
