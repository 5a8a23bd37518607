"""Checking rows of the register (from a spreadsheet or the register's API) before saving any.

The columns are described in ``registry_link/README.md`` ("Register import") and in the template
``registry_link/static/registry_link/register-template.csv``. A row is identified by its court and
its local number there (opaque strings: surrounding and repeated spaces are dropped, nothing else
changes). Places are HCP codes (region ``09``, province ``09.273``, commune ``09.273.03.05``)
and must agree with each other. Every problem has a stable code; rows are numbered as the
spreadsheet shows them (the header is row 1).
"""

import datetime
import re
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from core.models import Commune, Province, Region
from core.spreadsheets.rows import RowProblem
from project_bank.api import Sector

from .choices import Kind, Status
from .models import Cooperative

COLUMNS = (
    "court",
    "local_number",
    "registered_on",
    "kind",
    "name_ar",
    "name_latin",
    "name_tfng",
    "sector",
    "address",
    "region",
    "province",
    "commune",
    "object",
    "capital",
    "share_value",
    "members",
    "women",
    "youth",
    "managers",
    "union_court",
    "union_number",
    "status",
    "status_changed_on",
)
REQUIRED_COLUMNS = ("court", "local_number")
NUMBERS = {
    "capital": "capital",
    "share_value": "share_value",
    "members": "members_count",
    "women": "women_count",
    "youth": "youth_count",
}
LENGTHS = {"name_ar": 200, "name_latin": 200, "name_tfng": 200, "address": 300}
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")
MANAGER = re.compile(r"^(?P<name>[^()]+?)\s*(?:\((?P<role>[^()]*)\))?$")
Key = tuple[str, str]


@dataclass
class RegisterRow:
    """One checked row: the fields to write, and the union it belongs to (by its number)."""

    number: int
    court: str
    local_number: str
    data: dict = field(default_factory=dict)
    union_key: Key | None = None
    action: str = ""  # "new", "update" or "same", set by ``rows_check``

    @property
    def key(self) -> Key:
        return (self.court, self.local_number)

    @property
    def name(self) -> str:
        return self.data.get("name_ar") or self.data.get("name_latin") or ""


@dataclass
class Places:
    """The geography by code, read once per check: province → region, commune → province."""

    regions: set = field(default_factory=set)
    provinces: dict = field(default_factory=dict)
    communes: dict = field(default_factory=dict)

    @classmethod
    def load(cls) -> "Places":
        return cls(
            regions=set(Region.objects.values_list("code", flat=True)),
            provinces=dict(Province.objects.values_list("code", "region_id")),
            communes=dict(Commune.objects.values_list("code", "province_id")),
        )


def opaque(value) -> str:
    """A court or a number as the register writes it, without stray spaces."""
    return " ".join(str(value or "").split())


def _date(text: str) -> datetime.date | None:
    """``2019-03-04``, ``04/03/2019`` (day first) or an XLSX date cell; ValueError otherwise."""
    text = text.strip()
    if not text:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", text):
        text = text[:10]
    for pattern in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise ValueError(text)


def _whole(text: str) -> int:
    """``"10 000"`` → 10000; ValueError for anything but a whole number ≥ 0."""
    digits = re.sub(r"[\s\u00a0\u202f]", "", str(text))
    if not digits.isdigit():
        raise ValueError(text)
    return int(digits)


def managers_read(text: str) -> list[dict]:
    """``"Fadma Ait Ali (présidente); Ahmed Ouali (trésorier)"`` → [{"name", "role"}, …]."""
    managers = []
    for part in (chunk.strip() for chunk in (text or "").split(";")):
        match = MANAGER.match(part) if part else None
        if match:
            managers.append({"name": match["name"].strip(), "role": (match["role"] or "").strip()})
    return managers


def _names(row: RegisterRow, raw: dict, problems: list) -> None:
    for name, limit in LENGTHS.items():
        row.data[name] = " ".join(raw.get(name, "").split())
        if len(row.data[name]) > limit:
            problems.append(
                (_("At most %(count)s characters.") % {"count": limit}, name, "too_long")
            )
    if not (row.data["name_ar"] or row.data["name_latin"] or row.data["name_tfng"]):
        problems.append(
            (
                _("A name is needed, in Arabic, Latin letters or Tifinagh."),
                "name_ar",
                "missing_name",
            )
        )
    row.data["object"] = raw.get("object", "").strip()
    row.data["managers"] = managers_read(raw.get("managers", ""))


def _choices(row: RegisterRow, raw: dict, problems: list) -> None:
    choices = (
        ("kind", Kind, Kind.COOPERATIVE, "unknown_kind"),
        ("sector", Sector, "", "unknown_sector"),
        ("status", Status, Status.ACTIVE, "unknown_status"),
    )
    for name, values, default, code in choices:
        value = raw.get(name, "").strip().lower().replace(" ", "_") or default
        if value not in values.values:
            problems.append(
                (
                    _("“%(value)s” is not one of: %(values)s.")
                    % {"value": value, "values": ", ".join(values.values)},
                    name,
                    code,
                )
            )
        row.data[name] = value


def _place(row: RegisterRow, raw: dict, problems: list, places: Places) -> None:
    region = raw.get("region", "").strip()
    region = region.zfill(2) if region.isdigit() else region
    province, commune = raw.get("province", "").strip(), raw.get("commune", "").strip()
    if commune and commune not in places.communes:
        problems.append(
            (
                _("No commune has the code “%(code)s”.") % {"code": commune},
                "commune",
                "unknown_commune",
            )
        )
    elif commune and province and places.communes[commune] != province:
        problems.append(
            (
                _("This commune is not in province “%(code)s”.") % {"code": province},
                "commune",
                "commune_not_in_province",
            )
        )
    province = province or places.communes.get(commune, "")
    if province and province not in places.provinces:
        problems.append(
            (
                _("No province has the code “%(code)s”.") % {"code": province},
                "province",
                "unknown_province",
            )
        )
    elif province and region and places.provinces[province] != region:
        problems.append(
            (
                _("This province is not in region “%(code)s”.") % {"code": region},
                "province",
                "province_not_in_region",
            )
        )
    region = region or places.provinces.get(province, "")
    if region not in places.regions:
        problems.append((_("Regions are codes from 01 to 12."), "region", "unknown_region"))
    row.data.update(region_id=region, province_id=province or None, commune_id=commune or None)


def _figures(row: RegisterRow, raw: dict, problems: list) -> None:
    for column, name in NUMBERS.items():
        try:
            row.data[name] = _whole(raw.get(column, "") or "0")
        except ValueError:
            problems.append(
                (
                    _("“%(value)s” is not a whole number.") % {"value": raw[column]},
                    column,
                    "not_a_number",
                )
            )
            row.data[name] = 0
    members = row.data["members_count"]
    for column, label in (("women", "women_count"), ("youth", "youth_count")):
        if row.data[label] > members:
            problems.append(
                (
                    _("More than the %(count)s members.") % {"count": members},
                    column,
                    f"{column}_above_members",
                )
            )


def _dates(row: RegisterRow, raw: dict, problems: list) -> None:
    today = timezone.localdate()
    for name in ("registered_on", "status_changed_on"):
        try:
            row.data[name] = _date(raw.get(name, ""))
        except ValueError:
            problems.append(
                (
                    _("“%(value)s” is not a date: write 2019-03-31 or 31/03/2019.")
                    % {"value": raw[name]},
                    name,
                    "bad_date",
                )
            )
            row.data[name] = None
        if row.data[name] and row.data[name] > today:
            problems.append((_("This date is in the future."), name, "future_date"))


def row_check(raw: dict, places: Places) -> tuple[RegisterRow, list[RowProblem]]:
    """One row (column → text, ``_row``) checked on its own; unions are checked by the file."""
    number = raw.get("_row", 0)
    row = RegisterRow(number, opaque(raw.get("court")), opaque(raw.get("local_number")))
    problems: list = []
    if not row.court or len(row.court) > 80:
        problems.append(
            (_("The court is needed (at most 80 characters)."), "court", "missing_court")
        )
    if not row.local_number or len(row.local_number) > 40:
        problems.append(
            (
                _("The local number is needed (at most 40 characters)."),
                "local_number",
                "missing_number",
            )
        )
    _names(row, raw, problems)
    _choices(row, raw, problems)
    _place(row, raw, problems, places)
    _figures(row, raw, problems)
    _dates(row, raw, problems)
    union = (opaque(raw.get("union_court")), opaque(raw.get("union_number")))
    if any(union):
        row.union_key = union
    return row, [RowProblem(number, column, message, code) for message, column, code in problems]


def _unions_check(rows: list[RegisterRow]) -> list[RowProblem]:
    """Each union named exists as a union, in the file or already in the register."""
    in_file = {row.key: row.data.get("kind") for row in rows}
    wanted = {row.union_key for row in rows if row.union_key and row.union_key not in in_file}
    known = set(
        Cooperative.objects.filter(
            kind=Kind.UNION,
            court__in={court for court, _number in wanted},
            local_number__in={number for _court, number in wanted},
        ).values_list("court", "local_number")
    )
    problems = []
    for row in rows:
        if not row.union_key:
            continue
        is_union = in_file.get(row.union_key, Kind.UNION if row.union_key in known else None)
        if row.data.get("kind") == Kind.UNION:
            problems.append(
                RowProblem(
                    row.number,
                    "union_number",
                    _("A union cannot belong to a union."),
                    "union_in_union",
                )
            )
        elif is_union != Kind.UNION:
            problems.append(
                RowProblem(
                    row.number,
                    "union_number",
                    _("No union “%(number)s” at court “%(court)s”.")
                    % {"number": row.union_key[1], "court": row.union_key[0]},
                    "unknown_union",
                )
            )
    return problems


def rows_check(rows: list[dict]) -> tuple[list[RegisterRow], list[RowProblem]]:
    """Every row checked (the rows to save, with their action) and every problem found."""
    places, checked, problems, seen = Places.load(), [], [], {}
    for raw in rows:
        row, row_problems = row_check(raw, places)
        if row.court and row.local_number and row.key in seen:
            row_problems.append(
                RowProblem(
                    row.number,
                    "local_number",
                    _("This court and number are also on row %(row)s.") % {"row": seen[row.key]},
                    "duplicate_number",
                )
            )
        seen.setdefault(row.key, row.number)
        checked.append(row)
        problems += row_problems
    problems += _unions_check(checked)
    if not rows:
        problems.append(RowProblem(1, "", _("This file has no cooperatives in it."), "empty_file"))
    return checked, problems
