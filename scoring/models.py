"""Scoring versions (weights and thresholds, never edited: a change is a new version), the
filings and general assemblies staff record, the runs of the computation and their scores."""

from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ScoringVersion(models.Model):
    number = models.PositiveIntegerField(_("version"), unique=True)
    # {indicator code: {"weight": …, "floor": …, "target": …}} (scoring/indicators.py)
    settings = models.JSONField(_("weights and thresholds"))
    visit_threshold = models.FloatField(_("visit from a risk of"))
    note = models.CharField(_("why it changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        django_settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("scoring version")
        verbose_name_plural = _("scoring versions")

    def __str__(self) -> str:
        return _("Version %(number)s") % {"number": self.number}


class FilingKind(models.TextChoices):
    ASSEMBLY = "assembly", _("Ordinary general assembly")
    ACCOUNTS = "accounts", _("Financial statements")
    REPORT = "report", _("Activity report")


class Filing(models.Model):
    """A general assembly or a filing due from a cooperative, and when it was held or filed."""

    cooperative = models.ForeignKey(
        "registry_link.Cooperative",
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=FilingKind)
    year = models.PositiveSmallIntegerField(_("financial year"))
    due_on = models.DateField(_("due on"))
    filed_on = models.DateField(_("held or filed on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["cooperative", "-year", "kind"]
        verbose_name = _("filing or general assembly")
        verbose_name_plural = _("filings and general assemblies")
        constraints = [
            models.UniqueConstraint(
                fields=["cooperative", "kind", "year"], name="scoring_one_filing_per_year"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.year}"

    def clean(self):
        if self.filed_on and self.filed_on > timezone.localdate():
            raise ValidationError(
                {"filed_on": _("This date is in the future.")}, code="filed_in_future"
            )

    @property
    def on_time(self) -> bool:
        return self.filed_on is not None and self.filed_on <= self.due_on


class ScoreRun(models.Model):
    version = models.ForeignKey(ScoringVersion, on_delete=models.PROTECT, related_name="runs")
    started_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    cooperatives = models.PositiveIntegerField(default=0)
    seconds = models.FloatField(default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = pgettext_lazy("scoring", "computation")
        verbose_name_plural = pgettext_lazy("scoring", "computations")

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.version})"


class Score(models.Model):
    """One cooperative's score in one run: the indicator values and the version explain it."""

    run = models.ForeignKey(ScoreRun, on_delete=models.CASCADE, related_name="scores")
    version = models.ForeignKey(ScoringVersion, on_delete=models.PROTECT, related_name="+")
    cooperative = models.ForeignKey(
        "registry_link.Cooperative", on_delete=models.CASCADE, related_name="+"
    )
    region = models.ForeignKey(
        "core.Region", on_delete=models.PROTECT, related_name="+", db_constraint=False
    )
    risk = models.FloatField(_("risk"))  # 0 (none) to 100
    score = models.FloatField(_("score"))  # 100 − risk
    flagged = models.BooleanField(_("to visit"), default=False)
    values = models.JSONField(_("indicator values"))  # {code: value or null}
    # [[code, points], …]: what each indicator added to the risk (training: taken off), largest
    # first; the reasons are read from it.
    contributions = models.JSONField(_("contributions"))

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        permissions = [("view_all_regions", _("Can see the visit list of every region"))]
        indexes = [models.Index(fields=["run", "region", "-risk"], name="scoring_visit_list")]

    def __str__(self) -> str:
        return f"{self.cooperative_id}: {self.score:.0f}"
