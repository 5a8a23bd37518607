from assessments.tests.conftest import demo_quizzes

__all__ = ["demo_quizzes"]
