"""Worked examples, computed by hand (scoring/README.md gives the same figures)."""

from datetime import date

import pytest

from scoring import indicators
from scoring.rules import Facts, indicator_values, performance, score_of

TODAY = date(2026, 1, 1)
SETTINGS = indicators.defaults()


def values(**facts):
    return indicator_values(Facts(**facts), today=TODAY)


@pytest.mark.parametrize(
    ("facts", "code", "value", "done"),
    [
        # 2 of 3 assemblies due were held: 2/3; floor 0, target 1
        ({"assemblies_due": 3, "assemblies_held": 2}, "assemblies_held", 0.6667, 0.6667),
        # 3 of 4 filings on time: 0.75
        ({"filings_due": 4, "filings_on_time": 3}, "filings_on_time", 0.75, 0.75),
        # 50 members a year ago, 45 now: −10 %, halfway between −20 % (floor) and 0 (target)
        ({"members": 45, "members_year_ago": 50}, "members_growth", -0.1, 0.5),
        # 3 women of 20: 15 %, half of the 30 % target
        ({"members": 20, "women": 3}, "women_share", 0.15, 0.5),
        # 1 young member of 20: 5 %, half of the 10 % target
        ({"members": 20, "youth": 1}, "youth_share", 0.05, 0.5),
        # a shop with 6 orders over the year: half of 12
        ({"shop": True, "orders": 6}, "orders", 6, 0.5),
        # 700 MAD delivered of 1,000 ordered: 70 %, halfway between 50 % and 90 %
        ({"shop": True, "ordered": 1000, "delivered": 700}, "delivered_share", 0.7, 0.5),
        # registered 731 days before 2026-01-01: 2.0 years of the 3-year target
        ({"registered_on": date(2024, 1, 1)}, "record_age", 2.0, 0.6667),
        # 5 of 20 members trained: 25 %, half of the 50 % target
        ({"members": 20, "trained": 5}, "members_trained", 0.25, 0.5),
        # 3 of the 5 trained completed a course: 60 % of the 80 % target
        ({"members": 20, "trained": 5, "completed": 3}, "training_completion", 0.6, 0.75),
        # 3 of 20 members hold a certificate: 15 %, half of the 30 % target
        ({"members": 20, "certified": 3}, "certificates", 0.15, 0.5),
    ],
)
def test_each_indicator_worked_example(facts, code, value, done):
    computed = values(**facts)[code]
    assert computed == pytest.approx(value, abs=1e-4)
    rule = SETTINGS[code]
    assert performance(computed, floor=rule["floor"], target=rule["target"]) == pytest.approx(
        done, abs=1e-4
    )


def test_no_data_is_no_indicator():
    empty = values()
    assert empty["assemblies_held"] is None  # nothing due
    assert empty["orders"] is None  # no shop
    assert empty["members_growth"] is None  # no count a year ago
    assert values(shop=True)["orders"] == 0


def test_whole_score_worked_example():
    facts = {
        "members": 20,
        "women": 3,
        "youth": 1,
        "members_year_ago": 50,
        "registered_on": date(2024, 1, 1),
        "assemblies_due": 3,
        "assemblies_held": 2,
        "filings_due": 4,
        "filings_on_time": 3,
        "trained": 5,
        "completed": 3,
        "certified": 3,
        "shop": True,
        "orders": 6,
        "ordered": 1000,
        "delivered": 700,
    }
    found = values(**facts)
    found["members_growth"] = -0.1  # 45 of 50 (the example above)
    result = score_of(found, settings=SETTINGS, visit_threshold=40)
    # shortfalls (weights sum to 100): 25×⅓ + 20×¼ + 15×½ + 5×½ + 5×½ + 10×½ + 10×½ + 10×⅓
    # = 8.33 + 5 + 7.5 + 2.5 + 2.5 + 5 + 5 + 3.33 = 39.17; training: 8×½ + 6×¾ + 6×½ = 11.5
    assert result.risk == 27.7
    assert result.score == 72.3
    assert not result.flagged
    codes = [code for code, _points in result.contributions]
    assert codes == [
        "assemblies_held",
        "members_growth",
        "filings_on_time",
        "orders",
        "delivered_share",
        "record_age",
        "women_share",
        "youth_share",
        "training_completion",
        "members_trained",
        "certificates",
    ]
    points = [points for _code, points in result.contributions]
    assert points[:2] == [8.33, 7.5]
    assert points[-3:] == [-4.5, -4.0, -3.0]


def test_missing_indicators_leave_the_others_weights():
    # only governance known: 1 assembly of 2 held (25×½), filings all on time → 12.5 / 45
    found = values(assemblies_due=2, assemblies_held=1, filings_due=1, filings_on_time=1)
    result = score_of(found, settings=SETTINGS, visit_threshold=40)
    assert result.risk == pytest.approx(27.8, abs=0.05)


def test_training_alone_never_flags_whatever_its_weight():
    heavy = {code: dict(rule) for code, rule in SETTINGS.items()}
    for code in ("members_trained", "training_completion", "certificates"):
        heavy[code]["weight"] = 100
    perfect_but_untrained = values(
        members=20,
        women=10,
        youth=5,
        registered_on=date(2015, 1, 1),
        assemblies_due=3,
        assemblies_held=3,
        filings_due=3,
        filings_on_time=3,
    )
    result = score_of(perfect_but_untrained, settings=heavy, visit_threshold=0.1)
    assert result.risk == 0
    assert not result.flagged
    assert all(points <= 0 for _code, points in result.contributions)


def test_training_lowers_the_risk():
    weak = {
        "members": 20,
        "assemblies_due": 3,
        "assemblies_held": 0,
        "registered_on": date(2015, 1, 1),
    }
    untrained = score_of(values(**weak), settings=SETTINGS, visit_threshold=40)
    trained = score_of(
        values(**weak, trained=10, completed=8, certified=6), settings=SETTINGS, visit_threshold=40
    )
    assert trained.risk < untrained.risk
    assert untrained.risk - trained.risk == pytest.approx(20, abs=0.05)  # all 20 credit points


def test_too_little_data_never_flags():
    # only women, youth and age known (20 of 100 risk points): no woman, no young member → risk
    # 50, but a few minor indicators rescaled must not send staff on a visit
    found = values(members=10, registered_on=date(2015, 1, 1))
    result = score_of(found, settings=SETTINGS, visit_threshold=40)
    assert result.risk == 50
    assert result.coverage == 0.2
    assert not result.flagged
