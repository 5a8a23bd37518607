from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryLinkConfig(AppConfig):
    name = "registry_link"
    verbose_name = _("Registry link")

    def ready(self) -> None:
        from academy.api import member_number_taken, member_registered

        from .membership import handlers

        member_registered.connect(
            handlers.member_registered_link, dispatch_uid="registry_link_member_registered"
        )
        member_number_taken.connect(
            handlers.member_number_taken_invite, dispatch_uid="registry_link_number_taken"
        )
