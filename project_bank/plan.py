"""The built-in business plan: figures in, results out. Pure functions, no database.

A plan is stored as JSON (on an idea, copied onto a learner's project)::

    {"startup": [{"label": "...", "amount": 12000}],
     "monthly": [{"label": "...", "amount": 800}],
     "products": [{"label": "...", "price": 45, "volume": 120}]}

``label`` is text, or a mapping language → text. Amounts are in MAD; ``volume`` is units sold per
month. Revenue, margin and the break-even month are always computed here, never typed in.
"""

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

MAX_MONTHS = 120  # past ten years a plan does not break even in any useful sense


@dataclass(frozen=True)
class PlanResult:
    startup_total: Decimal
    monthly_costs: Decimal
    monthly_revenue: Decimal
    monthly_margin: Decimal
    margin_rate: Decimal | None  # share of revenue left after monthly costs; None without revenue
    break_even_month: int | None  # the month whose end has paid back the start-up; None: never

    @property
    def breaks_even(self) -> bool:
        return self.break_even_month is not None


def amount(value) -> Decimal:
    """A figure as typed ("1 200", "1200,5", 1200, None) → Decimal ≥ 0; rubbish counts as 0."""
    text = str(value if value is not None else "").replace("\u00a0", "").replace(" ", "")
    try:
        number = Decimal(text.replace(",", "."))
    except InvalidOperation:
        return Decimal(0)
    return number if number.is_finite() and number > 0 else Decimal(0)


def _total(lines: list[dict], key: str = "amount") -> Decimal:
    return sum((amount(line.get(key)) for line in lines), Decimal(0))


def break_even_month(startup: Decimal, margin: Decimal) -> int | None:
    """First month at whose end the summed margins cover the start-up costs.

    No start-up costs and a margin ≥ 0: month 1 (nothing to pay back). A margin ≤ 0 with costs to
    pay back, or a pay-back longer than ``MAX_MONTHS``: None.
    """
    if startup <= 0:
        return 1 if margin >= 0 else None
    if margin <= 0:
        return None
    months = max(1, math.ceil(startup / margin))
    return months if months <= MAX_MONTHS else None


def plan_compute(plan: dict) -> PlanResult:
    """Totals, monthly revenue and margin, margin rate and break-even month of ``plan``."""
    startup = _total(plan.get("startup") or [])
    monthly = _total(plan.get("monthly") or [])
    revenue = sum(
        (amount(p.get("price")) * amount(p.get("volume")) for p in plan.get("products") or []),
        Decimal(0),
    )
    margin = revenue - monthly
    rate = (margin / revenue).quantize(Decimal("0.01")) if revenue else None
    return PlanResult(
        startup_total=startup,
        monthly_costs=monthly,
        monthly_revenue=revenue,
        monthly_margin=margin,
        margin_rate=rate,
        break_even_month=break_even_month(startup, margin),
    )


def label_in(label, language_code: str, chain: tuple[str, ...] = ()) -> str:
    """A line's label in the reader's language, else along the fallback chain, else any."""
    if not isinstance(label, dict):
        return str(label or "")
    for code in (language_code, *chain):
        if label.get(code):
            return label[code]
    return next((text for text in label.values() if text), "")


def plan_for_language(plan: dict, language_code: str, chain: tuple[str, ...] = ()) -> dict:
    """A copy of ``plan`` whose labels are plain text in one language (for a learner's project)."""
    return {
        section: [
            {**line, "label": label_in(line.get("label"), language_code, chain)}
            for line in plan.get(section) or []
        ]
        for section in ("startup", "monthly", "products")
    }
