from uuid import UUID

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..models import Evaluation
from ..selectors import course_certificate


def evaluation_save(
    *, learner, course_key: UUID, satisfaction: int, useful: str, comment: str = ""
) -> Evaluation:
    """Her evaluation of a course she finished; answering again replaces the first one."""
    if course_certificate(learner=learner, course_key=course_key) is None:
        raise ValidationError(
            _("You can evaluate a course once you have finished it."), code="course_not_finished"
        )
    evaluation = Evaluation.objects.filter(learner=learner, course_key=course_key).first()
    evaluation = evaluation or Evaluation(learner=learner, course_key=course_key)
    evaluation.satisfaction, evaluation.useful, evaluation.comment = satisfaction, useful, comment
    evaluation.full_clean()
    evaluation.save()
    return evaluation
