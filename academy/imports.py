"""Registering many members from a spreadsheet: read it, check every row, import all or nothing.

The file format (columns, header names in English and French, accepted values) is described in
``academy/README.md``. Rows are numbered as the spreadsheet shows them: the header is row 1.
"""

from collections import defaultdict
from dataclasses import asdict, dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core import imports as core_imports
from core.languages import LANGUAGES
from core.regions import Region
from core.spreadsheets import Limits, simplified, table_read

from .forms import MemberForm
from .models import Gender, User
from .services import Registration, member_register

MAX_ROWS = 1000
BACKGROUND_FROM_ROWS = 50  # a larger file is imported by a worker, with a progress bar
PROGRESS_EVERY = 10
MAX_BYTES = 2 * 1024 * 1024
HEADER_ROW = 1
LIMITS = Limits(max_rows=MAX_ROWS, max_bytes=MAX_BYTES, max_columns=40)

# Header names (compared without accents, case, "_" or "-") for each field.
COLUMNS: dict[str, tuple[str, ...]] = {
    "phone_number": (
        "phone",
        "phone number",
        "mobile",
        "telephone",
        "tel",
        "numero",
        "numero de telephone",
        "portable",
    ),
    "first_name": ("first name", "firstname", "given name", "prenom"),
    "preferred_language": ("language", "preferred language", "langue", "langue preferee"),
    "region": ("region",),
    "gender": ("gender", "sex", "sexe", "genre"),
    "birth_year": ("birth year", "year of birth", "annee de naissance", "annee naissance"),
}
GENDER_WORDS = {
    Gender.WOMAN: ("woman", "female", "f", "w", "femme", "fille"),
    Gender.MAN: ("man", "male", "m", "h", "homme", "garcon"),
}
LABEL_LANGUAGES = ("fr", "en", "ar")


@dataclass(frozen=True)
class RawRow:
    """One row as typed: field → text, and field → the header written in the file."""

    number: int
    values: dict[str, str]
    columns: dict[str, str]


@dataclass(frozen=True)
class MemberRow:
    number: int
    phone_number: str
    profile: dict


@dataclass(frozen=True)
class RowProblem:
    row: int
    column: str
    message: str
    code: str


class ImportRejectedError(Exception):
    """Some rows are wrong: nothing was imported."""

    def __init__(self, problems: list[RowProblem]):
        super().__init__(f"{len(problems)} problems")
        self.problems = sorted(problems, key=lambda problem: problem.row)


# Reading ---------------------------------------------------------------------------------


def _columns(header: list[str]) -> dict[int, tuple[str, str]]:
    """Position → (field, header as written) for the columns this import knows."""
    known = {name: field for field, names in COLUMNS.items() for name in names}
    found = {}
    for position, title in enumerate(header):
        field = known.get(simplified(title))
        if field and field not in {used for used, _title in found.values()}:
            found[position] = (field, title)
    if "phone_number" not in {field for field, _title in found.values()}:
        raise ValidationError(
            _("The file has no “phone” column (“téléphone” in French) in its first row."),
            code="missing_phone_column",
        )
    return found


def rows_read(*, name: str, data: bytes) -> list[RawRow]:
    """The rows of a CSV or XLSX file (blank rows left out), or a ValidationError for the file."""
    table = table_read(name=name, data=data, limits=LIMITS)
    if not table:
        raise ValidationError(_("This file is empty."), code="empty_file")
    columns = _columns(table[0])
    named = {field: title for field, title in columns.values()}
    rows = [
        RawRow(
            number=index + HEADER_ROW + 1,
            values={field: row[i] if i < len(row) else "" for i, (field, _t) in columns.items()},
            columns=named,
        )
        for index, row in enumerate(table[1:])
        if any(cell for cell in row)
    ]
    if not rows:
        raise ValidationError(_("This file has no members in it."), code="empty_file")
    return rows


# Checking --------------------------------------------------------------------------------


def _choices_by_word() -> dict[str, dict[str, str]]:
    words: dict[str, dict[str, str]] = {"preferred_language": {}, "region": {}, "gender": {}}
    for language in LANGUAGES:
        names = (name for _script, name in language.names)
        for word in (language.code, language.native_name, language.english_name, *names):
            words["preferred_language"][simplified(word)] = language.code
    for region in Region:
        words["region"][region.value] = region.value
        words["region"][str(int(region.value))] = region.value
    for gender, names in GENDER_WORDS.items():
        words["gender"].update({name: gender.value for name in names})
    for code in (*LABEL_LANGUAGES, translation.get_language()):
        with translation.override(code):
            for language in LANGUAGES:
                words["preferred_language"][simplified(language.name)] = language.code
            for region in Region:
                words["region"][simplified(region.label)] = region.value
            for gender in Gender:
                words["gender"][simplified(gender.label)] = gender.value
    return words


UNKNOWN_VALUE = {
    "preferred_language": (_("“%(value)s” is not a language of the academy."), "unknown_language"),
    "region": (_("“%(value)s” is not one of the 12 regions."), "unknown_region"),
    "gender": (_("“%(value)s” is not understood: write woman or man."), "unknown_gender"),
}


def _phone_text(value: str) -> str:
    """A number a spreadsheet stored as digits: 212612345678 → +212612345678."""
    digits = value.replace(" ", "")
    if digits.isdigit() and digits.startswith("212") and len(digits) == 12:
        return "+" + digits
    return value


def _mapped(row: RawRow, words) -> tuple[dict, list[RowProblem]]:
    data, problems = {}, []
    for field, value in row.values.items():
        if field in UNKNOWN_VALUE and value:
            code = words[field].get(simplified(value))
            if code is None:
                message, error_code = UNKNOWN_VALUE[field]
                problems.append(
                    RowProblem(
                        row.number, row.columns[field], message % {"value": value}, error_code
                    )
                )
                continue
            value = code
        data[field] = _phone_text(value) if field == "phone_number" else value
    return data, problems


def _row_check(row: RawRow, words) -> tuple[MemberRow | None, list[RowProblem]]:
    data, problems = _mapped(row, words)
    form = MemberForm(data=data)
    for field, errors in form.errors.as_data().items():
        column = row.columns.get(field, field)
        problems += [
            RowProblem(row.number, column, message, error.code or "invalid")
            for error in errors
            for message in error.messages
        ]
    if problems:
        return None, problems
    profile = {
        key: value
        for key, value in form.cleaned_data.items()
        if key != "phone_number" and value not in (None, "")
    }
    return MemberRow(row.number, form.cleaned_data["phone_number"], profile), []


def _duplicates(members: list[MemberRow], phone_column: str) -> list[RowProblem]:
    rows_by_number = defaultdict(list)
    for member in members:
        rows_by_number[member.phone_number].append(member.number)
    problems = [
        RowProblem(
            number,
            phone_column,
            _("This number is also on row %(rows)s.")
            % {"rows": ", ".join(str(other) for other in numbers if other != number)},
            "duplicate_in_file",
        )
        for numbers in rows_by_number.values()
        if len(numbers) > 1
        for number in numbers
    ]
    taken = set(
        User.objects.filter(phone_number__in=list(rows_by_number)).values_list(
            "phone_number", flat=True
        )
    )
    problems += [
        RowProblem(
            member.number,
            phone_column,
            str(_("This number already has an account.")),
            "duplicate_phone",
        )
        for member in members
        if member.phone_number in taken
    ]
    return problems


def rows_check(rows: list[RawRow]) -> tuple[list[MemberRow], list[RowProblem]]:
    """Every row checked: the members to register, and what is wrong (row, column, why)."""
    words = _choices_by_word()
    members, problems = [], []
    for row in rows:
        member, row_problems = _row_check(row, words)
        problems += row_problems
        if member is not None:
            members.append(member)
    if rows:
        problems += _duplicates(members, rows[0].columns["phone_number"])
    return members, problems


# Importing -------------------------------------------------------------------------------


@transaction.atomic
def members_import(*, registered_by: User, rows: list[RawRow], progress=None) -> list[Registration]:
    """Register every member of ``rows``, each with an activation code, or none of them.

    ``progress(done)`` (optional) is called as members are registered."""
    members, problems = rows_check(rows)
    if problems:
        raise ImportRejectedError(problems)
    phone_column = rows[0].columns["phone_number"] if rows else ""
    registrations = []
    for done, member in enumerate(members, start=1):
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done)
        try:
            registrations.append(
                member_register(
                    registered_by=registered_by,
                    phone_number=member.phone_number,
                    **member.profile,
                )
            )
        except ValidationError as error:
            problems += [
                RowProblem(member.number, phone_column, message, error.code or "invalid")
                for message in error.messages
            ]
    if problems:
        raise ImportRejectedError(problems)  # the transaction rolls back: nothing is kept
    return registrations


# In the background ------------------------------------------------------------------------


def members_import_job_run(*, job, progress) -> dict:
    """The runner of a background members import (see ``core.imports``): the report keeps the
    activation codes until the page shows them, once."""
    try:
        rows = rows_read(name=job.file_name, data=bytes(job.data))
        registrations = members_import(registered_by=job.created_by, rows=rows, progress=progress)
    except ValidationError as error:
        raise core_imports.ImportRejectedError({"file_error": " ".join(error.messages)}) from None
    except ImportRejectedError as rejected:
        problems = [
            {key: value if key == "row" else str(value) for key, value in asdict(p).items()}
            for p in rejected.problems
        ]
        raise core_imports.ImportRejectedError({"problems": problems}) from None
    return {
        "count": len(registrations),
        "codes": [[item.user.pk, item.activation_code] for item in registrations],
    }
