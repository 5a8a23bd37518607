"""Practice quizzes in lessons: formative, instant feedback, unlimited tries."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from courses.api import lesson_mark_done

from .. import error_codes
from ..models import PracticeAnswer, Quiz
from ..scoring import score
from ..selectors import answer_keys, pool_keys, practice_answered


@transaction.atomic
def practice_answer(
    *, learner, quiz: Quiz, question_key: str, response: dict, lesson_key: UUID
) -> PracticeAnswer:
    """Store and score one try; once every question is answered, the lesson counts as done."""
    pool = pool_keys(quiz)
    if question_key not in pool:
        raise ValidationError(
            _("This question is not in this quiz."), code=error_codes.QUESTION_NOT_IN_ATTEMPT
        )
    key = answer_keys([question_key])[question_key]
    answer = PracticeAnswer(
        learner=learner,
        quiz=quiz,
        question_key=UUID(question_key),
        response=response,
        credit=score(key, response),
    )
    answer.full_clean()
    answer.save()
    if set(practice_answered(learner=learner, quiz=quiz)) >= set(pool):
        lesson_mark_done(learner=learner, lesson_key=lesson_key)
    return answer
