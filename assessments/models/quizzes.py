"""Quizzes: a practice quiz inside a lesson, or a test (final, module, pre- or post-test)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from .. import error_codes


class Quiz(ClusterableModel):
    class Kind(models.TextChoices):
        PRACTICE = "practice", _("Practice in a lesson (instant feedback, unlimited tries)")
        FINAL = "final", _("Course test (counts to complete the course)")
        MODULE = "module", _("Module test (counts to complete the course)")
        PRE = "pre", _("Pre-test (before the course)")
        POST = "post", _("Post-test (after the course)")

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind, default=Kind.PRACTICE)
    course = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("course"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The course this test belongs to (not needed for practice quizzes)."),
    )
    module = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("module"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("For a module test: its module (the course is then the module's course)."),
    )
    passing_score = models.PositiveSmallIntegerField(_("passing score (%)"), default=60)
    max_attempts = models.PositiveSmallIntegerField(
        _("attempts allowed"), default=3, help_text=_("0 means unlimited.")
    )
    wait_minutes = models.PositiveIntegerField(_("wait between attempts (minutes)"), default=0)
    draw_count = models.PositiveSmallIntegerField(
        _("questions drawn"),
        default=0,
        help_text=_("How many questions to draw at random from the pool; 0 means all of them."),
    )
    shuffle_choices = models.BooleanField(_("shuffle choices"), default=True)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit (minutes)"), null=True, blank=True
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        PageChooserPanel("course", "courses.CoursePage"),
        PageChooserPanel("module", "courses.ModulePage"),
        InlinePanel("items", label=_("Question pool")),
        MultiFieldPanel(
            [
                FieldPanel("passing_score"),
                FieldPanel("max_attempts"),
                FieldPanel("wait_minutes"),
                FieldPanel("draw_count"),
                FieldPanel("shuffle_choices"),
                FieldPanel("time_limit_minutes"),
            ],
            heading=_("Test rules"),
        ),
    ]

    class Meta:
        verbose_name = _("quiz or test")
        verbose_name_plural = _("quizzes and tests")
        permissions = [
            (
                "view_reports",
                _("Can read every learner's results, evaluations, voice notes and certificates"),
            )
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if self.kind == self.Kind.MODULE and self.module_id:
            self.course = self.module.get_parent()  # the course always follows the module
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.kind == self.Kind.MODULE and self.module_id is None:
            error = ValidationError(
                _("A module test needs its module."), code=error_codes.MODULE_TEST_WITHOUT_MODULE
            )
            raise ValidationError({"module": error})

    @property
    def counts_for_completion(self) -> bool:
        return self.kind in COMPLETION_KINDS


COMPLETION_KINDS = (Quiz.Kind.FINAL, Quiz.Kind.MODULE)


class QuizItem(Orderable):
    quiz = ParentalKey(Quiz, related_name="items", on_delete=models.CASCADE)
    question = models.ForeignKey(
        "assessments.Question", verbose_name=_("question"), on_delete=models.CASCADE
    )

    panels = [FieldPanel("question")]

    class Meta(Orderable.Meta):
        verbose_name = _("question in the pool")
        verbose_name_plural = _("questions in the pool")
