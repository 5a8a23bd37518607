from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryLinkConfig(AppConfig):
    name = "registry_link"
    verbose_name = _("Registry link")

    def ready(self) -> None:
        from project_bank.api import cooperatives_by_sector_provide

        from .selectors import cooperatives_by_sector

        # The province's page of needs and potential shows the register's figures.
        cooperatives_by_sector_provide(cooperatives_by_sector)
