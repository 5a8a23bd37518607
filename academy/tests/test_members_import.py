"""Registering members from a CSV or XLSX file: all rows or none, with a report of what is wrong."""

import base64
import csv
import html
import io
import time

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import ngettext
from openpyxl import Workbook

from academy import imports
from academy.models import OneTimeCode, User
from academy.roles import LEADERS

pytestmark = pytest.mark.django_db

GOOD_CSV = """phone,first name,language,region,gender,birth year
06 11 22 33 44,Itto,shi,09,woman,1990
+212 7 11 22 33 45,Fadma,Tachelhit,Souss-Massa,femme,
00212611223346,Aicha,,,,
"""


def leader(phone_number: str = "+212600000101") -> User:
    user = User.objects.create_user(phone_number, "8461", first_name="Khadija")
    user.groups.add(Group.objects.get(name=LEADERS))
    return user


def csv_upload(text: str, name: str = "members.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def xlsx_bytes(rows: list[list]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def import_text(text: str, name: str = "members.csv"):
    return imports.rows_read(name=name, data=text.encode("utf-8"))


def problems_of(text: str, by: User | None = None) -> list[imports.RowProblem]:
    with pytest.raises(imports.ImportRejectedError) as rejected:
        imports.members_import(registered_by=by or leader(), rows=import_text(text))
    return rejected.value.problems


def test_a_good_file_registers_every_member_with_an_activation_code():
    # given a leader and a file with three members typed in different ways
    by = leader()
    # when she imports it
    registrations = imports.members_import(registered_by=by, rows=import_text(GOOD_CSV))
    # then all three have accounts registered by her, with the answers given
    itto, fadma, aicha = (registration.user for registration in registrations)
    assert [itto.phone_number, fadma.phone_number, aicha.phone_number] == [
        "+212611223344",
        "+212711223345",
        "+212611223346",
    ]
    assert (itto.preferred_language, itto.region, itto.gender, itto.birth_year) == (
        "shi",
        "09",
        "woman",
        1990,
    )
    assert (fadma.preferred_language, fadma.region, fadma.gender) == ("shi", "09", "woman")
    assert all(user.registered_by == by and not user.has_usable_password() for user in (itto,))
    # and each has her own six-digit activation code, stored hashed
    codes = [registration.activation_code for registration in registrations]
    assert len(set(codes)) == 3
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert OneTimeCode.objects.filter(purpose=OneTimeCode.Purpose.ACTIVATE).count() == 3
    assert not OneTimeCode.objects.filter(code_hash__in=codes).exists()


def test_french_headers_and_semicolons_are_understood():
    text = "Téléphone;Prénom;Langue;Région;Sexe;Année de naissance\n0611223344;Itto;fr;7;H;1985\n"
    (registration,) = imports.members_import(registered_by=leader(), rows=import_text(text))
    user = registration.user
    assert (user.first_name, user.preferred_language, user.region, user.gender) == (
        "Itto",
        "fr",
        "07",
        "man",
    )
    assert user.birth_year == 1985


def test_bad_rows_are_reported_by_row_and_column_and_nothing_is_imported():
    # given a file whose rows 3 and 5 are wrong (row 1 is the header)
    text = (
        "phone,first name,language,region,gender,birth year\n"
        "0611223344,Itto,shi,09,woman,1990\n"
        "0522123456,Fadma,klingon,,,\n"
        "0611223355,Aicha,ar,,,1980\n"
        "not a number,Zahra,,99,?,3000\n"
    )
    # when it is imported
    problems = problems_of(text)
    # then each problem names its row, its column (as written in the file) and a reason
    found = {(problem.row, problem.column, problem.code) for problem in problems}
    assert found == {
        (3, "phone", "landline_phone"),
        (3, "language", "unknown_language"),
        (5, "phone", "invalid_phone"),
        (5, "region", "unknown_region"),
        (5, "gender", "unknown_gender"),
        (5, "birth year", "birth_year"),
    }
    assert all(problem.message for problem in problems)
    # and not even the good rows were registered
    assert not User.objects.filter(phone_number__in=["+212611223344", "+212611223355"]).exists()
    assert not OneTimeCode.objects.filter(purpose=OneTimeCode.Purpose.ACTIVATE).exists()


def test_a_number_twice_in_the_file_is_reported_on_both_rows():
    text = "phone,first name\n0611223344,Itto\n0611223345,Fadma\n+212611223344,Aicha\n"
    problems = problems_of(text)
    assert [(problem.row, problem.code) for problem in problems] == [
        (2, "duplicate_in_file"),
        (4, "duplicate_in_file"),
    ]
    assert "4" in problems[0].message
    assert not User.objects.filter(first_name__in=["Itto", "Fadma", "Aicha"]).exists()


def test_a_number_that_already_has_an_account_is_an_error():
    User.objects.create_user("+212611223344", "8461", first_name="Already")
    problems = problems_of("phone\n0611223345\n06 11 22 33 44\n")
    assert [(problem.row, problem.code) for problem in problems] == [(3, "duplicate_phone")]
    assert not User.objects.filter(phone_number="+212611223345").exists()


def test_a_file_without_a_phone_column_is_refused_as_a_whole():
    with pytest.raises(imports.ValidationError) as error:
        import_text("first name,language\nItto,shi\n")
    assert error.value.code == "missing_phone_column"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("members.pdf", b"%PDF-1.4", "unsupported_file"),
        ("members.xlsx", b"not a spreadsheet", "unreadable_file"),
        ("members.csv", b"phone,first name\n", "empty_file"),
        ("members.csv", b"phone\n" + b"0611223344\n" * (imports.MAX_ROWS + 1), "too_many_rows"),
    ],
)
def test_files_that_cannot_be_imported_say_why(name, data, code):
    with pytest.raises(imports.ValidationError) as error:
        imports.rows_read(name=name, data=data)
    assert error.value.code == code


def test_an_xlsx_file_is_imported_too_even_with_numbers_stored_as_numbers():
    data = xlsx_bytes(
        [
            ["Phone number", "First name", "Language", "Birth year"],
            [611223344, "Itto", "ⵜⴰⵛⵍⵃⵉⵜ", 1990],
            [212711223345, "Fadma", "Français", 1979.0],
            [None, None, None, None],
        ]
    )
    rows = imports.rows_read(name="Members.XLSX", data=data)
    registrations = imports.members_import(registered_by=leader(), rows=rows)
    assert [
        (item.user.phone_number, item.user.preferred_language, item.user.birth_year)
        for item in registrations
    ] == [("+212611223344", "shi", 1990), ("+212711223345", "fr", 1979)]


def test_an_xlsx_file_with_a_bad_row_reports_its_row_number():
    data = xlsx_bytes([["téléphone", "prénom"], ["0611223344", "Itto"], ["12", "Fadma"]])
    with pytest.raises(imports.ImportRejectedError) as rejected:
        imports.members_import(
            registered_by=leader(), rows=imports.rows_read(name="m.xlsx", data=data)
        )
    assert [(p.row, p.column) for p in rejected.value.problems] == [(3, "téléphone")]
    assert not User.objects.filter(phone_number="+212611223344").exists()


def test_the_import_page_shows_the_report_translated_and_imports_nothing(client):
    client.force_login(leader())
    text = "téléphone,prénom\n0611223344,Itto\n0522123456,Fadma\n"
    response = client.post("/fr/me/members/import/", {"file": csv_upload(text)})
    assert response.status_code == 200
    with translation.override("fr"):
        expected = ngettext(
            "Nothing was imported: the file has %(count)s problem. Correct it and send it again.",
            "Nothing was imported: the file has %(count)s problems. Correct them and send the "
            "file again.",
            1,
        ) % {"count": 1}
    assert expected in html.unescape(response.content.decode())
    assert [(p.row, p.code) for p in response.context["problems"]] == [(3, "landline_phone")]
    assert not User.objects.filter(phone_number="+212611223344").exists()


def test_the_import_page_lists_the_codes_and_offers_them_as_csv(client):
    client.force_login(leader())
    response = client.post("/en/me/members/import/", {"file": csv_upload(GOOD_CSV)})
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    registrations = response.context["registrations"]
    page = response.content.decode()
    assert all(item.activation_code in page for item in registrations)
    rows = list(csv.reader(io.StringIO(base64.b64decode(response.context["codes_csv"]).decode())))
    assert rows[0] == ["\ufeffFirst name", "Phone number", "Activation code"]
    assert [row[1:] for row in rows[1:]] == [
        [item.user.phone_number, item.activation_code] for item in registrations
    ]


def test_a_csv_saved_by_arabic_windows_registers_the_names_in_arabic(client):
    client.force_login(leader())
    text = "الهاتف,الاسم\n0611223344,فاطمة\n0611223345,عائشة\n".replace("الهاتف", "phone")
    text = text.replace("الاسم", "first name")
    upload = SimpleUploadedFile("members.csv", text.encode("cp1256"), content_type="text/csv")
    response = client.post("/ar/me/members/import/", {"file": upload})
    assert response.status_code == 200
    assert sorted(
        User.objects.filter(registered_by__isnull=False).values_list("first_name", flat=True)
    ) == sorted(["فاطمة", "عائشة"])


def test_a_csv_whose_letters_cannot_be_read_with_certainty_imports_nothing(client):
    client.force_login(leader())
    data = "phone,first name\n0611223344,Ñ\n".encode("cp1252")
    upload = SimpleUploadedFile("members.csv", data, content_type="text/csv")
    response = client.post("/en/me/members/import/", {"file": upload})
    assert "CSV UTF-8" in html.unescape(response.content.decode())
    assert not User.objects.filter(phone_number="+212611223344").exists()


def test_a_zip_bomb_sent_to_the_import_page_is_refused_at_once(client):
    from core.tests.test_spreadsheets import bomb

    client.force_login(leader())
    upload = SimpleUploadedFile("members.xlsx", bomb(50))
    started = time.monotonic()
    response = client.post("/en/me/members/import/", {"file": upload})
    assert time.monotonic() - started < 5
    assert response.status_code == 200
    assert "once unpacked" in html.unescape(response.content.decode())
    assert User.objects.count() == 1


# A large file: imported in the background, with a progress bar ---------------------------


def big_csv(count: int, bad_row: int | None = None) -> str:
    lines = ["phone,first name,language"]
    for index in range(count):
        language = "klingon" if index == bad_row else "shi"
        lines.append(f"0611{index:06d},Member {index},{language}")
    return "\n".join(lines) + "\n"


def test_a_large_file_is_imported_by_a_worker_with_a_progress_page_then_codes_shown_once(
    client, django_capture_on_commit_callbacks
):
    from core import tasks
    from core.models import ImportJob

    # given a leader who sends a file above the background threshold
    client.force_login(leader())
    count = imports.BACKGROUND_FROM_ROWS + 10
    with django_capture_on_commit_callbacks() as enqueued:
        response = client.post(
            "/en/me/members/import/", {"file": csv_upload(big_csv(count))}, follow=True
        )
    # then she sees a progress page that refreshes itself, and nothing is imported yet
    job = ImportJob.objects.get()
    assert len(enqueued) == 1
    assert response.redirect_chain[-1][0] == f"/en/me/members/import/{job.uuid}/"
    assert response["Refresh"] == "3"
    page = response.content.decode()
    assert f'<progress value="0" max="{count}"' in page
    assert f"0 of {count} members" in page
    assert User.objects.filter(registered_by__isnull=False).count() == 0
    # when the worker runs the import
    tasks.import_job_run_task(job.pk)
    # then the page lists every activation code, once, and the file is no longer kept
    done = client.get(f"/en/me/members/import/{job.uuid}/")
    registrations = done.context["registrations"]
    assert len(registrations) == count
    assert all(item.activation_code in done.content.decode() for item in registrations)
    assert "Refresh" not in done
    again = client.get(f"/en/me/members/import/{job.uuid}/").content.decode()
    assert registrations[0].activation_code not in again
    assert bytes(ImportJob.objects.get().data) == b""


def test_a_large_file_with_a_bad_row_is_reported_by_the_worker_and_imports_nothing(client):
    from core import tasks
    from core.models import ImportJob

    client.force_login(leader())
    count = imports.BACKGROUND_FROM_ROWS + 10
    client.post("/fr/me/members/import/", {"file": csv_upload(big_csv(count, bad_row=40))})
    job = ImportJob.objects.get()
    tasks.import_job_run_task(job.pk)
    tasks.import_job_run_task(job.pk)  # a second delivery does nothing
    response = client.get(f"/fr/me/members/import/{job.uuid}/")
    problems = response.context["problems"]
    assert [(p["row"], p["code"]) for p in problems] == [(42, "unknown_language")]
    assert "n'est pas une langue" in problems[0]["message"]  # written in her language
    assert "klingon" in html.unescape(response.content.decode())
    assert User.objects.filter(registered_by__isnull=False).count() == 0


def test_someone_else_cannot_see_an_import(client):
    from core.models import ImportJob

    client.force_login(leader())
    client.post(
        "/en/me/members/import/",
        {"file": csv_upload(big_csv(imports.BACKGROUND_FROM_ROWS + 1))},
    )
    job = ImportJob.objects.get()
    client.force_login(leader("+212600000102"))
    assert client.get(f"/en/me/members/import/{job.uuid}/").status_code == 404
