"""Learner-facing pages of the register link (under the language prefix)."""

from django.urls import path

from . import views

app_name = "registry_link"

urlpatterns = [
    path("register/<uuid:public_id>/", views.cooperative_detail, name="cooperative"),
]
