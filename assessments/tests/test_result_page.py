"""The result page after a test: each explanation once, under its question."""

import re
from html import unescape

from assessments.services.attempts import attempt_start, attempt_submit

from .helpers import right_responses


def test_each_explanation_is_shown_once(demo_quizzes, learner, client):
    _practice, final = demo_quizzes
    attempt = attempt_start(learner=learner, quiz=final)
    attempt_submit(learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt))
    client.force_login(learner)
    html = unescape(client.get(f"/fr/tests/attempt/{attempt.pk}/result/").content.decode())
    explanations = re.findall(r'<p class="explanation"[^>]*>(.*?)</p>', html, re.S)
    assert explanations
    assert len(explanations) == len(set(explanations))
