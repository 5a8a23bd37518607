"""Exports: one exporter, numbers typed as numbers, small counts suppressed, formulas defused;
and the PDF report with the national totals."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from registry_link.tests.factories import cooperative_make

from .factories import small_world, staff_make

pytestmark = pytest.mark.django_db


def sheet_rows(response) -> list[tuple]:
    workbook = load_workbook(io.BytesIO(response.content))
    return list(workbook.active.iter_rows(values_only=True))


def test_xlsx_numbers_are_numbers_and_small_counts_suppressed(client, settings):
    settings.INSIGHTS = {"SMALL_COUNT": 3}
    small_world()
    client.force_login(staff_make(national=True))
    url = reverse("insights_export", args=["learning", "xlsx"])
    rows = sheet_rows(client.get(url, {"by": "region"}))
    _header, souss, oriental, total = rows  # by learners, most first, then the total
    learners, hours = 1, 6  # the columns' places (see selectors._learning_columns)
    assert total[learners] == 6
    assert isinstance(total[learners], int)
    assert souss[learners] == 4
    assert isinstance(souss[learners], int)
    assert oriental[learners] == "<3"  # two learners: suppressed
    assert oriental[hours] == "<3"  # derived from a suppressed count
    assert isinstance(souss[hours], float)


def test_months_are_dates_in_xlsx(client):
    small_world()
    client.force_login(staff_make(national=True))
    url = reverse("insights_export", args=["learning", "xlsx"])
    _header, *lines = sheet_rows(client.get(url, {"by": "month"}))
    import datetime

    assert all(isinstance(line[0], datetime.date) for line in lines[:-1])


def test_formulas_are_neutralised(client):
    small_world()
    cooperative_make(name_ar='=HYPERLINK("http://x")', region_id="09", members_count=9)
    from insights.services import refresh_summaries

    refresh_summaries()
    client.force_login(staff_make(national=True))
    csv_text = client.get(reverse("insights_export", args=["cooperatives", "csv"])).content
    assert "'=HYPERLINK" in csv_text.decode("utf-8-sig")
    response = client.get(reverse("insights_export", args=["cooperatives", "xlsx"]))
    workbook = load_workbook(io.BytesIO(response.content))
    cells = [row[0] for row in workbook.active.iter_rows(min_row=2)]
    formula = next(cell for cell in cells if str(cell.value).startswith("=HYPERLINK"))
    assert formula.data_type == "s"  # text, never a formula


def pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_report_has_the_national_totals(client, settings):
    settings.INSIGHTS = {"SMALL_COUNT": 2}  # the small world's totals are all shown
    small_world()
    client.force_login(staff_make(national=True))
    # The national total row: learners, enrolments, completions, learners who completed,
    # certificates, hours (the Arabic text is read back without its spaces).
    for language, total in (("ar", "Total674431.5"), ("fr", "Total 6 7 4 4 3 1.5")):
        response = client.get(reverse("insights_report"), {"in": language})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        text = pdf_text(response.content)
        assert total in text.replace("المجموع", "Total"), text[:800]
    assert "Apprenants" in text


def test_the_pdf_report_suppresses_small_counts(client):
    small_world()
    client.force_login(staff_make(national=True))
    text = pdf_text(client.get(reverse("insights_report"), {"in": "fr"}).content)
    assert "6 7 <5 <5 <5 1.5" in text  # 4 completions, 4 who completed, 3 certificates
