from . import admin_founding  # noqa: F401
