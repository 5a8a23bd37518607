"""The guarded spreadsheet reader: zip bombs, rows, columns, encodings of CSV files."""

import io
import time
import tracemalloc
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from openpyxl import Workbook

from core.spreadsheets import Limits, table_read

LIMITS = Limits(max_rows=1000)
SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<sheetData><row r="1">'
)
SHEET_END = b"</row></sheetData></worksheet>"


def xlsx(rows: list[list]) -> bytes:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def bomb(megabytes: int = 50) -> bytes:
    """A real workbook whose only sheet is one row of millions of cells, deflated to ~100 KB."""
    source = zipfile.ZipFile(io.BytesIO(xlsx([["phone"]])))
    buffer = io.BytesIO()
    cell = b"<c><v>1</v></c>"
    chunk = cell * (1024 * 1024 // len(cell))
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for member in source.infolist():
            if member.filename != SHEET:
                target.writestr(member, source.read(member))
        with target.open(SHEET, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_START)
            for _ in range(megabytes):
                sheet.write(chunk)
            sheet.write(SHEET_END)
    return buffer.getvalue()


def refusal(**kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as error:
        table_read(limits=kwargs.pop("limits", LIMITS), **kwargs)
    return error.value


def test_a_zip_bomb_is_refused_quickly_before_anything_is_unpacked():
    # given a 50 MB sheet squeezed into a small .xlsx
    data = bomb(50)
    assert len(data) < 300 * 1024
    # when it is read
    tracemalloc.start()
    started = time.monotonic()
    error = refusal(name="members.xlsx", data=data)
    elapsed = time.monotonic() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # then it is refused at once, in little memory, saying why
    assert error.code == "file_expands_too_much"
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024
    with translation.override("en"):
        assert "once unpacked" in str(error.message) % error.params


def test_a_sheet_that_expands_a_lot_is_refused_even_under_the_total_limit():
    error = refusal(name="members.xlsx", data=bomb(8))
    assert error.code == "file_expands_too_much"


def test_too_many_parts_in_the_archive_are_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for index in range(500):
            archive.writestr(f"part{index}.xml", b"<x/>")
    assert refusal(name="m.xlsx", data=buffer.getvalue()).code == "too_many_parts"


def test_an_ordinary_workbook_is_read_row_by_row_with_blank_rows_kept():
    data = xlsx([["phone", "first name"], [], ["0611223344", "Itto"], [212611223345, None]])
    assert table_read(name="m.xlsx", data=data, limits=LIMITS) == [
        ["phone", "first name"],
        [],
        ["0611223344", "Itto"],
        ["212611223345"],
    ]


def test_rows_past_the_limit_are_refused_not_cut_off():
    # a file with blank rows first used to be cut at a fixed row and imported in part
    limits = Limits(max_rows=10, max_blank_rows=5)
    rows = [["phone"], *[[] for _ in range(5)], *[[f"06112233{n:02d}"] for n in range(11)]]
    assert refusal(name="m.xlsx", data=xlsx(rows), limits=limits).code == "too_many_rows"
    csv = "\n".join(["phone", *[f"06112233{n:02d}" for n in range(11)]]).encode()
    assert refusal(name="m.csv", data=csv, limits=limits).code == "too_many_rows"
    blank = "phone\n" + "\n" * 20 + "0611223344\n"
    assert refusal(name="m.csv", data=blank.encode(), limits=limits).code == "too_many_rows"


def test_too_many_columns_are_refused():
    limits = Limits(max_rows=10, max_columns=5)
    assert refusal(name="m.xlsx", data=xlsx([list("abcdef")]), limits=limits).code == (
        "too_many_columns"
    )
    assert refusal(name="m.csv", data=b"a,b,c,d,e,f\n", limits=limits).code == "too_many_columns"


# Encodings of CSV files ------------------------------------------------------------------

ARABIC = "الهاتف;الاسم\n0611223344;فاطمة\n0611223345;عائشة الزهراء\n0611223346;يطو\n"
FRENCH = (
    "téléphone;prénom;région\n0611223344;Élodie;Fès-Meknès\n0611223345;Hélène;Béni Mellal\n"
    "0611223346;ÉMILIE;Drâa-Tafilalet\n"
)


def test_a_csv_saved_by_arabic_windows_is_read_in_arabic():
    table = table_read(name="m.csv", data=ARABIC.encode("cp1256"), limits=LIMITS)
    assert table[1] == ["0611223344", "فاطمة"]
    assert table[2] == ["0611223345", "عائشة الزهراء"]


def test_a_csv_saved_by_french_windows_keeps_its_accents():
    table = table_read(name="m.csv", data=FRENCH.encode("cp1252"), limits=LIMITS)
    assert table[0] == ["téléphone", "prénom", "région"]
    assert table[1] == ["0611223344", "Élodie", "Fès-Meknès"]
    assert table[3] == ["0611223346", "ÉMILIE", "Drâa-Tafilalet"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_csv_files_are_read_as_they_are(encoding):
    table = table_read(name="m.csv", data=(ARABIC + FRENCH).encode(encoding), limits=LIMITS)
    assert table[1] == ["0611223344", "فاطمة"]
    assert table[5] == ["0611223344", "Élodie", "Fès-Meknès"]


@pytest.mark.parametrize(
    "data",
    [
        "phone\n0611223344;Ñ\n".encode("cp1252"),  # one letter that reads well either way
        "الهاتف\nفاطمة\n".encode("iso-8859-6"),  # another Arabic code page
        "phone\nfoo\n".encode("utf-16-le"),  # UTF-16 without its byte-order mark
    ],
)
def test_a_csv_whose_letters_cannot_be_read_with_certainty_is_refused(data):
    error = refusal(name="m.csv", data=data)
    assert error.code == "unknown_encoding"
    assert "CSV UTF-8" in str(error.message)


def test_an_xlsx_export_keeps_numbers_and_dates_and_never_runs_a_formula():
    import datetime
    import io
    from decimal import Decimal

    from openpyxl import load_workbook

    from core.spreadsheets import xlsx_bytes

    data = xlsx_bytes(
        ["Name", "Amount", "Day"],
        [
            ['=HYPERLINK("http://x")', Decimal("12.50"), datetime.date(2026, 12, 7)],
            ["تعاونية", 3, None],
        ],
    )
    sheet = load_workbook(io.BytesIO(data)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Name", "Amount", "Day")
    assert rows[1][0] == '=HYPERLINK("http://x")'
    assert sheet["A2"].data_type == "s"  # stored as text: no formula runs
    assert rows[1][1] == 12.5
    assert rows[1][2].date() == datetime.date(2026, 12, 7)
    assert rows[2][:2] == ("تعاونية", 3)
