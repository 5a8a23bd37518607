import io
import math
import subprocess
import uuid

import pytest
from pypdf import PdfReader

from assessments.models import Certificate
from assessments.pdf import certificate_pdf, masked_name
from assessments.services.certificates import (
    ALPHABET,
    certificate_code,
    certificate_issue,
    certificate_revoke,
)


@pytest.fixture
def certificate(demo_quizzes, learner):
    _practice, final = demo_quizzes
    return certificate_issue(learner=learner, course_key=final.course.translation_key)


def test_issued_once(certificate, learner):
    again = certificate_issue(learner=learner, course_key=certificate.subject_key)
    assert again.pk == certificate.pk
    assert Certificate.objects.count() == 1


def test_codes_are_unguessable():
    codes = {certificate_code() for _ in range(2000)}
    assert len(codes) == 2000
    raw = next(iter(codes)).replace("-", "")
    assert len(raw) * math.log2(len(ALPHABET)) >= 120


def test_pdf_holds_the_arabic_name_and_the_tifinagh_title(certificate):
    pdf = certificate_pdf(certificate=certificate, verify_url="https://academy.example/verify/x/")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "ⵎⴰⵎⴽ ⴰⴷ ⵜⵙⴱⴷⴷⵎ ⵜⴰⵎⵢⴰⵡⴰⵙⵜ" in text  # the course title in Tachelhit
    assert "فاطمة" in text
    assert "الزهراء" in text  # shaped glyphs map back to the name
    assert "تأسيس تعاونية" in text  # the Arabic side
    assert certificate.code in text


def test_phone_layout_is_a_narrow_page(certificate):
    pdf = certificate_pdf(certificate=certificate, verify_url="https://x/", layout="phone")
    box = PdfReader(io.BytesIO(pdf)).pages[0].mediabox
    assert box.width < box.height


def test_verify_page_valid_revoked_unknown(certificate, client):
    page = client.get(f"/verify/{certificate.code}/")
    assert page.status_code == 200
    assert b'data-status="valid"' in page.content
    assert "فاطمة".encode() not in page.content
    assert masked_name("فاطمة").encode() in page.content
    certificate_revoke(certificate=certificate, reason="Fraude à l'examen")
    page = client.get(f"/verify/{certificate.code}/")
    assert b'data-status="revoked"' in page.content
    unknown = client.get(f"/verify/{uuid.uuid4().hex}/", headers={"accept-language": "fr"})
    assert unknown.status_code == 404  # said so, not redirected to the page tree's 404
    assert b'data-status="unknown"' in unknown.content
    assert unknown["Content-Language"] == "fr"


def test_masked_name():
    assert masked_name("Itto Ait Said") == "It•• A•• S•••"


def test_download_is_for_its_owner_only(certificate, learner, other_learner, client):
    client.force_login(other_learner)
    assert client.get(f"/fr/me/certificates/{certificate.code}.pdf").status_code == 404
    client.force_login(learner)
    response = client.get(f"/fr/me/certificates/{certificate.code}.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


PDFTOPPM = ["/usr/bin/pdftoppm", "-png", "-r", "150", "-singlefile", "-f", "1", "-l", "1"]
ZBARIMG = ["/usr/bin/zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"]


@pytest.mark.parametrize("layout", ["a4", "phone"])
def test_the_qr_code_on_the_pdf_reads_back_as_the_verify_url(certificate, client, tmp_path, layout):
    """Rendered by pdftoppm (poppler-utils), read by zbarimg (zbar-tools): as a phone would."""
    client.force_login(certificate.learner)
    pdf = client.get(f"/fr/me/certificates/{certificate.code}.pdf?layout={layout}").content
    (tmp_path / "certificate.pdf").write_bytes(pdf)
    page = tmp_path / "page"
    subprocess.run([*PDFTOPPM, str(tmp_path / "certificate.pdf"), str(page)], check=True)  # noqa: S603 - fixed programs, our own files
    read = subprocess.run(  # noqa: S603 - a fixed program, our own file
        [*ZBARIMG, f"{page}.png"], check=True, capture_output=True, text=True
    )
    decoded = read.stdout.strip()
    assert decoded == f"http://testserver/verify/{certificate.code}/"
    assert client.get(decoded.removeprefix("http://testserver")).status_code == 200
