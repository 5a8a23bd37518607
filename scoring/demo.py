"""Demo filings and general assemblies for the demo cooperatives, then a computation, so the
visit list shows cooperatives with their reasons after ``make demo`` (idempotent: the same
filings each time, a new run of the scores)."""

import random
from datetime import date

from registry_link.api import demo_cooperative_ids

from .models import Filing, FilingKind
from .services import scores_compute

SEED = 14
YEARS = (2023, 2024, 2025)


def _filings_of(cooperative_id: int, rng: random.Random) -> list[Filing]:
    habit = rng.random()  # most file on time; some late; a few neither hold nor file
    filings = []
    for year in YEARS:
        for kind, month in ((FilingKind.ASSEMBLY, 6), (FilingKind.ACCOUNTS, 7)):
            due_on = date(year + 1, month, 30)
            filed_on = due_on
            if habit < 0.15:
                filed_on = None
            elif habit < 0.35:
                filed_on = date(year + 1, month + 3, 15)
            if filed_on and filed_on > date.today():
                filed_on = None
            filings.append(
                Filing(
                    cooperative_id=cooperative_id,
                    kind=kind,
                    year=year,
                    due_on=due_on,
                    filed_on=filed_on,
                )
            )
    return filings


def load_demo_scoring() -> int:
    """Demo filings for every demo cooperative, then the scores; the number of cooperatives."""
    rng = random.Random(SEED)  # noqa: S311 -- made-up demo data, not a secret
    ids = demo_cooperative_ids()
    filings = [item for pk in ids for item in _filings_of(pk, rng)]
    Filing.objects.bulk_create(filings, ignore_conflicts=True)
    scores_compute()
    return len(ids)
