"""The founding file: from a project-bank project to a cooperative in the register.

A file holds up to three proposed names (in order), the founders with their shares, the capital
rules' inputs (value of one share), object, sector and seat; its six steps (Decree 2-15-617, see
``registry_link/founding/steps.py``) each carry a status, the document it needs and who acts.
Staff of the seat's region review it in the admin. Every action is kept in ``FoundingEvent``.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from project_bank.api import Sector


class FileStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("founding file", "Being prepared")
    SUBMITTED = "submitted", pgettext_lazy("founding file", "Sent to the regional delegation")
    CHANGES = "changes", pgettext_lazy("founding file", "Changes asked")
    NAME_APPROVED = "approved", pgettext_lazy("founding file", "Name approved")
    REGISTERED = "registered", pgettext_lazy("founding file", "Registered at the court")
    CENTRALISED = "centralised", pgettext_lazy("founding file", "Founded: in the central register")


class StepKind(models.TextChoices):
    NAME = "name", _("Name approval")
    STATUTES = "statutes", _("Statutes and constitutive assembly")
    BANK = "bank", _("Bank account")
    DEPOSIT = "deposit", _("Deposit at the local authority")
    COURT = "court", _("Registration at the court")
    CENTRAL = "central", _("Centralisation at ODCO")


class StepStatus(models.TextChoices):
    LOCKED = "locked", pgettext_lazy("founding step", "Waiting for the step before")
    TODO = "todo", pgettext_lazy("founding step", "To do")
    SENT = "sent", pgettext_lazy("founding step", "Document sent, to be checked")
    DONE = "done", pgettext_lazy("founding step", "Done")


class Part(models.TextChoices):
    """The parts of a file a reviewer comments on one by one."""

    NAMES = "names", _("Proposed names")
    FOUNDERS = "founders", _("Founders")
    CAPITAL = "capital", _("Capital and shares")
    OBJECT = "object", _("Object, seat and sector")
    DOCUMENTS = "documents", _("Documents")


class FoundingFile(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.OneToOneField(
        "project_bank.Project",
        verbose_name=_("project"),
        on_delete=models.PROTECT,
        related_name="founding_file",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=FileStatus, default=FileStatus.DRAFT
    )
    names = models.JSONField(
        _("proposed names"), default=list, blank=True, help_text=_("Up to three, in order.")
    )
    name_checks = models.JSONField(
        _("name check verdicts"), default=list, blank=True, help_text=_("One per proposed name.")
    )
    approved_name = models.CharField(_("approved name"), max_length=200, blank=True)
    share_value = models.PositiveIntegerField(_("value of one share (MAD)"), default=100)
    object = models.TextField(_("object"), blank=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector, blank=True)
    address = models.CharField(_("address of the seat"), max_length=300, blank=True)
    region = models.ForeignKey(
        "core.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    certificate_code = models.CharField(
        _("name approval certificate code"), max_length=20, unique=True, null=True, blank=True
    )
    name_approved_at = models.DateTimeField(_("name approved on"), null=True, blank=True)
    cooperative = models.OneToOneField(
        "registry_link.Cooperative",
        verbose_name=_("cooperative in the register"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="founding_file",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(_("sent on"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("founding file")
        verbose_name_plural = _("founding files")
        ordering = ["submitted_at", "created_at"]
        permissions = [("review_foundingfile", "Can review the founding files of her region")]
        indexes = [models.Index(fields=["region", "status"])]

    def __str__(self) -> str:
        return self.approved_name or (self.names[0] if self.names else str(self.project))

    @property
    def title(self) -> str:
        return str(self)

    @property
    def shares_total(self) -> int:
        return sum(founder.shares for founder in self.founders.all())

    @property
    def capital(self) -> int:
        """Computed, never typed: every founder's shares times the value of one share."""
        return self.shares_total * self.share_value

    @property
    def is_editable(self) -> bool:
        return self.status in (FileStatus.DRAFT, FileStatus.CHANGES)


class Founder(models.Model):
    file = models.ForeignKey(FoundingFile, on_delete=models.CASCADE, related_name="founders")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("founder"), on_delete=models.PROTECT
    )
    full_name = models.CharField(_("full name as on the identity card"), max_length=200, blank=True)
    id_number = models.CharField(_("identity card number (CIN)"), max_length=20, blank=True)
    occupation = models.CharField(_("occupation"), max_length=120, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    shares = models.PositiveIntegerField(_("shares"), default=1)
    is_leader = models.BooleanField(_("first leader (president)"), default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("founder")
        verbose_name_plural = _("founders")
        constraints = [
            models.UniqueConstraint(fields=["file", "user"], name="founding_founder_once"),
            models.UniqueConstraint(
                fields=["file"], condition=models.Q(is_leader=True), name="founding_one_leader"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or str(self.user)

    @property
    def name(self) -> str:
        return self.full_name or self.user.get_full_name() or str(self.user)


class FoundingStep(models.Model):
    file = models.ForeignKey(FoundingFile, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("step"), max_length=10, choices=StepKind)
    order = models.PositiveSmallIntegerField()
    status = models.CharField(
        _("status"), max_length=8, choices=StepStatus, default=StepStatus.LOCKED
    )
    document = models.BinaryField(_("document"), null=True, blank=True, editable=False)
    document_type = models.CharField(max_length=40, blank=True)
    document_size = models.PositiveIntegerField(default=0)
    document_sent_at = models.DateTimeField(null=True, blank=True)
    document_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["order"]
        verbose_name = _("founding step")
        verbose_name_plural = _("founding steps")
        constraints = [
            models.UniqueConstraint(fields=["file", "kind"], name="founding_step_once"),
        ]

    def __str__(self) -> str:
        return self.get_kind_display()

    @property
    def has_document(self) -> bool:
        return bool(self.document_size)


class FoundingComment(models.Model):
    file = models.ForeignKey(FoundingFile, on_delete=models.CASCADE, related_name="comments")
    part = models.CharField(_("part"), max_length=10, choices=Part)
    text = models.TextField(_("comment"))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")

    def __str__(self) -> str:
        return f"{self.get_part_display()} · {self.text[:40]}"


class FoundingEvent(models.Model):
    """Who did what to a file, and when (never edited, never deleted with a user)."""

    file = models.ForeignKey(FoundingFile, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(_("action"), max_length=40)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("founding file event")
        verbose_name_plural = _("founding file events")

    def __str__(self) -> str:
        return f"{self.action} · {self.at:%Y-%m-%d %H:%M}"
