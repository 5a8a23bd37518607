"""The question bank: questions with their choices, translated as Wagtail translatable snippets.

Each translation is its own row sharing the source's ``translation_key`` (choices too), so a
translation carries its own audio clip (the question read aloud in that language). Scoring always
uses the choices' translation keys, never a row id of one translation.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

AUDIO_HELP = _("A recording of the text read aloud in this translation's language.")


class Question(TranslatableMixin, ClusterableModel):
    class Kind(models.TextChoices):
        SINGLE = "single", _("One right answer")
        MULTIPLE = "multiple", _("Several right answers")
        TRUE_FALSE = "true_false", _("True or false")
        PICTURE = "picture", _("Picture choice")
        ORDERING = "ordering", _("Put in order")
        NUMERIC = "numeric", _("Number")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind, default=Kind.SINGLE)
    text = models.TextField(_("question"))
    explanation = models.TextField(
        _("explanation"), blank=True, help_text=_("Shown after the learner has answered.")
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("audio clip"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=AUDIO_HELP,
    )
    correct_number = models.DecimalField(
        _("right number"), max_digits=12, decimal_places=3, null=True, blank=True
    )
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=12,
        decimal_places=3,
        default=0,
        help_text=_("Answers this far from the right number still count as right."),
    )
    is_true = models.BooleanField(_("the statement is true"), default=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("text"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("audio")], heading=_("Picture and sound")),
        InlinePanel("choices", label=_("Choices (in the right order for ordering questions)")),
        MultiFieldPanel(
            [FieldPanel("is_true"), FieldPanel("correct_number"), FieldPanel("tolerance")],
            heading=_("Right answer for true-or-false and number questions"),
        ),
        FieldPanel("explanation"),
    ]
    # Translators may record their own audio; the right answer stays the source's.
    override_translatable_fields = [
        SynchronizedField("audio", overridable=True),
        *(
            SynchronizedField(name, overridable=False)
            for name in ("kind", "correct_number", "tolerance", "is_true")
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text[:80]

    def clean(self) -> None:
        if self.kind == self.Kind.NUMERIC and self.correct_number is None:
            raise ValidationError(
                {"correct_number": _("A number question needs its right number.")},
                code="numeric_without_answer",
            )


class Choice(TranslatableMixin, Orderable):
    question = ParentalKey(Question, related_name="choices", on_delete=models.CASCADE)
    text = models.CharField(_("text"), max_length=250, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("spoken label"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=AUDIO_HELP,
    )
    is_correct = models.BooleanField(_("right answer"), default=False)
    feedback = models.CharField(
        _("feedback"), max_length=250, blank=True, help_text=_("Shown when this is chosen.")
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("image"),
        FieldPanel("audio"),
        FieldPanel("is_correct"),
        FieldPanel("feedback"),
    ]
    override_translatable_fields = [
        SynchronizedField("audio", overridable=True),
        SynchronizedField("is_correct", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("choice")
        verbose_name_plural = _("choices")
        ordering = ["sort_order"]

    def __str__(self) -> str:
        return self.text or str(self.translation_key)
