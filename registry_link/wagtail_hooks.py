"""The register link in the Wagtail admin. Other parts of the app register their hooks in
``admin_<part>.py`` modules imported below."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_founding, admin_members, admin_register  # noqa: F401

# The register mirror: cooperatives, their history, the import.


class _ImportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(admin_register.CHANGE)


@hooks.register("register_admin_viewset")
def register_cooperative_viewset():
    return admin_register.CooperativeViewSet(admin_register.VIEWSET, url_prefix="register")


@hooks.register("register_admin_urls")
def register_import_urls():
    return [
        path("register-import/", admin_register.register_import, name="registry_link_import"),
        path(
            "register-import/<uuid:uuid>/",
            admin_register.register_import_job,
            name="registry_link_import_job",
        ),
        path("register-syncs/", admin_register.register_syncs, name="registry_link_syncs"),
    ]


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return _ImportMenuItem(
        _("Import the register"), reverse("registry_link_import"), icon_name="upload", order=271
    )


@hooks.register("register_admin_menu_item")
def register_syncs_menu_item():
    return _ImportMenuItem(
        _("Register synchronisations"),
        reverse("registry_link_syncs"),
        icon_name="resubmit",
        order=272,
    )
