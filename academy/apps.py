from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from wagtail.users.apps import WagtailUsersAppConfig


class AcademyConfig(AppConfig):
    default = True
    name = "academy"
    verbose_name = _("Academy")

    def ready(self) -> None:
        from core.imports import import_runner_register
        from courses.api import cohort_invited

        from .cohort_invitations import cohort_invitation_sms
        from .imports import members_import_job_run

        import_runner_register("members", members_import_job_run)
        cohort_invited.connect(cohort_invitation_sms, dispatch_uid="academy_cohort_invitation")


class AcademyUsersConfig(WagtailUsersAppConfig):
    """Wagtail's user admin with forms for our user model (see ``admin_users``)."""

    default = False
    user_viewset = "academy.admin_users.UserViewSet"
