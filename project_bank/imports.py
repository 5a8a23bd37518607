"""Loading ideas from a spreadsheet (CSV/XLSX) or the demo file: check every row, all or nothing.

One row per idea; the ``key`` column is the stable key (a re-import updates the idea with that
key). The format is described in ``project_bank/README.md``. Rows are numbered as the spreadsheet
shows them: the header is row 1.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from core import imports as core_imports
from core.languages import LANGUAGES
from core.models import Province
from core.regions import Region
from core.spreadsheets import Limits, simplified, table_read
from core.spreadsheets.rows import RowProblem, problems_report, table_rows
from core.spreadsheets.rows import RowsRejectedError as ImportRejectedError

from .choices import Sector, TargetGroup
from .models import Idea, IdeaRegion
from .plan import amount
from .services import idea_search_text_update

MAX_ROWS = 2000
BACKGROUND_FROM_ROWS = 200  # a larger file is imported by a worker, with a progress bar
PROGRESS_EVERY = 10
MAX_BYTES = 5 * 1024 * 1024
LIMITS = Limits(max_rows=MAX_ROWS, max_bytes=MAX_BYTES, max_columns=120)
TEXT_FIELDS = ("title", "summary", "description", "skills", "local_need")
NUMBER_FIELDS = ("min_founders", "investment_min", "investment_max", "jobs")
PLAN_FIELDS = ("startup", "monthly", "products")
LANGUAGE_CODES = tuple(language.code for language in LANGUAGES)
PLAN_LINE = re.compile(r"^(?P<label>.+?)\s*=\s*(?P<figures>[\d.,\s]+(?:[x×*]\s*[\d.,\s]+)?)$")


@dataclass
class IdeaRow:
    number: int
    key: str
    data: dict = field(default_factory=dict)
    texts: dict = field(default_factory=dict)  # language → field → text
    regions: list = field(default_factory=list)
    plan: dict = field(default_factory=dict)

    @property
    def is_new(self) -> bool:
        return not Idea.objects.filter(key=self.key).exists()


# Reading ---------------------------------------------------------------------------------


def rows_read(*, name: str, data: bytes) -> list[dict]:
    """The rows of a CSV or XLSX file as header → text (blank rows skipped, ``_row`` added)."""
    table = table_read(name=name, data=data, limits=LIMITS)
    if not table or "key" not in [simplified(title) for title in table[0]]:
        raise ValidationError(
            _("The file has no “key” column in its first row."), code="missing_key_column"
        )
    return table_rows(table)


# Checking --------------------------------------------------------------------------------


def split_values(value: str) -> list[str]:
    """``"09 07; 01"`` → ``["09", "07", "01"]``: a cell holding several codes."""
    return [part for part in re.split(r"[,;\s]+", value or "") if part]


def language_texts(raw: dict, fields: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """A row's texts by language (``title_ar``, ``title_fr`` …), for languages that have any."""
    texts = {
        code: {name: raw.get(f"{name}_{code}", "").strip() for name in fields}
        for code in LANGUAGE_CODES
    }
    return {code: values for code, values in texts.items() if any(values.values())}


def keyed_rows_check(rows: list[dict], row_check) -> tuple[list, list[RowProblem]]:
    """``row_check`` on every row, and a problem for each key already seen on an earlier row."""
    checked, problems, seen = [], [], {}
    for raw in rows:
        row, row_problems = row_check(raw)
        if row.key and row.key in seen:
            row_problems.append(
                RowProblem(
                    row.number,
                    "key",
                    _("This key is also on row %(row)s.") % {"row": seen[row.key]},
                    "duplicate_key",
                )
            )
        seen.setdefault(row.key, row.number)
        problems += row_problems
        checked.append(row)
    return checked, problems


def _label(text: str):
    """``ar:خميرة|fr:Levure`` → {"ar": ..., "fr": ...}; plain text stays text."""
    parts = [part.strip() for part in text.split("|")]
    pairs = [part.split(":", 1) for part in parts]
    if all(len(pair) == 2 and pair[0].strip() in LANGUAGE_CODES for pair in pairs):
        return {code.strip(): label.strip() for code, label in pairs}
    return text.strip()


def _plan_lines(value: str, section: str) -> list[dict]:
    """``label=amount; label=amount`` (products: ``label=price x volume``) → plan lines."""
    lines = []
    for chunk in (part.strip() for part in (value or "").split(";")):
        if not chunk:
            continue
        match = PLAN_LINE.match(chunk)
        figures = re.split(r"[x×*]", match["figures"]) if match else []
        if not match or (section == "products") != (len(figures) == 2):
            raise ValueError(chunk)
        if section == "products":
            price, volume = (amount(figure) for figure in figures)
            lines.append(
                {"label": _label(match["label"]), "price": float(price), "volume": float(volume)}
            )
        else:
            lines.append({"label": _label(match["label"]), "amount": float(amount(figures[0]))})
    return lines


def _courses(value: str) -> list[str]:
    """Course slugs or translation keys → translation keys (ValueError names an unknown one)."""
    keys = []
    for item in split_values(value):
        page = Page.objects.filter(translation_key=item).first() if len(item) == 36 else None
        page = page or Page.objects.filter(slug=item).order_by("depth").first()
        if page is None:
            raise ValueError(item)
        if str(page.translation_key) not in keys:
            keys.append(str(page.translation_key))
    return keys


def _choices(row: IdeaRow, raw: dict, problems: list) -> None:
    sector = raw.get("sector", "").strip().lower()
    if sector not in Sector.values:
        problems.append(
            (
                _("“%(value)s” is not a known sector.") % {"value": sector},
                "sector",
                "unknown_sector",
            )
        )
    row.data["sector"] = sector
    regions = [code.zfill(2) for code in split_values(raw.get("regions", ""))]
    unknown = [code for code in regions if code not in Region.values]
    if unknown or not regions:
        problems.append(
            (
                _("Regions must be codes from 01 to 12, for example “09 07”."),
                "regions",
                "unknown_region",
            )
        )
    row.regions = regions
    groups = [group.lower() for group in split_values(raw.get("target_groups", ""))]
    if any(group not in TargetGroup.values for group in groups):
        problems.append(
            (
                _("Target groups must be among: %(groups)s.")
                % {"groups": ", ".join(TargetGroup.values)},
                "target_groups",
                "unknown_group",
            )
        )
    row.data["target_groups"] = groups
    _provinces(row, raw, problems)


def _provinces(row: IdeaRow, raw: dict, problems: list) -> None:
    """Optional province codes (``09.581``), each in one of the idea's regions."""
    codes = split_values(raw.get("provinces", ""))
    known = set(Province.objects.filter(code__in=codes).values_list("code", flat=True))
    wrong = [code for code in codes if code not in known or code[:2] not in row.regions]
    if wrong:
        problems.append(
            (
                _(
                    "Provinces must be province codes of the idea's regions, for example “09.581”: "
                    "not %(codes)s."
                )
                % {"codes": ", ".join(wrong)},
                "provinces",
                "unknown_province",
            )
        )
    row.data["provinces"] = codes


def _numbers(row: IdeaRow, raw: dict, problems: list) -> None:
    for name in NUMBER_FIELDS:
        text = raw.get(name, "").replace(" ", "")
        if text and not text.isdigit():
            problems.append(
                (_("“%(value)s” is not a whole number.") % {"value": text}, name, "not_a_number")
            )
            continue
        row.data[name] = int(text) if text else None
    low, high = row.data.get("investment_min") or 0, row.data.get("investment_max") or 0
    if high and low > high:
        problems.append(
            (
                _("The investment “from” is above the investment “up to”."),
                "investment_max",
                "investment_range",
            )
        )


def _texts(row: IdeaRow, raw: dict, problems: list) -> None:
    row.texts = language_texts(raw, TEXT_FIELDS)
    for code, texts in row.texts.items():
        if not texts["title"]:
            problems.append(
                (
                    _("A title is needed in each language that has texts."),
                    f"title_{code}",
                    "missing_title",
                )
            )
    if "ar" not in row.texts:
        problems.append((_("The Arabic title is required."), "title_ar", "missing_title"))


def _plan_and_courses(row: IdeaRow, raw: dict, problems: list) -> None:
    for section in PLAN_FIELDS:
        try:
            row.plan[section] = _plan_lines(raw.get(section, ""), section)
        except ValueError as error:
            example = "label=1200 x 30" if section == "products" else "label=1200"
            problems.append(
                (
                    _("“%(value)s” is not understood: write “%(example)s”.")
                    % {"value": error, "example": example},
                    section,
                    "bad_plan_line",
                )
            )
    try:
        row.data["course_keys"] = _courses(raw.get("courses", ""))
    except ValueError as error:
        problems.append(
            (_("No course “%(value)s”.") % {"value": error}, "courses", "unknown_course")
        )


def row_check(raw: dict) -> tuple[IdeaRow, list[RowProblem]]:
    number = raw.get("_row", 0)
    key = slugify(raw.get("key", ""))
    row = IdeaRow(number=number, key=key)
    problems: list = []
    if not key:
        problems.append(
            (_("Each idea needs a key (letters, digits and dashes)."), "key", "missing_key")
        )
    _choices(row, raw, problems)
    _numbers(row, raw, problems)
    _texts(row, raw, problems)
    _plan_and_courses(row, raw, problems)
    return row, [RowProblem(number, column, message, code) for message, column, code in problems]


def rows_check(rows: list[dict]) -> tuple[list[IdeaRow], list[RowProblem]]:
    """Every row checked: the ideas to save and what is wrong (row, column, why)."""
    ideas, problems = keyed_rows_check(rows, row_check)
    if not rows:
        problems.append(RowProblem(1, "", _("This file has no ideas in it."), "empty_file"))
    return ideas, problems


# Importing -------------------------------------------------------------------------------


def _idea_save(row: IdeaRow) -> Idea:
    idea = Idea.objects.filter(key=row.key).first() or Idea(key=row.key)
    data = row.data
    idea.sector, idea.target_groups = data["sector"], data["target_groups"]
    idea.min_founders_override = data.get("min_founders")
    idea.investment_min = data.get("investment_min") or 0
    idea.investment_max = data.get("investment_max") or 0
    idea.jobs = data.get("jobs") or 0
    idea.course_keys, idea.plan = data["course_keys"], row.plan
    idea.provinces = data.get("provinces") or []
    for code, texts in row.texts.items():
        idea.set_current_language(code)
        for name, text in texts.items():
            setattr(idea, name, text)
    idea.full_clean(exclude=["plan", "course_keys"])
    idea.save()
    idea.translations.exclude(language_code__in=list(row.texts)).delete()
    idea.regions.exclude(region__in=row.regions).delete()
    for region in row.regions:
        IdeaRegion.objects.get_or_create(idea=idea, region=region)
    idea_search_text_update(idea=idea)
    return idea


@transaction.atomic
def ideas_import(*, rows: list[dict], progress=None) -> list[Idea]:
    """Create or update (by key) every idea of ``rows``, or none of them.

    ``progress(done)`` (optional) is called as ideas are saved."""
    checked, problems = rows_check(rows)
    if problems:
        raise ImportRejectedError(problems)
    ideas = []
    for done, row in enumerate(checked, start=1):
        ideas.append(_idea_save(row))
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
    return ideas


def ideas_import_job_run(*, job, progress) -> dict:
    """The runner of a background ideas import (see ``core.imports``)."""
    try:
        ideas = ideas_import(
            rows=rows_read(name=job.file_name, data=bytes(job.data)), progress=progress
        )
    except ValidationError as error:
        raise core_imports.ImportRejectedError({"file_error": " ".join(error.messages)}) from None
    except ImportRejectedError as rejected:
        raise core_imports.ImportRejectedError(problems_report(rejected.problems)) from None
    return {"count": len(ideas)}
