"""Project ideas (staff), learners' own projects adapted from them, co-founders and interest."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from parler.models import TranslatableModel, TranslatedFields

from core.arabic import search_document
from core.languages import fallback_chain, is_known
from core.regions import Region

from .choices import FundingGroup, FundingKind, ProjectStage, Sector, TargetGroup
from .conf import min_founders
from .plan import plan_compute


def shown_language(translatable, language_code: str) -> str:
    """The language whose texts a reader of ``language_code`` sees (its fallback chain)."""
    available = {translation.language_code for translation in translatable.translations.all()}
    chain = fallback_chain(language_code) if is_known(language_code) else ()
    return next((code for code in chain if code in available), next(iter(available), ""))


AUDIO_EXTENSIONS = ["mp3", "m4a", "ogg", "oga", "opus", "wav", "webm"]
AUDIO_MAX_BYTES = 5 * 1024 * 1024


def audio_size_validate(upload) -> None:
    if upload.size > AUDIO_MAX_BYTES:
        raise ValidationError(
            _("This recording is too large: at most %(limit)s MB."),
            code="audio_too_large",
            params={"limit": AUDIO_MAX_BYTES // (1024 * 1024)},
        )


def empty_plan() -> dict:
    return {"startup": [], "monthly": [], "products": []}


class Idea(TranslatableModel):
    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier: a re-import with the same key updates this idea."),
    )
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        summary=models.CharField(_("summary"), max_length=300, blank=True),
        description=models.TextField(_("description"), blank=True),
        skills=models.TextField(_("skills needed"), blank=True),
        local_need=models.TextField(_("local need or potential it answers"), blank=True),
    )
    sector = models.CharField(_("sector"), max_length=30, choices=Sector)
    # Comma-delimited with a comma at each end (",women,youth,"), so a filter is one LIKE that
    # works the same on SQLite and PostgreSQL.
    target_groups_text = models.CharField(_("target groups"), max_length=200, blank=True)
    # Province codes of its regions where it fits best (",09.581,09.001,"); empty: all of them.
    provinces_text = models.CharField(_("provinces"), max_length=1000, blank=True)
    min_founders_override = models.PositiveSmallIntegerField(
        _("minimum number of founders"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the legal minimum from the settings."),
    )
    investment_min = models.PositiveIntegerField(_("investment from (MAD)"), default=0)
    investment_max = models.PositiveIntegerField(_("investment up to (MAD)"), default=0)
    jobs = models.PositiveSmallIntegerField(_("jobs expected"), default=0)
    course_keys = models.JSONField(
        _("linked courses"), default=list, blank=True, help_text=_("Its learning path.")
    )
    picture = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    plan = models.JSONField(_("business plan"), default=empty_plan, blank=True)
    search_text = models.TextField(editable=False, blank=True)
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project idea")
        verbose_name_plural = _("project ideas")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or self.key

    @property
    def target_groups(self) -> list[str]:
        return [group for group in self.target_groups_text.split(",") if group]

    @target_groups.setter
    def target_groups(self, groups) -> None:
        chosen = [group for group in TargetGroup.values if group in set(groups)]
        self.target_groups_text = f",{','.join(chosen)}," if chosen else ""

    provinces = property(
        lambda self: _codes_get(self.provinces_text),
        lambda self, codes: setattr(self, "provinces_text", _codes_set(codes, sorted(set(codes)))),
    )

    @property
    def target_group_labels(self) -> list[str]:
        return [TargetGroup(group).label for group in self.target_groups]

    @property
    def min_founders(self) -> int:
        return self.min_founders_override or min_founders()

    @property
    def plan_result(self):
        return plan_compute(self.plan or {})

    def shown_language(self, language_code: str) -> str:
        return shown_language(self, language_code)

    def search_text_refresh(self) -> None:
        """The normalised text of every translation and its roots, for search (core.arabic)."""
        parts = [self.key]
        for translation in self.translations.all():
            parts += [translation.title, translation.summary, translation.description]
            parts += [translation.skills, translation.local_need]
        self.search_text = search_document(" ".join(part for part in parts if part))


class IdeaRegion(models.Model):
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(_("region"), max_length=2, choices=Region)

    class Meta:
        verbose_name = _("region of an idea")
        verbose_name_plural = _("regions of ideas")
        constraints = [
            models.UniqueConstraint(fields=["idea", "region"], name="idea_region_once"),
        ]

    def __str__(self) -> str:
        return self.get_region_display()


class Project(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FOUNDING = "founding", _("Gathering founders")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    idea = models.ForeignKey(
        Idea, verbose_name=_("idea"), null=True, on_delete=models.SET_NULL, related_name="projects"
    )
    name = models.CharField(_("project name"), max_length=200)
    place = models.CharField(_("place (commune, village)"), max_length=200, blank=True)
    region = models.CharField(_("region"), max_length=2, choices=Region, blank=True)
    plan = models.JSONField(_("business plan"), default=empty_plan)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.DRAFT)
    min_founders = models.PositiveSmallIntegerField(_("founders needed"), default=5)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("project_bank:project", kwargs={"public_id": self.public_id})

    @property
    def plan_result(self):
        return plan_compute(self.plan or {})


class ProjectMember(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_memberships"
    )
    is_owner = models.BooleanField(default=False)
    joined_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("founder")
        verbose_name_plural = _("founders")
        constraints = [
            models.UniqueConstraint(fields=["project", "user"], name="project_member_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.project}"


class Invitation(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="invitations")
    phone_number = models.CharField(_("phone number"), max_length=20, db_index=True)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "phone_number"],
                condition=models.Q(status="pending"),
                name="one_pending_invitation_per_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.phone_number} → {self.project}"

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()


class IdeaEvent(models.Model):
    """Interest in an idea, with the learner's profile as it was (for statistics)."""

    class Kind(models.TextChoices):
        VIEW = "view", _("Viewed")
        RECOMMEND = "recommend", _("Recommended")
        ADOPT = "adopt", _("Adopted")

    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=10, choices=Kind)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    region = models.CharField(max_length=2, choices=Region, blank=True)
    is_woman = models.BooleanField(default=False)
    is_youth = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("interest in an idea")
        verbose_name_plural = _("interest in ideas")
        indexes = [models.Index(fields=["idea", "kind"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.idea_id}"


def _codes_get(text: str) -> list[str]:
    return [code for code in text.split(",") if code]


def _codes_set(codes, allowed) -> str:
    chosen = [code for code in allowed if code in set(codes)]
    return f",{','.join(chosen)}," if chosen else ""


class FundingSource(TranslatableModel):
    """A programme or offer that lends or gives money to cooperatives (staff-managed).

    Eligibility lists are stored like ``Idea.target_groups_text`` (",a,b,"); an empty list means
    "no condition" (every sector, the whole country, everyone, every stage)."""

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier: a re-import with the same key updates this source."),
    )
    translations = TranslatedFields(
        name=models.CharField(_("name"), max_length=200),
        organisation=models.CharField(_("organisation running it"), max_length=200, blank=True),
        summary=models.TextField(_("what it offers"), blank=True),
        to_prepare=models.TextField(_("what to prepare"), blank=True),
        how_to_apply=models.TextField(_("how and where to apply"), blank=True),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=FundingKind)
    sectors_text = models.CharField(_("sectors"), max_length=600, blank=True)
    regions_text = models.CharField(_("regions"), max_length=60, blank=True)
    groups_text = models.CharField(_("target groups"), max_length=100, blank=True)
    stages_text = models.CharField(_("project stages"), max_length=60, blank=True)
    age_min = models.PositiveSmallIntegerField(_("founders aged from"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("founders aged up to"), null=True, blank=True)
    founders_min = models.PositiveSmallIntegerField(_("founders at least"), null=True, blank=True)
    founders_max = models.PositiveSmallIntegerField(_("founders at most"), null=True, blank=True)
    amount_min = models.PositiveIntegerField(_("amount from (MAD)"), null=True, blank=True)
    amount_max = models.PositiveIntegerField(
        _("amount up to (MAD)"), null=True, blank=True, help_text=_("Leave empty if not known.")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    website = models.URLField(_("web address"), blank=True)
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, help_text=_("Hidden from learners after this day.")
    )
    is_demo = models.BooleanField(
        _("demo data to be checked"),
        default=False,
        help_text=_("Loaded with the demo: staff check every fact before relying on it."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("funding source")
        verbose_name_plural = _("funding sources")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.safe_translation_getter("name", any_language=True) or self.key

    def shown_language(self, language_code: str) -> str:
        return shown_language(self, language_code)

    @property
    def phone_digits(self) -> str:
        """The number for a ``tel:`` link (digits and a leading +)."""
        return "".join(char for char in self.phone if char.isdigit() or char == "+")

    sectors = property(
        lambda self: _codes_get(self.sectors_text),
        lambda self, codes: setattr(self, "sectors_text", _codes_set(codes, Sector.values)),
    )
    regions = property(
        lambda self: _codes_get(self.regions_text),
        lambda self, codes: setattr(self, "regions_text", _codes_set(codes, Region.values)),
    )
    groups = property(
        lambda self: _codes_get(self.groups_text),
        lambda self, codes: setattr(self, "groups_text", _codes_set(codes, FundingGroup.values)),
    )
    stages = property(
        lambda self: _codes_get(self.stages_text),
        lambda self, codes: setattr(self, "stages_text", _codes_set(codes, ProjectStage.values)),
    )


def note_audio_upload_to(note, filename: str) -> str:
    return f"territory-notes/{uuid.uuid4()}/{filename}"


class TerritoryNote(TranslatableModel):
    """A need or a potential of a province, as staff recorded it at a regional meeting.

    The texts and the spoken summary are translated (a Tachelhit listener hears Tachelhit where
    staff recorded it); the province, sector and picture are shared."""

    class Kind(models.TextChoices):
        NEED = "need", _("Need")
        POTENTIAL = "potential", _("Potential")

    key = models.SlugField(
        _("key"),
        max_length=80,
        unique=True,
        help_text=_("Stable identifier: loading the same key again updates this note."),
    )
    province = models.ForeignKey(
        "core.Province",
        verbose_name=_("province or prefecture"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind)
    sector = models.CharField(
        _("sector"),
        max_length=30,
        choices=Sector,
        blank=True,
        help_text=_("The ideas of this sector are shown first on the province's page."),
    )
    translations = TranslatedFields(
        title=models.CharField(_("title"), max_length=200),
        text=models.TextField(_("what was said"), blank=True),
        recorded_at=models.CharField(
            _("where and when it was recorded"), max_length=200, blank=True
        ),
        audio=models.FileField(
            _("spoken summary"),
            upload_to=note_audio_upload_to,
            max_length=300,
            blank=True,
            validators=[FileExtensionValidator(AUDIO_EXTENSIONS), audio_size_validate],
            help_text=_("A short recording (mp3, m4a, ogg, opus; at most 5 MB)."),
        ),
    )
    picture = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("demo example"),
        default=False,
        help_text=_("Loaded with the demo as an example: not a record of a real meeting."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("need or potential of a province")
        verbose_name_plural = _("needs and potential of provinces")
        ordering = ["province", "kind", "key"]

    def __str__(self) -> str:
        return self.safe_translation_getter("title", any_language=True) or self.key

    def shown_language(self, language_code: str) -> str:
        return shown_language(self, language_code)
