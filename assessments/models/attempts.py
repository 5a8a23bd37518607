"""What learners did: test attempts (questions fixed at start), their answers, practice answers.

``Attempt.plan`` is a versioned payload fixed when the attempt starts:
``{"v": 1, "questions": [{"key": "<question translation_key>", "choices": ["<choice key>", ...]}]}``
(choices in the order shown; empty for numeric and true-or-false questions).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Attempt(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE
    )
    quiz = models.ForeignKey("assessments.Quiz", verbose_name=_("test"), on_delete=models.CASCADE)
    plan = models.JSONField(_("questions drawn"))
    started_at = models.DateTimeField(_("started at"), default=timezone.now)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    score = models.FloatField(_("score (0–1)"), null=True, blank=True)
    passed = models.BooleanField(_("passed"), null=True, blank=True)

    class Meta:
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")
        ordering = ["-started_at"]

    def __str__(self) -> str:
        return f"{self.learner} · {self.quiz} · {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def question_keys(self) -> list[str]:
        return [item["key"] for item in self.plan["questions"]]

    @property
    def percent(self) -> int:
        return round((self.score or 0) * 100)


class Answer(models.Model):
    attempt = models.ForeignKey(
        Attempt, verbose_name=_("attempt"), on_delete=models.CASCADE, related_name="answers"
    )
    question_key = models.UUIDField(_("question"))
    response = models.JSONField(_("response"))
    credit = models.FloatField(_("credit (0–1)"))
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question_key"], name="one_answer_each")
        ]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.question_key} · {self.credit:.2f}"


class PracticeAnswer(models.Model):
    """Every try at a practice question in a lesson (formative: unlimited tries)."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("learner"), on_delete=models.CASCADE
    )
    quiz = models.ForeignKey("assessments.Quiz", verbose_name=_("quiz"), on_delete=models.CASCADE)
    question_key = models.UUIDField(_("question"))
    response = models.JSONField(_("response"))
    credit = models.FloatField(_("credit (0–1)"))
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)
    # Set when the answer was kept on the phone offline: a replay of it is taken once.
    event_id = models.UUIDField(_("event on the phone"), null=True, blank=True, unique=True)

    class Meta:
        verbose_name = _("practice answer")
        verbose_name_plural = _("practice answers")
        ordering = ["-answered_at"]

    def __str__(self) -> str:
        return f"{self.learner} · {self.question_key} · {self.credit:.2f}"
