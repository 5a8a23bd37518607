from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryLinkConfig(AppConfig):
    name = "registry_link"
    verbose_name = _("Registry link")
