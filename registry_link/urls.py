"""Learner-facing pages of the register link (under the language prefix)."""

from django.urls import path

from . import views, views_founding, views_members, views_register

app_name = "registry_link"

urlpatterns = [
    path("register/<uuid:public_id>/", views.cooperative_detail, name="cooperative"),
    # The register mirror's public search (register).
    path("register/", views_register.register_search, name="register_search"),
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

# Membership (claim, invitation, the leader's page) -----------------------------------------
urlpatterns += [
    path("me/cooperative/", views_members.my_cooperative, name="my_cooperative"),
    path("me/cooperative/join/", views_members.claim, name="claim"),
    path(
        "me/cooperative/invitations/<int:membership_id>/<str:answer>/",
        views_members.invitation_answer,
        name="invitation_answer",
    ),
    path("me/cooperative/<int:membership_id>/leave/", views_members.leave, name="leave"),
    path(
        "me/cooperative/<uuid:public_id>/members/",
        views_members.leader_members,
        name="leader_members",
    ),
    path(
        "me/cooperative/<uuid:public_id>/members/invite/",
        views_members.member_invite,
        name="member_invite",
    ),
    path(
        "me/cooperative/<uuid:public_id>/members/<int:membership_id>/<str:decision>/",
        views_members.claim_decide,
        name="claim_decide",
    ),
]

# The name check (names): the phone page.
from . import views_names  # noqa: E402

urlpatterns += [
    path("register/name-check/", views_names.name_check_page, name="name_check"),
]
