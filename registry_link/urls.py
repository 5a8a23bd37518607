"""Learner-facing pages of the register link (under the language prefix)."""

from django.urls import path

from . import views, views_founding

app_name = "registry_link"

urlpatterns = [
    path("register/<uuid:public_id>/", views.cooperative_detail, name="cooperative"),
]

# The founding file (issue 12 item 4).
urlpatterns += [
    path(
        "projects/<uuid:project_id>/founding/",
        views_founding.founding_start,
        name="founding_start",
    ),
    path("founding/<uuid:public_id>/", views_founding.founding_file, name="founding"),
    path(
        "founding/<uuid:public_id>/founders/<int:founder_id>/",
        views_founding.founding_founder,
        name="founding_founder",
    ),
    path("founding/<uuid:public_id>/send/", views_founding.founding_submit, name="founding_submit"),
    path(
        "founding/<uuid:public_id>/steps/<slug:kind>/send/",
        views_founding.founding_document_send,
        name="founding_document_send",
    ),
    path(
        "founding/<uuid:public_id>/steps/<slug:kind>/document/",
        views_founding.founding_document,
        name="founding_document",
    ),
    path(
        "founding/<uuid:public_id>/name-certificate.pdf",
        views_founding.founding_certificate,
        name="founding_certificate",
    ),
    path(
        "founding/<uuid:public_id>/<slug:document>.pdf",
        views_founding.founding_pdf,
        name="founding_pdf",
    ),
    path("founding/verify/<str:code>/", views_founding.founding_verify, name="founding_verify"),
]
