"""Scoring, on the server only: pure functions from a key and a response to a credit in [0, 1].

Responses (as stored in ``Answer.response``):
``{"choice": key}`` (single, picture), ``{"choices": [key, ...]}`` (multiple),
``{"value": true|false}`` (true or false), ``{"order": [key, ...]}`` (ordering),
``{"number": "12.5"}`` (numeric).

Partial credit:
- multiple choice: (right choices ticked − wrong choices ticked) / right choices, never below 0;
  ticking everything therefore earns nothing when there are as many wrong as right choices;
- ordering: the share of pairs of items the learner put in the same relative order as the right
  order (Kendall's concordant pairs); one item out of place among six loses little, a reversed list
  earns 0;
- numeric: full credit within the tolerance (inclusive), none outside.
"""

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from itertools import combinations


@dataclass(frozen=True)
class AnswerKey:
    kind: str
    right: frozenset[str] = frozenset()
    choices: tuple[str, ...] = ()  # every choice key, in the right order for ordering questions
    is_true: bool = True
    number: Decimal | None = None
    tolerance: Decimal = Decimal(0)


def _single(key: AnswerKey, response: dict) -> float:
    return 1.0 if str(response.get("choice")) in key.right else 0.0


def _multiple(key: AnswerKey, response: dict) -> float:
    ticked = {str(choice) for choice in response.get("choices", [])} & set(key.choices)
    if not key.right:
        return 0.0
    earned = len(ticked & key.right) - len(ticked - key.right)
    return max(0.0, earned / len(key.right))


def _true_false(key: AnswerKey, response: dict) -> float:
    value = response.get("value")
    return 1.0 if isinstance(value, bool) and value == key.is_true else 0.0


def _ordering(key: AnswerKey, response: dict) -> float:
    order = [str(item) for item in response.get("order", [])]
    if sorted(order) != sorted(key.choices) or len(order) < 2:
        return 0.0
    place = {item: index for index, item in enumerate(order)}
    pairs = list(combinations(key.choices, 2))
    kept = sum(1 for first, second in pairs if place[first] < place[second])
    return kept / len(pairs)


def _numeric(key: AnswerKey, response: dict) -> float:
    try:
        given = Decimal(str(response.get("number", "")).replace(",", ".").replace(" ", ""))
    except InvalidOperation:
        return 0.0
    if key.number is None or not given.is_finite():
        return 0.0
    return 1.0 if abs(given - key.number) <= key.tolerance else 0.0


SCORERS = {
    "single": _single,
    "picture": _single,
    "multiple": _multiple,
    "true_false": _true_false,
    "ordering": _ordering,
    "numeric": _numeric,
}


def score(key: AnswerKey, response: dict) -> float:
    if not isinstance(response, dict):
        return 0.0
    return SCORERS[key.kind](key, response)
