"""Accounts: a learner signs in with a phone number; staff may also have an e-mail address."""

import uuid

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.languages import django_languages
from core.regions import Region


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, phone_number: str, password: str | None = None, **fields):
        user = self.model(phone_number=phone_number, **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_superuser(self, phone_number: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(phone_number, password, **fields)


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")


class Motivation(models.TextChoices):
    MEMBER = "member", _("I am a cooperative member")
    JOB_SEEKER = "job_seeker", _("I am looking for work")
    PROJECT_HOLDER = "project_holder", _("I have a project")


class User(AbstractBaseUser, PermissionsMixin):
    phone_number = models.CharField(
        _("phone number"),
        max_length=20,
        unique=True,
        help_text=_("In international form, for example +212612345678."),
    )
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=django_languages(), blank=True
    )
    region = models.CharField(_("region"), max_length=2, choices=Region, blank=True)
    # Optional, within her region (docs/decisions/0025): HCP codes, as in the whole system.
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province or prefecture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    commune = models.ForeignKey(
        "core.Commune",
        verbose_name=_("commune"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gender = models.CharField(_("gender"), max_length=8, choices=Gender, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("year of birth"), null=True, blank=True)
    motivation = models.CharField(
        _("what brings you"), max_length=20, choices=Motivation, blank=True
    )
    # The scripts she reads ("Arab", "Latn", "Tfng") and/or "listen"; empty: not said (0043).
    reads = models.JSONField(_("scripts she reads"), default=list, blank=True)
    phone_verified_at = models.DateTimeField(_("phone verified at"), null=True, blank=True)
    registered_by = models.ForeignKey(
        "self",
        verbose_name=_("registered by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registered_members",
        help_text=_("The cooperative leader or trainer who created this account."),
    )
    is_staff = models.BooleanField(_("staff status"), default=False)
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "phone_number"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        permissions = [
            ("register_members", _("Can register cooperative members")),
            ("manage_cohorts", _("Can manage cohorts and see their progress")),
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.phone_number

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name or self.phone_number

    @property
    def initial(self) -> str:
        return (self.first_name or "?")[:1].upper()


class OneTimeCode(models.Model):
    """A code sent by SMS (verification, PIN reset) or handed over (activation). Stored hashed."""

    class Purpose(models.TextChoices):
        VERIFY = "verify", _("phone verification")
        RESET = "reset", _("PIN reset")
        ACTIVATE = "activate", _("account activation")
        ORDER = "order", _("order confirmation")

    phone_number = models.CharField(_("phone number"), max_length=20, db_index=True)
    purpose = models.CharField(_("purpose"), max_length=10, choices=Purpose)
    code_hash = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    requested_from = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        verbose_name = _("one-time code")
        verbose_name_plural = _("one-time codes")
        indexes = [models.Index(fields=["phone_number", "purpose", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} {self.phone_number}"


class SmsMessage(models.Model):
    """One SMS to send, written with the change that calls for it and sent by a task after commit.

    Its id goes to the gateway as the message's reference; ``sent_at`` is set once the gateway
    accepted it, so a task run twice sends it once. The text (which may hold a code) is erased
    once sent.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    to = models.CharField(_("phone number"), max_length=20)
    text = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    failed_at = models.DateTimeField(_("given up at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)

    class Meta:
        verbose_name = _("SMS")
        verbose_name_plural = _("SMS")
        indexes = [models.Index(fields=["to", "created_at"])]

    def __str__(self) -> str:
        return f"SMS {self.pk} to {self.to}"
