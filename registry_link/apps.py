from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryLinkConfig(AppConfig):
    name = "registry_link"
    verbose_name = _("Registry link")

    def ready(self):
        from .names import receivers  # noqa: F401  (the name check's keys follow every save)
