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


class _NoShuffle:
    """A random source whose shuffle leaves the order as it is (the unlucky draw)."""

    def shuffle(self, items) -> None:
        return None


def test_an_ordering_question_is_never_shown_in_its_right_order():
    from assessments.services.attempts import shown_order

    assert shown_order(["a", "b", "c"], _NoShuffle()) != ["a", "b", "c"]
    assert sorted(shown_order(["a", "b", "c"], _NoShuffle())) == ["a", "b", "c"]
    assert shown_order(["a"], _NoShuffle()) == ["a"]


def test_an_untouched_ordering_answer_is_not_an_answer():
    from django.http import QueryDict

    from assessments.forms import response_from

    shown = ["c", "a", "b"]
    untouched = QueryDict("q-k-c=1&q-k-a=2&q-k-b=3")
    moved = QueryDict("q-k-c=3&q-k-a=1&q-k-b=2")
    assert response_from(untouched, key="k", kind="ordering", choices=shown) is None
    assert response_from(moved, key="k", kind="ordering", choices=shown) == {
        "order": ["a", "b", "c"]
    }
