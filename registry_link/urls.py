"""Learner-facing pages of the register link (under the language prefix)."""

from django.urls import path

from . import views

app_name = "registry_link"

urlpatterns = [
    path("register/<uuid:public_id>/", views.cooperative_detail, name="cooperative"),
]

# The name check (names): the phone page.
from . import views_names  # noqa: E402

urlpatterns += [
    path("register/name-check/", views_names.name_check_page, name="name_check"),
]
