"""The register link in the Wagtail admin: each part registers its own menus and views."""

from . import admin_founding, admin_members  # noqa: F401
