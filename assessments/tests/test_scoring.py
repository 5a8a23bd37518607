from decimal import Decimal

import pytest

from assessments.scoring import AnswerKey, score

ABCD = ("a", "b", "c", "d")


@pytest.mark.parametrize(
    ("response", "credit"), [({"choice": "b"}, 1.0), ({"choice": "a"}, 0.0), ({}, 0.0)]
)
def test_single_and_picture_choice(response, credit):
    for kind in ("single", "picture"):
        assert score(AnswerKey(kind=kind, right=frozenset("b"), choices=ABCD), response) == credit


@pytest.mark.parametrize(
    ("ticked", "credit"),
    [
        (["a", "b"], 1.0),
        (["a"], 0.5),
        (["a", "c"], 0.0),
        (["a", "b", "c", "d"], 0.0),
        ([], 0.0),
        (["a", "b", "zzz"], 1.0),
    ],
)
def test_multiple_choice_partial_credit(ticked, credit):
    key = AnswerKey(kind="multiple", right=frozenset("ab"), choices=ABCD)
    assert score(key, {"choices": ticked}) == credit


def test_true_false_needs_a_real_boolean():
    key = AnswerKey(kind="true_false", is_true=False)
    assert score(key, {"value": False}) == 1.0
    assert score(key, {"value": True}) == 0.0
    assert score(key, {"value": "false"}) == 0.0


@pytest.mark.parametrize(
    ("order", "credit"),
    [
        (list("abcd"), 1.0),
        (list("dcba"), 0.0),
        (list("bacd"), 5 / 6),
        (list("abc"), 0.0),
        (list("abcx"), 0.0),
    ],
)
def test_ordering_credit_is_the_share_of_pairs_in_order(order, credit):
    assert score(AnswerKey(kind="ordering", choices=ABCD), {"order": order}) == pytest.approx(
        credit
    )


@pytest.mark.parametrize(
    ("given", "credit"),
    [("1400", 1.0), ("1 400", 1.0), ("1405,5", 1.0), ("1394.4", 0.0), ("NaN", 0.0), ("abc", 0.0)],
)
def test_numeric_with_tolerance(given, credit):
    key = AnswerKey(kind="numeric", number=Decimal(1400), tolerance=Decimal("5.5"))
    assert score(key, {"number": given}) == credit


def test_a_response_that_is_not_a_mapping_scores_nothing():
    assert score(AnswerKey(kind="single", right=frozenset("a")), ["a"]) == 0.0
