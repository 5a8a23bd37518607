"""What other apps may use of ``assessments``."""

from .selectors import certificates_of, learner_data, learners_certified
from .services.certificates import certificates_catch_up
from .urls import learner_urlpatterns, public_urlpatterns

__all__ = [
    "certificates_catch_up",
    "certificates_of",
    "learner_data",
    "learners_certified",
    "learner_urlpatterns",
    "public_urlpatterns",
]
