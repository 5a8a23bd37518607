"""Summary tables (decision 0038): the dashboard, the exports and the report read these, never
the 790,000 learners. ``services.refresh_summaries()`` rebuilds them all in one transaction.

Every measure is additive, so any filter and any breakdown is a ``SUM`` over these rows: a learner
is counted once, in the month of her first enrolment (``learners``) and in the month of her first
completed course (``completers``); enrolments, completions, certificates, time spent and learning
gain in the month they happened.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LearningMeasures(models.Model):
    """What the summary and its roll-up both count (additive, summed by every breakdown)."""

    learners = models.PositiveIntegerField(default=0)
    enrolments = models.PositiveIntegerField(default=0)
    completions = models.PositiveIntegerField(default=0)
    completers = models.PositiveIntegerField(default=0)
    certificates = models.PositiveIntegerField(default=0)
    seconds = models.BigIntegerField(default=0)
    gain_pairs = models.PositiveIntegerField(default=0)
    pre_total = models.FloatField(default=0)
    post_total = models.FloatField(default=0)

    class Meta:
        abstract = True


class LearningSummary(LearningMeasures):
    month = models.DateField(_("month"))
    region = models.CharField(_("region"), max_length=2, blank=True)
    province = models.CharField(_("province"), max_length=12, blank=True)
    sector = models.CharField(_("sector"), max_length=30, blank=True)
    gender = models.CharField(_("gender"), max_length=8, blank=True)
    youth = models.CharField(_("age band"), max_length=8, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    role = models.CharField(_("role"), max_length=20, blank=True)
    cohort = models.CharField(_("cohort"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("learning summary")
        verbose_name_plural = _("learning summaries")
        permissions = [
            ("view_statistics", _("Can see the statistics")),
            ("view_all_regions", _("Can see the statistics of every region")),
        ]
        indexes = [models.Index(fields=["region", "month"], name="insights_learning_region")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.region} {self.gender} {self.language}"


class LearningRollup(LearningMeasures):
    """``LearningSummary`` summed over province, role and cohort: the same figures in a few
    times fewer rows, which the dashboard's default views read (``selectors.learning_source``).
    Rebuilt from ``LearningSummary`` by the same refresh."""

    month = models.DateField(_("month"))
    region = models.CharField(_("region"), max_length=2, blank=True)
    sector = models.CharField(_("sector"), max_length=30, blank=True)
    gender = models.CharField(_("gender"), max_length=8, blank=True)
    youth = models.CharField(_("age band"), max_length=8, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)

    DIMENSIONS = ("month", "region", "sector", "gender", "youth", "language")

    class Meta:
        verbose_name = _("learning roll-up")
        verbose_name_plural = _("learning roll-ups")
        indexes = [models.Index(fields=["region", "month"], name="insights_rollup_region")]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.region} {self.gender} {self.language}"


class RegisterSummary(models.Model):
    region = models.CharField(_("region"), max_length=2, blank=True)
    province = models.CharField(_("province"), max_length=12, blank=True)
    sector = models.CharField(_("sector"), max_length=30, blank=True)
    cooperatives = models.PositiveIntegerField(default=0)
    unions = models.PositiveIntegerField(default=0)
    members = models.PositiveIntegerField(default=0)
    women = models.PositiveIntegerField(default=0)
    youth = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("register summary")
        verbose_name_plural = _("register summaries")

    def __str__(self) -> str:
        return f"{self.region} {self.province} {self.sector}"


class MarketSummary(models.Model):
    """Shops and products have no month (``month`` is empty); orders are counted by month."""

    month = models.DateField(_("month"), null=True, blank=True)
    region = models.CharField(_("region"), max_length=2, blank=True)
    sector = models.CharField(_("sector"), max_length=30, blank=True)
    shops = models.PositiveIntegerField(default=0)
    products = models.PositiveIntegerField(default=0)
    orders = models.PositiveIntegerField(default=0)
    delivered = models.PositiveIntegerField(default=0)
    delivered_value = models.DecimalField(max_digits=14, decimal_places=2, default=0)

    class Meta:
        verbose_name = _("marketplace summary")
        verbose_name_plural = _("marketplace summaries")

    def __str__(self) -> str:
        return f"{self.month or '-'} {self.region} {self.sector}"


class FunnelSummary(models.Model):
    class Stage(models.TextChoices):
        VIEWS = "views", _("Idea views")
        ADOPTED = "adopted", _("Adopted projects")
        GROUPS = "groups", _("Founding groups complete")
        FILES = "files", _("Founding files sent")
        REGISTERED = "registered", _("Registered cooperatives")

    month = models.DateField(_("month"))
    region = models.CharField(_("region"), max_length=2, blank=True)
    sector = models.CharField(_("sector"), max_length=30, blank=True)
    stage = models.CharField(_("stage"), max_length=12, choices=Stage)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("project bank summary")
        verbose_name_plural = _("project bank summaries")

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.region} {self.stage}"


class CoverageSummary(models.Model):
    """Training coverage of one cooperative: its members in the register, those with an account
    linked to it, and those who completed at least one course."""

    cooperative_id = models.BigIntegerField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    region = models.CharField(_("region"), max_length=2, blank=True)
    province = models.CharField(_("province"), max_length=12, blank=True)
    sector = models.CharField(_("sector"), max_length=30, blank=True)
    members = models.PositiveIntegerField(default=0)
    women = models.PositiveIntegerField(default=0)
    linked = models.PositiveIntegerField(default=0)
    trained = models.PositiveIntegerField(default=0)
    trained_women = models.PositiveIntegerField(default=0)
    trained_this_year = models.PositiveIntegerField(default=0)
    trained_women_this_year = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("training coverage")
        verbose_name_plural = _("training coverage")
        indexes = [
            models.Index(fields=["region", "sector"], name="insights_coverage_place"),
            # The dashboard's 50 largest cooperatives: an index scan with a limit, not a sort
            # of every cooperative (the whole country, or one region).
            models.Index(fields=["-members", "name"], name="insights_coverage_largest"),
            models.Index(
                fields=["region", "-members", "name"], name="insights_coverage_reg_largest"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Refresh(models.Model):
    started_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0)
    rows = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("refresh of the statistics")
        verbose_name_plural = _("refreshes of the statistics")
        get_latest_by = "started_at"

    def __str__(self) -> str:
        return f"{self.started_at:%Y-%m-%d %H:%M} ({self.rows})"
