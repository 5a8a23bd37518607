from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AcademyConfig(AppConfig):
    default = True
    name = "academy"
    verbose_name = _("Academy")


class AcademyUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with forms for our user model (see ``admin_users``)."""

    default = False
    user_viewset = "academy.admin_users.UserViewSet"
