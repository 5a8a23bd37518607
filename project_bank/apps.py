from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectBankConfig(AppConfig):
    name = "project_bank"
    verbose_name = _("Project bank")
