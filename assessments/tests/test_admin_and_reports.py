import re

import pytest

from assessments.models import Certificate, Quiz
from assessments.services.attempts import attempt_start, attempt_submit
from assessments.services.certificates import certificate_issue

from .helpers import right_responses


@pytest.fixture
def staff(db, django_user_model):
    return django_user_model.objects.create_superuser(phone_number="+212661999999", password="x")


def test_report_shows_question_success_and_cohort_pass_rate_and_exports_csv(
    demo_quizzes, learner, staff, client
):
    _practice, final = demo_quizzes
    attempt = attempt_start(learner=learner, quiz=final)
    attempt_submit(learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt))
    client.force_login(staff)
    page = client.get(f"/admin/assessment-reports/{final.pk}/")
    assert page.status_code == 200
    assert "رتّب الخطوات" in page.content.decode()
    csv = client.get(f"/admin/assessment-reports/{final.pk}/?format=csv").content.decode()
    assert "question,7 أعضاء" in csv
    assert "cohort,—,1,1,100" in csv


def test_learning_gain_compares_pre_and_post_tests(demo_quizzes, learner, staff, client):
    from assessments.reports import learning_gain

    _practice, final = demo_quizzes
    pre = Quiz.objects.get(kind=Quiz.Kind.PRE, course=final.course)
    post = Quiz.objects.get(kind=Quiz.Kind.POST, course=final.course)
    assert learning_gain(final.course.translation_key) == (0, 0.0, 0.0)
    first = attempt_start(learner=learner, quiz=pre)
    attempt_submit(learner=learner, attempt_id=first.pk, responses={})
    second = attempt_start(learner=learner, quiz=post)
    attempt_submit(learner=learner, attempt_id=second.pk, responses=right_responses(second))
    assert learning_gain(final.course.translation_key) == (1, 0.0, 1.0)
    # the course report shows it, not only each test's report (issue 19, item 10)
    client.force_login(staff)
    index = client.get("/admin/assessment-reports/").content.decode()
    assert 'data-learning-gain="100"' in index
    assert final.course.title in index


def test_staff_revoke_a_certificate_with_a_reason_in_the_admin(
    demo_quizzes, learner, staff, client
):
    _practice, final = demo_quizzes
    certificate = certificate_issue(learner=learner, course_key=final.course.translation_key)
    client.force_login(staff)
    url = f"/admin/snippets/assessments/certificate/edit/{certificate.pk}/"
    assert client.get(url).status_code == 200
    client.post(url, {"revoked_reason": "Identité usurpée", "revoke": "on"})
    certificate = Certificate.objects.get(pk=certificate.pk)
    assert certificate.revoked_at is not None
    assert certificate.revoked_reason == "Identité usurpée"


def test_snippet_admin_lists_questions(demo_quizzes, staff, client):
    client.force_login(staff)
    assert client.get("/admin/snippets/assessments/question/").status_code == 200
    assert client.get("/admin/snippets/assessments/quiz/").status_code == 200


def test_a_learner_who_finished_rates_the_course_and_trainers_see_it(
    demo_quizzes, learner, other_learner, staff, client
):
    _practice, final = demo_quizzes
    certificate = certificate_issue(learner=learner, course_key=final.course.translation_key)
    client.force_login(learner)
    url = f"/fr/me/certificates/{certificate.code}/evaluation/"
    answer = {"satisfaction": "5", "useful": "yes", "comment": "مفيد بزاف"}
    page = client.post(url, answer).content.decode()
    assert "data-saved" in page, page[page.find("<main") :][:600]
    client.post(url, {**answer, "satisfaction": "4"})  # answering again replaces
    client.force_login(other_learner)
    assert client.post(url, answer).status_code == 404
    client.force_login(staff)
    report = client.get(f"/admin/assessment-reports/{final.pk}/").content.decode()
    assert "مفيد بزاف" in report
    assert re.search(r"satisfaction 4[.,]0 / 5", report)


def test_a_cohort_named_like_a_formula_is_neutralised_in_the_quiz_report(
    demo_quizzes, learner, staff, client
):
    # given a learner who passed the final test in a cohort named like a spreadsheet formula
    import csv
    import io

    from django.apps import apps

    from courses.api import Enrolment

    cohort_model = apps.get_model("courses", "Cohort")

    _practice, final = demo_quizzes
    name = '=HYPERLINK("http://evil.example","x")'
    cohort = cohort_model.objects.create(name=name, owner=staff)
    Enrolment.objects.update_or_create(
        learner=learner, course_key=final.course.translation_key, defaults={"cohort": cohort}
    )
    attempt = attempt_start(learner=learner, quiz=final)
    attempt_submit(learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt))
    # when staff export the quiz report
    client.force_login(staff)
    response = client.get(f"/admin/assessment-reports/{final.pk}/?format=csv")
    # then the cohort's cell starts with a quote: a spreadsheet shows it as text, never runs it
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cohort_rows = [row for row in rows if row[0] == "cohort"]
    assert cohort_rows == [["cohort", "'" + name, "1", "1", "100"]]
    assert response.content.startswith("\ufeff".encode())
    assert "attachment" in response["Content-Disposition"]


def test_unanswered_questions_count_as_wrong_in_the_report(demo_quizzes, learner, other_learner):
    """Issue 19, item 11: attempts closed with no stored answer lowered no question's rate."""
    from assessments.selectors import question_success_rates

    _practice, final = demo_quizzes
    attempt = attempt_start(learner=learner, quiz=final)
    attempt_submit(learner=learner, attempt_id=attempt.pk, responses=right_responses(attempt))
    failed = attempt_start(learner=other_learner, quiz=final)
    attempt_submit(learner=other_learner, attempt_id=failed.pk, responses={})
    failed.refresh_from_db()
    rates = question_success_rates(final)
    asked = [*attempt.question_keys, *failed.question_keys]
    assert set(rates) == set(asked)
    for key, (count, success) in rates.items():
        assert count == asked.count(key)
        assert success == (1.0 if key in attempt.question_keys else 0.0) / count
    assert any(success < 1 for _count, success in rates.values())
