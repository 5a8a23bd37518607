"""Practice quizzes in lessons: formative, instant feedback, unlimited tries."""

from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from courses.api import lesson_mark_done

from .. import error_codes
from ..models import PracticeAnswer, Quiz
from ..scoring import score
from ..selectors import answer_keys, pool_keys, practice_answered


def practice_answer(
    *,
    learner,
    quiz: Quiz,
    question_key: str,
    response: dict,
    lesson_key: UUID,
    event_id: UUID | None = None,
) -> PracticeAnswer:
    """Store and score one try; once every question is answered, the lesson counts as done
    (``lesson_completed`` is true on the answer that made it so).

    A try made offline comes with its ``event_id``: sent again, it is the same try.
    """
    earlier = PracticeAnswer.objects.filter(event_id=event_id).first() if event_id else None
    if earlier is not None:
        return earlier
    try:
        return _answer(learner, quiz, question_key, response, lesson_key, event_id)
    except IntegrityError:  # the same try, sent twice at once
        return PracticeAnswer.objects.get(event_id=event_id)


@transaction.atomic
def _answer(learner, quiz, question_key, response, lesson_key, event_id) -> PracticeAnswer:
    pool = pool_keys(quiz)
    if question_key not in pool:
        raise ValidationError(
            _("This question is not in this quiz."), code=error_codes.QUESTION_NOT_IN_ATTEMPT
        )
    key = answer_keys([question_key])[question_key]
    answered_before = set(practice_answered(learner=learner, quiz=quiz))
    answer = PracticeAnswer(
        learner=learner,
        quiz=quiz,
        question_key=UUID(question_key),
        response=response,
        credit=score(key, response),
        event_id=event_id,
    )
    answer.full_clean()
    answer.save()
    # The answer that completes the quiz (not a later try) is the one that is told "done".
    complete = set(practice_answered(learner=learner, quiz=quiz)) >= set(pool)
    answer.lesson_completed = complete and not answered_before >= set(pool)
    if complete:
        lesson_mark_done(learner=learner, lesson_key=lesson_key)
    return answer
