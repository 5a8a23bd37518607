from assessments.selectors import answer_keys


def right_responses(attempt) -> dict[str, dict]:
    """The right response to each question of an attempt, read from the server's answer keys."""
    keys = answer_keys(attempt.question_keys)
    responses = {}
    for key, answer in keys.items():
        responses[key] = {
            "single": {"choice": next(iter(answer.right), "")},
            "picture": {"choice": next(iter(answer.right), "")},
            "multiple": {"choices": sorted(answer.right)},
            "true_false": {"value": answer.is_true},
            "ordering": {"order": list(answer.choices)},
            "numeric": {"number": str(answer.number)},
        }[answer.kind]
    return responses


def pass_test(learner, quiz):
    """Start an attempt at ``quiz`` and submit every right answer."""
    from assessments.services.attempts import attempt_start, attempt_submit

    attempt = attempt_start(learner=learner, quiz=quiz)
    return attempt_submit(
        learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt)
    )
