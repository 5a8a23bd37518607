import io

import pytest
from django.utils import timezone
from pypdf import PdfReader

from assessments.demo.questions import LEARNING_PATH
from assessments.models import Certificate, LearningPath, LearningPathCourse
from assessments.pdf import certificate_pdf
from assessments.selectors import path_progress_of
from assessments.services.certificates import on_course_completed
from courses.api import Enrolment

SHI_COURSE = "ⵎⴰⵎⴽ ⴰⴷ ⵜⵙⴱⴷⴷⵎ ⵜⴰⵎⵢⴰⵡⴰⵙⵜ"


@pytest.fixture
def two_course_path(demo_quizzes):
    """The demo path, with a second course (a copy of the demo course's page) added to it."""
    _practice, final = demo_quizzes
    course = final.course.specific
    second = course.copy(
        recursive=False,
        update_attrs={"slug": "second-course", "title": "الدورة الثانية", "duration_minutes": 20},
    )
    for path in LearningPath.objects.all():
        LearningPathCourse.objects.create(path=path, course=second, sort_order=5)
    source = LearningPath.objects.get(title=LEARNING_PATH["title"]["ar"])
    return source, course, second


def _completed(learner, course) -> None:
    Enrolment.objects.update_or_create(
        learner=learner,
        course_key=course.translation_key,
        defaults={"completed_at": timezone.now()},
    )
    on_course_completed(sender=None, learner=learner, course_key=course.translation_key)


def test_the_last_course_of_a_path_earns_one_path_certificate(two_course_path, learner):
    path, first, second = two_course_path
    _completed(learner, second)
    assert not Certificate.objects.filter(kind=Certificate.Kind.PATH).exists()
    _completed(learner, first)
    _completed(learner, first)  # the same completion told twice: still one certificate
    certificate = Certificate.objects.get(learner=learner, kind=Certificate.Kind.PATH)
    assert certificate.subject_key == path.translation_key
    assert certificate.title == LEARNING_PATH["title"]["ary"]  # shi → zgh → ary on the chain
    assert certificate.title_ar == LEARNING_PATH["title"]["ar"]
    assert [c["title"] for c in certificate.courses] == [SHI_COURSE, "الدورة الثانية"]
    assert certificate.courses[0]["title_ar"] == "تأسيس تعاونية"
    assert certificate.duration_minutes == first.duration_minutes + 20
    assert Certificate.objects.filter(learner=learner, kind=Certificate.Kind.COURSE).count() == 2


def test_her_certificates_page_shows_her_progress_in_a_path(two_course_path, learner, client):
    _path, first, _second = two_course_path
    _completed(learner, first)
    (progress,) = path_progress_of(learner, "fr")
    assert (progress.done, progress.total, progress.certificate) == (1, 2, None)
    assert progress.title == LEARNING_PATH["title"]["fr"]
    assert progress.courses[0].done
    assert progress.courses[0].url.startswith("/fr/")
    client.force_login(learner)
    page = client.get("/fr/me/certificates/").content.decode()
    assert 'data-path-progress="1/2"' in page
    assert LEARNING_PATH["title"]["fr"] in page


def test_path_certificate_pdf_and_verify_page_name_the_path_and_its_courses(
    two_course_path, learner, client
):
    _path, first, second = two_course_path
    _completed(learner, first)
    _completed(learner, second)
    certificate = Certificate.objects.get(learner=learner, kind=Certificate.Kind.PATH)
    pdf = certificate_pdf(certificate=certificate, verify_url="https://academy.example/verify/x/")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "الدورة الثانية" in text
    assert SHI_COURSE in text
    page = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'data-kind="path"' in page
    assert "Learning path" in page
    assert page.count("data-path-course") == 2
    client.force_login(learner)
    assert client.get(f"/fr/me/certificates/{certificate.code}/evaluation/").status_code == 404


def test_learning_paths_are_in_the_admin(demo_quizzes, django_user_model, client):
    staff = django_user_model.objects.create_superuser(phone_number="+212661999998", password="x")
    client.force_login(staff)
    listing = client.get("/admin/snippets/assessments/learningpath/")
    assert listing.status_code == 200
    assert LEARNING_PATH["title"]["ar"] in listing.content.decode()
    path = LearningPath.objects.get(title=LEARNING_PATH["title"]["ar"])
    edit = client.get(f"/admin/snippets/assessments/learningpath/edit/{path.pk}/")
    assert edit.status_code == 200
