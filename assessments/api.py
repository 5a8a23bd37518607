"""What other apps may use of ``assessments``."""

from .models import Attempt, Certificate, Quiz
from .selectors import certificates_by_learner, certificates_of, learner_data, learners_certified
from .services.certificates import certificates_catch_up
from .urls import learner_urlpatterns, public_urlpatterns

__all__ = [
    "Attempt",
    "Certificate",
    "Quiz",
    "certificates_by_learner",
    "certificates_catch_up",
    "certificates_of",
    "learner_data",
    "learner_urlpatterns",
    "learners_certified",
    "public_urlpatterns",
]
