"""The register's public JSON API, mounted at ``/api/registry/`` (no language prefix)."""

from django.urls import path  # noqa: F401

app_name = "registry_api"

urlpatterns: list = []
