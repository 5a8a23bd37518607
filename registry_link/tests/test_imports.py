"""Importing the register from a spreadsheet: valid files, bad rows, re-imports, the job."""

import io

import pytest
from openpyxl import Workbook

from core import imports as core_imports
from core.models import ImportJob
from core.spreadsheets.rows import RowsRejectedError
from registry_link.choices import Kind, Status
from registry_link.imports import register_rows_save, rows_preview, rows_read
from registry_link.models import Cooperative
from registry_link.register_rows import COLUMNS

from .factories import cooperative_make, user_make

pytestmark = pytest.mark.django_db

HEADER = ",".join(COLUMNS)
ROW = {
    "court": "Agadir",
    "local_number": "2019/145",
    "registered_on": "2019-03-14",
    "kind": "cooperative",
    "name_ar": "تعاونية تيفاوين",
    "name_latin": "Coopérative Tifawin",
    "name_tfng": "ⵜⵉⴼⴰⵡⵉⵏ",
    "sector": "argan",
    "address": "Douar Imi Mqourn",
    "region": "09",
    "province": "09.001",
    "commune": "09.001.05.01",
    "object": "Huile d'argan",
    "capital": "15 000",
    "share_value": "100",
    "members": "24",
    "women": "24",
    "youth": "6",
    "managers": "Fadma Ait Ali (présidente); Aicha Oubella (trésorière)",
    "status": "active",
}


def csv_file(*rows: dict) -> bytes:
    lines = [HEADER]
    for row in rows:
        lines.append(",".join(f'"{row.get(column, "")}"' for column in COLUMNS))
    return "\n".join(lines).encode()


def read(*rows: dict) -> list[dict]:
    return rows_read(name="register.csv", data=csv_file(*rows))


def codes(rejected) -> list[tuple[int, str]]:
    return [(problem.row, problem.code) for problem in rejected.value.problems]


def test_a_valid_file_adds_cooperatives_with_their_history():
    staff = user_make(is_staff=True)
    union = {**ROW, "kind": "union", "local_number": "U-12", "name_ar": "اتحاد سوس"}
    member = {**ROW, "union_court": "Agadir", "union_number": "U-12"}
    result = register_rows_save(rows=read(member, union), user=staff, reason="test")
    assert result.counts == {"created": 2, "updated": 0, "unchanged": 0}
    cooperative = Cooperative.objects.get(court="Agadir", local_number="2019/145")
    assert cooperative.union.kind == Kind.UNION
    assert cooperative.capital == 15000
    assert cooperative.commune_id == "09.001.05.01"
    assert cooperative.managers[0] == {"name": "Fadma Ait Ali", "role": "présidente"}
    record = cooperative.history.get()
    assert record.history_type == "+"
    assert record.history_user == staff


def test_bad_rows_save_nothing_and_say_why():
    good = ROW
    bad = {
        **ROW,
        "local_number": "7",
        "sector": "gold",
        "women": "30",
        "registered_on": "31/02/2019",
        "capital": "12,5",
    }
    duplicate = {**ROW}
    elsewhere = {**ROW, "local_number": "8", "province": "07.351"}
    nameless = {**ROW, "local_number": "9", "name_ar": "", "name_latin": "", "name_tfng": ""}
    orphan = {**ROW, "local_number": "10", "union_court": "Agadir", "union_number": "404"}
    with pytest.raises(RowsRejectedError) as rejected:
        register_rows_save(rows=read(good, bad, duplicate, elsewhere, nameless, orphan))
    assert set(codes(rejected)) == {
        (3, "unknown_sector"),
        (3, "women_above_members"),
        (3, "bad_date"),
        (3, "not_a_number"),
        (4, "duplicate_number"),
        (5, "commune_not_in_province"),
        (5, "province_not_in_region"),
        (6, "missing_name"),
        (7, "unknown_union"),
    }
    assert not Cooperative.objects.exists()
    message = str(rejected.value.problems[0].message)
    assert "gold" in message or "30" in message or "2019" in message or "12,5" in message


def test_places_must_agree_and_codes_must_exist():
    rows = read(
        {**ROW, "local_number": "1", "region": "07", "commune": ""},
        {**ROW, "local_number": "2", "commune": "99.999.99.99"},
        {**ROW, "local_number": "3", "region": "13", "province": "", "commune": ""},
    )
    with pytest.raises(RowsRejectedError) as rejected:
        register_rows_save(rows=rows)
    assert codes(rejected) == [
        (2, "province_not_in_region"),
        (3, "unknown_commune"),
        (4, "unknown_region"),
    ]


def test_a_commune_alone_gives_its_province_and_region():
    register_rows_save(rows=read({**ROW, "region": "", "province": ""}))
    cooperative = Cooperative.objects.get()
    assert (cooperative.region_id, cooperative.province_id) == ("09", "09.001")


def test_a_re_import_updates_by_court_and_number_and_keeps_the_history():
    first = user_make(is_staff=True)
    second = user_make(is_staff=True)
    register_rows_save(rows=read(ROW), user=first)
    same_number_other_court = {**ROW, "court": "Taroudant", "members": "9", "women": "9"}
    changed = {**ROW, "members": "30", "status": "liquidation", "status_changed_on": "2024-01-05"}
    result = register_rows_save(rows=read(changed, same_number_other_court), user=second)
    assert result.counts == {"created": 1, "updated": 1, "unchanged": 0}
    cooperative = Cooperative.objects.get(court="Agadir", local_number="2019/145")
    assert (cooperative.members_count, cooperative.status) == (30, Status.LIQUIDATION)
    history = list(cooperative.history.order_by("history_date"))
    assert [(h.members_count, h.history_user) for h in history] == [(24, first), (30, second)]
    again = register_rows_save(rows=read(changed), user=second)
    assert again.counts == {"created": 0, "updated": 0, "unchanged": 1}
    assert cooperative.history.count() == 2


def test_a_cooperative_can_leave_its_union_and_a_union_cannot_join_one():
    union = cooperative_make(kind=Kind.UNION, court="Agadir", local_number="U-1")
    cooperative_make(court="Agadir", local_number="2019/145", union=union)
    register_rows_save(rows=read(ROW))
    assert Cooperative.objects.get(local_number="2019/145").union is None
    with pytest.raises(RowsRejectedError) as rejected:
        register_rows_save(
            rows=read({**ROW, "kind": "union", "union_court": "Agadir", "union_number": "U-1"})
        )
    assert codes(rejected) == [(2, "union_in_union")]


def test_the_preview_says_what_each_row_would_do():
    cooperative_make(court="Agadir", local_number="2019/145", members_count=3)
    cooperative_make(court="Agadir", local_number="5")
    register_rows_save(rows=read({**ROW, "local_number": "6"}))
    checked, problems = rows_preview(
        rows=read(ROW, {**ROW, "local_number": "6"}, {**ROW, "local_number": "new"})
    )
    assert problems == []
    assert [row.action for row in checked] == ["update", "same", "new"]
    assert Cooperative.objects.get(local_number="2019/145").members_count == 3


def test_an_xlsx_file_with_dates_and_numbers_as_cells():
    import datetime

    book = Workbook()
    sheet = book.active
    sheet.append(["Court", "Local number", "Registered on", "Name AR", "Sector", "Region"])
    sheet.append(["Agadir", 145, datetime.datetime(2019, 3, 14), "تعاونية", "argan", 9])
    buffer = io.BytesIO()
    book.save(buffer)
    register_rows_save(rows=rows_read(name="register.xlsx", data=buffer.getvalue()))
    cooperative = Cooperative.objects.get()
    assert (cooperative.local_number, str(cooperative.registered_on)) == ("145", "2019-03-14")
    assert cooperative.region_id == "09"


def test_a_long_file_name_fits_the_history():
    register_rows_save(rows=read(ROW), reason="Import of " + "r" * 300 + ".csv")
    assert len(Cooperative.objects.get().history.get().history_change_reason) == 100


def test_a_file_without_the_number_column_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        rows_read(name="register.csv", data=b"court,name_ar\nAgadir,x\n")
    assert refused.value.code == "missing_columns"


def test_a_background_import_reports_problems_or_counts():
    staff = user_make(is_staff=True)
    bad = core_imports.import_job_create(
        kind="register",
        created_by=staff,
        file_name="r.csv",
        data=csv_file({**ROW, "sector": "gold"}),
        total=1,
    )
    core_imports.import_job_run(job_id=bad.pk)
    bad.refresh_from_db()
    assert bad.state == ImportJob.State.REJECTED
    assert bad.report["problems"][0]["code"] == "unknown_sector"
    good = core_imports.import_job_create(
        kind="register", created_by=staff, file_name="r.csv", data=csv_file(ROW), total=1
    )
    core_imports.import_job_run(job_id=good.pk)
    good.refresh_from_db()
    assert (good.state, good.report) == (
        ImportJob.State.DONE,
        {"created": 1, "updated": 0, "unchanged": 0},
    )
    assert Cooperative.objects.get().history.get().history_user == staff


@pytest.mark.django_db(transaction=True)
def test_two_imports_of_the_same_new_rows_at_once_both_succeed():
    import threading

    from django.db import connection

    from core.geography.loading import is_loaded, load_geography

    if not is_loaded():  # an earlier transactional test emptied the database
        load_geography()
    rows = read(ROW, {**ROW, "local_number": "2"})
    results, errors = [], []

    def run():
        try:
            results.append(register_rows_save(rows=rows).counts)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(r["created"] for r in results) == [0, 2]
    assert Cooperative.objects.count() == 2


def test_the_template_offered_to_staff_imports_as_it_is():
    from pathlib import Path

    template = Path(__file__).resolve().parents[1] / "static/registry_link/register-template.csv"
    result = register_rows_save(rows=rows_read(name=template.name, data=template.read_bytes()))
    assert result.counts["created"] == 2
    member = Cooperative.objects.get(local_number="2019/145")
    assert (member.union.local_number, member.name_tfng) == ("U-12", "ⵜⴰⵎⵢⴰⵡⴰⵙⵜ ⵜⵉⴼⴰⵡⵉⵏ")
