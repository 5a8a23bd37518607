import pytest
from django.utils import timezone


@pytest.fixture
def demo_quizzes(demo_academy):
    """The demo questions, the practice quiz in "the-six-steps" and the final test."""
    from assessments.demo.loader import demo_assessments_load
    from assessments.models import Quiz

    report = demo_assessments_load(in_lesson=False)
    return Quiz.objects.get(pk=report["practice"]), Quiz.objects.get(pk=report["final"])


@pytest.fixture
def module_test(demo_quizzes):
    """The demo test of the course's first module (required, like the final test)."""
    from assessments.models import Quiz

    return Quiz.objects.get(kind=Quiz.Kind.MODULE, title="Demo: test of the first module")


@pytest.fixture
def learner(db, django_user_model):
    return django_user_model.objects.create_user(
        phone_number="+212661000001",
        password="2468",
        first_name="فاطمة",
        last_name="الزهراء",
        preferred_language="shi",
        phone_verified_at=timezone.now(),  # certificates wait for a verified number
    )


@pytest.fixture
def other_learner(db, django_user_model):
    return django_user_model.objects.create_user(
        phone_number="+212661000002", password="1357", phone_verified_at=timezone.now()
    )
