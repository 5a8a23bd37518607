from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_views


@hooks.register("register_admin_viewset")
def register_idea_viewset():
    return admin_views.IdeaViewSet("project_bank_ideas", url_prefix="project-ideas")


@hooks.register("register_admin_viewset")
def register_funding_viewset():
    return admin_views.FundingSourceViewSet("project_bank_funding", url_prefix="funding-sources")


@hooks.register("register_admin_viewset")
def register_territory_note_viewset():
    return admin_views.TerritoryNoteViewSet("project_bank_notes", url_prefix="territory-notes")


@hooks.register("register_admin_urls")
def register_import_url():
    return [
        path("project-ideas-import/", admin_views.import_ideas, name="project_bank_import"),
        path(
            "project-ideas-import/<uuid:uuid>/",
            admin_views.import_job,
            name="project_bank_import_job",
        ),
        path(
            "funding-sources-import/",
            admin_views.import_funding_sources,
            name="project_bank_funding_import",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return MenuItem(
        _("Import project ideas"), reverse("project_bank_import"), icon_name="upload", order=261
    )


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return MenuItem(
        _("Project bank figures"),
        reverse("project_bank:statistics"),
        icon_name="table",
        order=262,
    )


@hooks.register("register_admin_menu_item")
def register_funding_import_menu_item():
    return MenuItem(
        _("Import funding sources"),
        reverse("project_bank_funding_import"),
        icon_name="upload",
        order=264,
    )
