from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("translation-status/", views.translation_status, name="translation_status"),
        path(
            "interface-strings/<str:language_code>/",
            views.interface_strings,
            name="interface_strings",
        ),
        path(
            "translations/<int:page_id>/submit/",
            views.translation_submit_for_review,
            name="translation_submit_for_review",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"), reverse("translation_status"), icon_name="site", order=250
    )
