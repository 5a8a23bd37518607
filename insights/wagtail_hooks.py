"""The statistics space in the Wagtail admin: its menu item, shown to whoever has a scope."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .access import scope


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return scope(request.user) is not None


@hooks.register("register_admin_urls")
def register_statistics_urls():
    return [
        path("statistics/", views.dashboard, name="insights_dashboard"),
        path("statistics/export/<str:table>.<str:fmt>", views.export, name="insights_export"),
        path("statistics/report.pdf", views.report_pdf, name="insights_report"),
    ]


@hooks.register("register_admin_menu_item")
def register_statistics_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse("insights_dashboard"), icon_name="table", order=150
    )
