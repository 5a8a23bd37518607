"""Native review of the interface strings (decision 0030): one row per reviewed catalogue entry."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.languages import django_languages


class InterfaceString(models.Model):
    """A native reviewer's word on one entry of a language's message catalogue.

    The catalogues (``locale/<lang>/LC_MESSAGES/django.po``) stay the source of the strings; a
    row holds the corrected translation and the reviewed mark, applied at run time and written
    into the catalogues when they are built (``manage.py interface_strings_export``).
    """

    language = models.CharField(_("language"), max_length=8, choices=django_languages())
    msgctxt = models.CharField(_("context"), max_length=200, blank=True)
    msgid = models.TextField(_("original (English)"))
    msgstr = models.TextField(_("translation"))
    reviewed = models.BooleanField(_("reviewed by a native speaker"), default=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("interface string")
        verbose_name_plural = _("interface strings")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "msgctxt", "msgid"], name="courses_interface_string_once"
            )
        ]
        permissions = [("review_interface_strings", "Can review the interface strings")]

    def __str__(self) -> str:
        return f"{self.language}: {self.msgid[:60]}"
