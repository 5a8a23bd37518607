"""Learner-facing pages of the register link (under the language prefix)."""

from django.urls import path

from . import views, views_register

app_name = "registry_link"

urlpatterns = [
    path("register/<uuid:public_id>/", views.cooperative_detail, name="cooperative"),
    # The register mirror's public search (register).
    path("register/", views_register.register_search, name="register_search"),
]
