"""The register's public JSON API, mounted at ``/api/registry/`` (no language prefix)."""

from django.urls import path

from . import views_names

app_name = "registry_api"

urlpatterns: list = []

# The name check (names): anonymous, rate-limited, documented in the README.
urlpatterns += [
    path("name-check/", views_names.name_check_api, name="name_check"),
]
