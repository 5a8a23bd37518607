"""Quality signs (IGP, AOP, Label agricole, organic): protected claims, entered by staff only."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import LabelKind


class QualityLabelQuerySet(models.QuerySet):
    def valid(self, on=None):
        """Signs whose certificate has not expired (``on`` defaults to today)."""
        return self.filter(valid_until__gte=on or timezone.localdate())


class QualityLabel(models.Model):
    """A certificate held by a shop for some of its products; shown while it is valid.

    Sellers never type a sign: staff enter it from the certificate and choose the products it
    covers."""

    kind = models.CharField(_("sign"), max_length=20, choices=LabelKind)
    name = models.CharField(
        _("name of the sign"), max_length=200, help_text=_("For example “Argane IGP”.")
    )
    shop = models.ForeignKey(
        "marketplace.Shop",
        verbose_name=_("holder"),
        on_delete=models.CASCADE,
        related_name="labels",
    )
    certifying_body = models.CharField(_("certifying body"), max_length=200)
    certificate_number = models.CharField(_("certificate number"), max_length=80)
    valid_until = models.DateField(_("valid until"))
    products = models.ManyToManyField(
        "marketplace.Product",
        verbose_name=_("products covered"),
        blank=True,
        related_name="labels",
    )

    objects = QualityLabelQuerySet.as_manager()

    class Meta:
        verbose_name = _("quality sign")
        verbose_name_plural = _("quality signs")
        ordering = ["kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["certifying_body", "certificate_number"], name="label_certificate_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.certificate_number})"

    @property
    def is_valid(self) -> bool:
        return self.valid_until >= timezone.localdate()
