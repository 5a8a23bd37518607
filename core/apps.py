from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Core")

    def ready(self) -> None:
        from django.conf.locale import LANG_INFO

        from core.languages import django_lang_info

        LANG_INFO.update(django_lang_info())
