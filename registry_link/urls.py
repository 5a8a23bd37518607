"""Learner-facing pages of the register link (under the language prefix)."""

from django.urls import path

from . import views, views_members

app_name = "registry_link"

urlpatterns = [
    path("register/<uuid:public_id>/", views.cooperative_detail, name="cooperative"),
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
