"""The founding file (issue 12 item 4 and its permissions, item 5): capital and share rules, the
founders minimum, an unverified founder refused, the PDFs read back, the six steps in order,
staff review per region, the name approval certificate checked publicly, entering the register."""

import io
import threading

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.languages import django_languages
from project_bank.models import Project, ProjectMember
from registry_link.choices import LinkSource, LinkStatus, Role
from registry_link.founding import rules, selectors, services, steps
from registry_link.founding.pdf import certificate_pdf, document_pdf
from registry_link.models import Membership
from registry_link.models.founding import FileStatus, FoundingEvent, StepKind, StepStatus

from .factories import cooperative_make, user_make

pytestmark = pytest.mark.django_db

NAMES = [
    "Itto Ait Said",
    "Fatima Zahra Amrani",
    "Khadija Bennani",
    "Malika Ouhadi",
    "Aicha Idrissi",
]
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 200
PDF = b"%PDF-1.4\n" + b"x" * 200


def project_make(*, founders: int = 5, region: str = "09", verified: bool = True):
    users = [
        user_make(
            first_name=NAMES[i % len(NAMES)].split()[0],
            region=region,
            gender="woman",
            birth_year=1995,
            **({} if verified or i == 0 else {"phone_verified_at": None}),
        )
        for i in range(founders)
    ]
    project = Project.objects.create(name="Argan Tiznit", region=region, created_by=users[0])
    for i, user in enumerate(users):
        ProjectMember.objects.create(project=project, user=user, is_owner=i == 0)
    return project, users


def file_ready(*, founders: int = 5, region: str = "09", share_value: int = 200):
    """A complete file, not sent yet."""
    project, users = project_make(founders=founders, region=region)
    file = services.file_start(project_public_id=project.public_id, user=users[0])
    services.file_update(
        file=file,
        user=users[0],
        names=["Coopérative Tafoukt Tiznit", "تعاونية تافوكت", ""],
        share_value=share_value,
        object="Production et vente d'huile d'argan",
        sector="argan",
        address="Douar Ait Baha, Tiznit",
        region_code=region,
    )
    for i, founder in enumerate(file.founders.all()):
        services.founder_update(
            file=file,
            user=users[0],
            founder_id=founder.pk,
            full_name=NAMES[i % len(NAMES)] + (f" {i}" if i >= len(NAMES) else ""),
            id_number=f"JB{100000 + i}",
            occupation="Agricultrice",
            address="Tiznit",
            shares=2 + i,
            is_leader=i == 0,
        )
    file.refresh_from_db()
    return file, users


def reviewer_make(region: str = "09"):
    group, _created = Group.objects.get_or_create(name=f"Delegation {region}")
    group.permissions.add(
        Permission.objects.get(codename="review_foundingfile"),
        Permission.objects.get(codename="access_admin"),
    )
    staff = user_make(region=region, is_staff=True)
    staff.groups.add(group)
    return staff


def test_capital_and_share_rules():
    codes = lambda **kw: {p.code for p in rules.capital_problems(**kw)}  # noqa: E731
    assert codes(share_value=100, shares=[2, 2, 2, 2, 2]) == set()  # 1,000 MAD exactly
    assert codes(share_value=99, shares=[3] * 5) == {"share_too_small"}
    assert codes(share_value=100, shares=[1, 1, 1, 1, 1]) == {"capital_too_small"}  # 500 MAD
    assert "founder_without_share" in codes(share_value=500, shares=[0, 1, 1, 1, 1])


def test_capital_is_computed_from_every_founders_shares():
    file, _users = file_ready(share_value=200)
    assert file.shares_total == 2 + 3 + 4 + 5 + 6
    assert file.capital == 20 * 200


def test_too_few_founders_refused(settings):
    settings.COOPERATIVE_MIN_FOUNDERS = 7  # the older source's minimum: a setting
    file, users = file_ready(founders=5)
    with pytest.raises(ValidationError) as error:
        services.file_submit(file=file, user=users[0])
    assert "too_few_founders" in {e.code for e in error.value.error_list}
    settings.COOPERATIVE_MIN_FOUNDERS = 5
    services.file_submit(file=file, user=users[0])
    file.refresh_from_db()
    assert file.status == FileStatus.SUBMITTED


def test_unverified_founder_refused():
    file, users = file_ready()
    founder = users[3]
    founder.phone_verified_at = None
    founder.save()
    with pytest.raises(ValidationError) as error:
        services.file_submit(file=file, user=users[0])
    assert "founder_unverified" in {e.code for e in error.value.error_list}


def test_an_unverified_user_cannot_start_a_file():
    project, users = project_make()
    users[0].phone_verified_at = None
    users[0].save()
    with pytest.raises(ValidationError) as error:
        services.file_start(project_public_id=project.public_id, user=users[0])
    assert error.value.code == "phone_unverified"


def test_a_taken_name_is_refused_at_sending():
    cooperative_make(name_latin="Coopérative Tafoukt Tiznit", name_ar="")
    file, users = file_ready()
    assert file.name_checks[0]["verdict"] == "taken"
    with pytest.raises(ValidationError) as error:
        services.file_submit(file=file, user=users[0])
    assert "name_taken" in {e.code for e in error.value.error_list}


def test_more_than_three_names_refused():
    file, users = file_ready()
    with pytest.raises(ValidationError) as error:
        services.file_update(
            file=file, user=users[0], names=["A", "B", "C", "D"], share_value=100, object="x",
            sector="argan", address="x", region_code="09",
        )  # fmt: skip
    assert error.value.code == "too_many_names"


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("document", ["statutes", "minutes"])
def test_pdfs_contain_the_founders_and_the_capital(document):
    file, _users = file_ready(share_value=200)
    data = document_pdf(file=file, document=document)
    assert data.startswith(b"%PDF")
    text = _pdf_text(data)
    pages = PdfReader(io.BytesIO(data)).pages
    assert len(pages) >= 2  # Arabic first, then French
    for name in NAMES:
        assert name in text
    assert "4000" in text  # 20 shares × 200 MAD
    assert "JB100003" in text
    first = pages[0].extract_text()
    assert "الجمع العام" in first or "التعاونية" in first or "تعاونية" in first


def test_six_steps_no_step_skipped():
    statuses = steps.initial_statuses()
    assert list(statuses) == ["name", "statutes", "bank", "deposit", "court", "central"]
    for kind in ["statutes", "bank", "court", "central"]:
        with pytest.raises(ValidationError) as error:
            steps.transition_check(statuses, kind=kind, to=StepStatus.DONE)
        assert error.value.code == "step_skipped"
    steps.transition_check(statuses, kind="name", to=StepStatus.DONE)
    statuses |= {"name": StepStatus.DONE, "statutes": StepStatus.TODO}
    with pytest.raises(ValidationError) as error:  # the founders' document first
        steps.transition_check(statuses, kind="statutes", to=StepStatus.DONE)
    assert error.value.code == "step_document_missing"
    statuses["name"] = StepStatus.DONE
    with pytest.raises(ValidationError) as error:
        steps.transition_check(statuses, kind="name", to=StepStatus.DONE)
    assert error.value.code == "step_already_done"


def test_the_whole_way_to_the_register(outbox):
    file, users = file_ready()
    staff = reviewer_make("09")
    services.file_submit(file=file, user=users[1])
    # A step cannot be confirmed before the name is approved.
    with pytest.raises(ValidationError):
        services.step_complete(file=file, staff=staff, kind=StepKind.STATUTES)
    services.comment_add(file=file, staff=staff, part="object", text="Précisez l'objet.")
    services.name_approve(file=file, staff=staff, name="تعاونية تافوكت")
    file.refresh_from_db()
    assert file.status == FileStatus.NAME_APPROVED
    assert file.certificate_code
    assert file.steps.get(kind="name").status == StepStatus.DONE
    assert file.steps.get(kind="statutes").status == StepStatus.TODO
    # Each founder got an SMS for the change, in her language.
    assert any("تعاونية تافوكت" in m["text"] for m in outbox(to=users[2].phone_number))
    upload = SimpleUploadedFile("statuts.pdf", PDF, "application/pdf")
    services.step_document_send(file=file, user=users[0], kind=StepKind.STATUTES, upload=upload)
    with pytest.raises(ValidationError):  # court before bank and deposit: skipped steps
        services.court_registration_record(
            file=file, staff=staff, court="Tiznit", local_number="77", registered_on=None
        )
    services.step_complete(file=file, staff=staff, kind=StepKind.STATUTES)
    for kind in (StepKind.BANK, StepKind.DEPOSIT):
        upload = SimpleUploadedFile("recu.jpg", JPEG, "image/jpeg")
        services.step_document_send(file=file, user=users[0], kind=kind, upload=upload)
        services.step_complete(file=file, staff=staff, kind=kind)
    cooperative = services.court_registration_record(
        file=file,
        staff=staff,
        court="Tiznit",
        local_number="77",
        registered_on=timezone.localdate(),
    )
    assert cooperative.name_ar == "تعاونية تافوكت"
    assert cooperative.capital == file.capital
    assert cooperative.members_count == 5
    memberships = Membership.objects.filter(cooperative=cooperative)
    assert memberships.count() == 5
    assert {m.source for m in memberships} == {LinkSource.FOUNDING}
    assert {m.status for m in memberships} == {LinkStatus.CONFIRMED}
    assert memberships.get(role=Role.LEADER).user == users[0]
    services.step_complete(file=file, staff=staff, kind=StepKind.CENTRAL)
    file.refresh_from_db()
    assert file.status == FileStatus.CENTRALISED
    # Every action is logged with who and when.
    actions = list(FoundingEvent.objects.filter(file=file).values_list("action", "actor"))
    assert ("name_approved", staff.pk) in actions
    assert ("start", users[0].pk) in actions
    assert all(event.at for event in FoundingEvent.objects.filter(file=file))


def test_court_registration_rolls_back_as_a_whole():
    file, users = file_ready()
    staff = reviewer_make()
    services.file_submit(file=file, user=users[0])
    services.name_approve(file=file, staff=staff, name=file.names[0])
    for kind in (StepKind.STATUTES, StepKind.BANK, StepKind.DEPOSIT):
        upload = SimpleUploadedFile("d.png", b"\x89PNG\r\n\x1a\n" + b"0" * 50, "image/png")
        services.step_document_send(file=file, user=users[0], kind=kind, upload=upload)
        services.step_complete(file=file, staff=staff, kind=kind)
    cooperative_make(court="Tiznit", local_number="12")
    with pytest.raises(ValidationError) as error:
        services.court_registration_record(
            file=file, staff=staff, court="Tiznit", local_number="12", registered_on=None
        )
    assert error.value.code == "court_number_taken"
    assert file.steps.get(kind="court").status == StepStatus.TODO
    assert not Membership.objects.filter(user=users[0]).exists()


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("statuts.pdf", b"<html><script>alert(1)</script>", "document_type"),
        ("photo.jpg", b"GIF89a" + b"0" * 20, "document_type"),
        ("big.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024), "document_too_big"),
    ],
)
def test_documents_checked_by_their_bytes(name, data, code):
    file, users = file_ready()
    staff = reviewer_make()
    services.file_submit(file=file, user=users[0])
    services.name_approve(file=file, staff=staff, name=file.names[0])
    upload = SimpleUploadedFile(name, data, "application/pdf")
    with pytest.raises(ValidationError) as error:
        services.step_document_send(file=file, user=users[0], kind=StepKind.STATUTES, upload=upload)
    assert error.value.code == code


def test_founders_see_only_their_file(client):
    file, users = file_ready()
    other, _others = file_ready()
    client.force_login(users[0])
    assert client.get(reverse("registry_link:founding", args=[file.public_id])).status_code == 200
    for url in (
        reverse("registry_link:founding", args=[other.public_id]),
        reverse("registry_link:founding_pdf", args=[other.public_id, "statutes"]),
    ):
        assert client.get(url).status_code == 404
    founder = other.founders.first()
    response = client.post(
        reverse("registry_link:founding_founder", args=[other.public_id, founder.pk]),
        {
            f"f{founder.pk}-full_name": "X",
            f"f{founder.pk}-id_number": "A1",
            f"f{founder.pk}-shares": 1,
        },
    )
    assert response.status_code == 404
    # Another file's founder id typed into her own file's address changes nothing.
    client.post(
        reverse("registry_link:founding_founder", args=[file.public_id, founder.pk]),
        {
            f"f{founder.pk}-full_name": "Intruder",
            f"f{founder.pk}-id_number": "A1",
            f"f{founder.pk}-shares": 1,
        },
    )
    founder.refresh_from_db()
    assert founder.full_name != "Intruder"


def test_regional_staff_see_their_regions_queue(client):
    file, users = file_ready(region="09")
    services.file_submit(file=file, user=users[0])
    souss, oriental = reviewer_make("09"), reviewer_make("02")
    assert list(selectors.review_queue(user=souss)) == [file]
    assert list(selectors.review_queue(user=oriental)) == []
    with pytest.raises(PermissionDenied):
        services.name_approve(file=file, staff=oriental, name=file.names[0])
    plain_staff = user_make(is_staff=True, region="09")  # no review permission
    assert not selectors.is_reviewer(plain_staff)
    client.force_login(oriental)
    url = reverse("registry_link_founding_review", args=[file.public_id])
    assert client.get(url, follow=True).status_code == 404  # (a 404 is sent to /ar/…, then 404)
    client.force_login(souss)
    response = client.get(reverse("registry_link_founding_queue"))
    assert response.status_code == 200
    assert str(file.public_id) in response.content.decode()
    response = client.post(url, {"action": "comment", "part": "names", "text": "Plus court ?"})
    assert response.status_code == 302
    response = client.post(url, {"action": "changes"})
    file.refresh_from_db()
    assert file.status == FileStatus.CHANGES
    assert file.comments.get().part == "names"


def test_name_approval_certificate_verified_publicly(client):
    file, users = file_ready()
    staff = reviewer_make()
    services.file_submit(file=file, user=users[0])
    services.name_approve(file=file, staff=staff, name=file.names[1])
    file.refresh_from_db()
    client.force_login(users[2])
    response = client.get(reverse("registry_link:founding_certificate", args=[file.public_id]))
    assert response.status_code == 200
    text = _pdf_text(response.content)
    assert file.certificate_code in text
    assert "/founding/verify/" in text  # the QR code's address, printed too
    client.logout()
    response = client.get(
        reverse("registry_link:founding_verify", args=[file.certificate_code.lower()])
    )
    assert b'data-status="valid"' in response.content
    assert "تعاونية تافوكت".encode() in response.content
    assert b"JB100" not in response.content
    assert b"Itto" not in response.content
    response = client.get(reverse("registry_link:founding_verify", args=["NOPE"]))
    assert b'data-status="unknown"' in response.content


def test_certificate_pdf_made_directly():
    file, users = file_ready()
    services.file_submit(file=file, user=users[0])
    services.name_approve(file=file, staff=reviewer_make(), name=file.names[0])
    file.refresh_from_db()
    text = _pdf_text(certificate_pdf(file=file, verify_url="https://example.org/v/X/"))
    assert "Coopérative Tafoukt Tiznit" in text
    assert "Itto Ait Said" in text


@pytest.mark.django_db(transaction=True)
def test_two_reviewers_approve_at_once_one_wins(geography):
    file, users = file_ready()
    services.file_submit(file=file, user=users[0])
    first, second = reviewer_make(), reviewer_make()
    results = []

    def approve(staff, name):
        try:
            services.name_approve(file=file, staff=staff, name=name)
            results.append("ok")
        except ValidationError as error:
            results.append(error.code)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=approve, args=(first, file.names[0])),
        threading.Thread(target=approve, args=(second, file.names[1])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["not_submitted", "ok"]
    file.refresh_from_db()
    assert FoundingEvent.objects.filter(file=file, action="name_approved").count() == 1


def test_a_sent_file_is_no_longer_edited_by_founders():
    file, users = file_ready()
    services.file_submit(file=file, user=users[0])
    with pytest.raises(ValidationError) as error:
        services.founder_update(
            file=file, user=users[1], founder_id=file.founders.first().pk, full_name="X",
            id_number="A1", occupation="", address="", shares=50, is_leader=False,
        )  # fmt: skip
    assert error.value.code == "file_not_editable"
    services.changes_ask(file=file, staff=reviewer_make())
    file.refresh_from_db()
    assert file.is_editable  # changes asked: the founders edit and send again
    services.file_submit(file=file, user=users[0])


def test_documents_served_only_to_founders_and_regional_staff(client):
    file, users = file_ready()
    staff = reviewer_make("09")
    services.file_submit(file=file, user=users[0])
    services.name_approve(file=file, staff=staff, name=file.names[0])
    client.force_login(users[1])
    send = reverse("registry_link:founding_document_send", args=[file.public_id, "statutes"])
    # A PDF named .png is read as what it is; an HTML page named .pdf is refused.
    client.post(send, {"document": SimpleUploadedFile("x.pdf", b"<html>", "application/pdf")})
    assert file.steps.get(kind="statutes").status == StepStatus.TODO
    client.post(send, {"document": SimpleUploadedFile("scan.png", PDF, "image/png")})
    assert file.steps.get(kind="statutes").status == StepStatus.SENT
    url = reverse("registry_link:founding_document", args=[file.public_id, "statutes"])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert response.content == PDF
    client.force_login(reviewer_make("02"))  # another region's delegate
    assert client.get(url, follow=True).status_code == 404
    client.force_login(user_make())  # a stranger
    assert client.get(url, follow=True).status_code == 404
    client.force_login(staff)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("language", [code for code, _name in django_languages()])
def test_the_file_page_in_every_language(client, language):
    file, users = file_ready()
    client.force_login(users[0])
    response = client.get(f"/{language}/founding/{file.public_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert html.count("data-step=") == 6
    assert html.count("data-listen") == 6  # the spoken help's button on every step


def test_staff_record_the_court_number_in_the_admin(client, outbox):
    file, users = file_ready()
    staff = reviewer_make("09")
    services.file_submit(file=file, user=users[0])
    client.force_login(staff)
    url = reverse("registry_link_founding_review", args=[file.public_id])
    client.post(url, {"action": "approve", "name": file.names[0]})
    for kind in (StepKind.STATUTES, StepKind.BANK, StepKind.DEPOSIT):
        upload = SimpleUploadedFile("d.jpg", JPEG, "image/jpeg")
        services.step_document_send(file=file, user=users[0], kind=kind, upload=upload)
        client.post(url, {"action": "step_done", "kind": kind})
    response = client.post(
        url,
        {
            "action": "court",
            "court": "Tiznit",
            "local_number": "2026/41",
            "registered_on": "2026-12-01",
        },
    )
    assert response.status_code == 302
    file.refresh_from_db()
    assert file.status == FileStatus.REGISTERED
    assert file.cooperative.registration == "2026/41 · Tiznit"
    assert file.cooperative.memberships.filter(role=Role.LEADER).get().user == users[0]
    page = client.get(url).content.decode()
    assert "registered" in page  # the history lists the action, its actor and time
    texts = [m["text"] for m in outbox(to=users[4].phone_number)]
    assert len(texts) >= 6  # sent, name approved, each step, registered
