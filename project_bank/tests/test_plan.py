from decimal import Decimal

import pytest

from project_bank.plan import MAX_MONTHS, amount, break_even_month, label_in, plan_compute


def test_a_plan_gives_revenue_margin_and_break_even_month():
    result = plan_compute(
        {
            "startup": [{"label": "press", "amount": 45000}, {"label": "shop", "amount": 15000}],
            "monthly": [{"label": "rent", "amount": 1500}, {"label": "pay", "amount": 6000}],
            "products": [{"label": "oil", "price": 250, "volume": 60}],
        }
    )
    assert result.startup_total == 60000
    assert result.monthly_revenue == 15000
    assert result.monthly_costs == 7500
    assert result.monthly_margin == 7500
    assert result.margin_rate == Decimal("0.50")
    assert result.break_even_month == 8  # 60000 / 7500 = 8 months exactly


def test_break_even_rounds_up_to_the_month_that_pays_back():
    assert break_even_month(Decimal(10000), Decimal(3000)) == 4


def test_zero_revenue_never_breaks_even_and_has_no_margin_rate():
    result = plan_compute({"startup": [{"amount": 1000}], "monthly": [{"amount": 200}]})
    assert result.monthly_revenue == 0
    assert result.monthly_margin == -200
    assert result.margin_rate is None
    assert result.break_even_month is None
    assert not result.breaks_even


def test_no_costs_at_all_breaks_even_in_the_first_month():
    result = plan_compute({"products": [{"price": 10, "volume": 5}]})
    assert result.startup_total == 0
    assert result.monthly_margin == 50
    assert result.margin_rate == Decimal("1.00")
    assert result.break_even_month == 1


def test_an_empty_plan_is_all_zero_and_breaks_even_at_once():
    result = plan_compute({})
    assert (result.startup_total, result.monthly_revenue, result.monthly_margin) == (0, 0, 0)
    assert result.break_even_month == 1


def test_a_margin_too_small_does_not_break_even_within_ten_years():
    assert break_even_month(Decimal(MAX_MONTHS * 100 + 1), Decimal(100)) is None
    assert break_even_month(Decimal(MAX_MONTHS * 100), Decimal(100)) == MAX_MONTHS


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1 200", 1200), ("1200,5", Decimal("1200.5")), (None, 0), ("abc", 0), ("-5", 0), ("nan", 0)],
)
def test_figures_are_read_as_people_type_them(typed, expected):
    assert amount(typed) == Decimal(expected)


def test_labels_follow_the_language_chain():
    label = {"ar": "زيت", "fr": "Huile"}
    assert label_in(label, "fr") == "Huile"
    assert label_in(label, "ary", ("ary", "ar")) == "زيت"
    assert label_in(label, "en", ("en", "fr", "ar")) == "Huile"
    assert label_in("نص", "fr") == "نص"
