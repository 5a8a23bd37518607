from django.urls import path

from . import views

app_name = "project_bank"

urlpatterns = [
    path("ideas/", views.idea_list, name="ideas"),
    path("territories/", views.territory_index, name="territories"),
    path("territories/<str:code>/", views.territory_detail, name="territory"),
    path("ideas/statistics/", views.staff_statistics, name="statistics"),
    path("ideas/<slug:key>/", views.idea_detail, name="idea"),
    path("ideas/<slug:key>/adopt/", views.idea_adopt, name="adopt"),
    path("projects/", views.project_list, name="projects"),
    path("projects/<uuid:public_id>/", views.project_detail, name="project"),
    path("projects/<uuid:public_id>/invite/", views.project_invite, name="invite"),
    path("projects/<uuid:public_id>/print/", views.project_print, name="print"),
    path(
        "invitations/<uuid:public_id>/<str:answer>/",
        views.invitation_answer,
        name="answer",
    ),
]
