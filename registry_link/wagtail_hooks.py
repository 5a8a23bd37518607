from . import admin_members  # noqa: F401
