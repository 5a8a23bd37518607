"""The shared kernel's tables.

- The outbox of tasks waiting for the broker (docs/decisions/0019).
- Imports run in the background: the file sent, its progress and, at the end, its report (0021).
- Morocco's territory: the 12 regions, 83 provinces and prefectures, 1,503 communes, each keyed
  by its HCP code (``09``, ``09.581``, ``09.581.01.03``): the code is the hierarchy and never
  changes with a name, so other apps keep it as a foreign key. The rows are loaded from the census
  package by a data migration (``core.geography.loading``) and are never edited by hand (0025).
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.geography.names import local_name


class OutboxMessage(models.Model):
    """A task written with the change that calls for it; published to the broker after commit.

    ``id`` is also the Celery task id, so a message published twice is recognisable as one.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    task_name = models.CharField(_("task"), max_length=200)
    args = models.JSONField(_("positional arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("publishing attempts"), default=0)

    class Meta:
        verbose_name = _("outbox message")
        verbose_name_plural = _("outbox messages")
        indexes = [
            models.Index(
                fields=["created_at"], condition=Q(published_at=None), name="core_outbox_pending"
            ),
            models.Index(fields=["published_at"], name="core_outbox_published"),
        ]

    def __str__(self) -> str:
        return f"{self.task_name} {self.pk}"


class ImportJob(models.Model):
    class State(models.TextChoices):
        WAITING = "waiting", _("Waiting")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Imported")
        REJECTED = "rejected", _("Nothing imported: the file has problems")
        FAILED = "failed", _("Failed")

    FINAL_STATES = (State.DONE, State.REJECTED, State.FAILED)

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("kind"), max_length=40)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("started by"), on_delete=models.CASCADE
    )
    file_name = models.CharField(_("file name"), max_length=255)
    language = models.CharField(_("language of the report"), max_length=8, blank=True)
    data = models.BinaryField(_("file"), blank=True)  # emptied once the import has run
    state = models.CharField(_("state"), max_length=10, choices=State, default=State.WAITING)
    done = models.PositiveIntegerField(_("rows done"), default=0)
    total = models.PositiveIntegerField(_("rows"), default=0)
    report = models.JSONField(_("report"), default=dict, blank=True)
    created_at = models.DateTimeField(_("started at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self) -> str:
        return f"{self.kind} {self.file_name} ({self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in self.FINAL_STATES

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class Region(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name_fr = models.CharField(_("name in French"), max_length=80)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    population_2024 = models.PositiveIntegerField(_("population in 2024"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return local_name(kind="region", code=self.code, fr=self.name_fr, ar=self.name_ar)


class Province(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")
        PREFECTURE_OF_ARRONDISSEMENTS = (
            "prefecture_of_arrondissements",
            _("prefecture of arrondissements"),
        )

    code = models.CharField(_("code"), max_length=12, primary_key=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region")
    )
    # Casablanca's eight prefectures of arrondissements lie inside the prefecture of Casablanca.
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="parts"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind)
    name_fr = models.CharField(_("name in French"), max_length=80)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    population_2024 = models.PositiveIntegerField(_("population in 2024"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("province or prefecture")
        verbose_name_plural = _("provinces and prefectures")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return local_name(kind="province", code=self.code, fr=self.name_fr, ar=self.name_ar)


class Commune(models.Model):
    class Kind(models.TextChoices):
        URBAN = "urban", _("urban commune")
        RURAL = "rural", _("rural commune")

    code = models.CharField(_("code"), max_length=12, primary_key=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    name_fr = models.CharField(_("name in French"), max_length=80)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    population_2024 = models.PositiveIntegerField(_("population in 2024"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self) -> str:
        return self.name

    @property
    def region_code(self) -> str:
        return self.code[:2]

    @property
    def name(self) -> str:
        return local_name(kind="commune", code=self.code, fr=self.name_fr, ar=self.name_ar)
