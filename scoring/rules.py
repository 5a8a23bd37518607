"""The score of one cooperative from its facts: pure functions, no database (worked examples
in scoring/README.md and scoring/tests/test_rules.py)."""

from dataclasses import dataclass, field
from datetime import date

from .indicators import INDICATORS

# A cooperative goes on the visit list only if indicators holding at least half of the risk
# weights have data: a few minor indicators, rescaled, must not send staff on a visit.
MIN_COVERAGE = 0.5


@dataclass
class Facts:
    """What the computation knows of one cooperative (``None``: no data)."""

    members: int = 0
    women: int = 0
    youth: int = 0
    members_year_ago: int | None = None
    registered_on: date | None = None
    assemblies_due: int = 0
    assemblies_held: int = 0
    filings_due: int = 0
    filings_on_time: int = 0
    trained: int = 0
    completed: int = 0
    certified: int = 0
    shop: bool = False
    orders: int = 0
    ordered: float = 0
    delivered: float = 0


@dataclass
class Result:
    risk: float
    values: dict[str, float | None]
    contributions: list[list] = field(default_factory=list)  # [[code, points]], largest first
    flagged: bool = False
    coverage: float = 0.0  # share of the risk weights whose indicators had data

    @property
    def score(self) -> float:
        return round(100 - self.risk, 1)


def _share(part: float, whole: float) -> float | None:
    return round(min(part / whole, 1.0), 4) if whole else None


def indicator_values(facts: Facts, *, today: date) -> dict[str, float | None]:
    """Each indicator's value (a share, a count or years), ``None`` where there is no data."""
    then = facts.members_year_ago
    return {
        "assemblies_held": _share(facts.assemblies_held, facts.assemblies_due),
        "filings_on_time": _share(facts.filings_on_time, facts.filings_due),
        "members_growth": round((facts.members - then) / then, 4) if then else None,
        "women_share": _share(facts.women, facts.members),
        "youth_share": _share(facts.youth, facts.members),
        "orders": facts.orders if facts.shop else None,
        "delivered_share": _share(facts.delivered, facts.ordered) if facts.shop else None,
        "record_age": round((today - facts.registered_on).days / 365.25, 2)
        if facts.registered_on
        else None,
        "members_trained": _share(facts.trained, facts.members),
        "training_completion": _share(facts.completed, facts.trained),
        "certificates": _share(facts.certified, facts.members),
    }


def performance(value: float, *, floor: float, target: float) -> float:
    """0 at or beyond ``floor``, 1 at or beyond ``target``, a straight line between."""
    if target == floor:
        return 1.0 if value >= target else 0.0
    return min(max((value - floor) / (target - floor), 0.0), 1.0)


def score_of(values: dict, *, settings: dict, visit_threshold: float) -> Result:
    """Risk (0–100): the weighted shortfall of the risk indicators that have data, as a share of
    their weights, minus the training credit (a share of all risk weights); never below 0. To
    visit: the risk reaches the threshold and the indicators with data cover enough weight."""
    shortfalls, credits, weights_with_data = {}, {}, 0.0
    all_risk_weights = sum(
        settings[item.code]["weight"] for item in INDICATORS if not item.protective
    )
    for item in INDICATORS:
        rule, value = settings[item.code], values.get(item.code)
        if value is None or not rule["weight"]:
            continue
        done = performance(value, floor=rule["floor"], target=rule["target"])
        if item.protective:
            credits[item.code] = rule["weight"] * done
        else:
            weights_with_data += rule["weight"]
            shortfalls[item.code] = rule["weight"] * (1 - done)
    if not weights_with_data:
        return Result(risk=0.0, values=values)
    coverage = weights_with_data / all_risk_weights
    points = {code: 100 * lost / weights_with_data for code, lost in shortfalls.items()}
    points |= {code: -100 * got / (all_risk_weights or 1) for code, got in credits.items()}
    base = sum(value for value in points.values() if value > 0)
    risk = round(max(base + sum(value for value in points.values() if value < 0), 0.0), 1)
    return Result(
        risk=risk,
        values=values,
        contributions=_ordered(points, settings),
        flagged=risk >= visit_threshold and coverage >= MIN_COVERAGE,
        coverage=round(coverage, 2),
    )


def _ordered(points: dict[str, float], settings: dict) -> list[list]:
    """What raised the risk, largest first, then what lowered it, largest first; equal points
    go by weight, the heavier first."""
    rounded = [(code, round(value, 2)) for code, value in points.items()]

    def key(item):
        return (-abs(item[1]), -settings[item[0]]["weight"])

    raised = sorted((item for item in rounded if item[1] > 0), key=key)
    lowered = sorted((item for item in rounded if item[1] < 0), key=key)
    return [[code, value] for code, value in raised + lowered]
