"""What other apps may use of ``assessments``."""

from .selectors import certificates_of, learner_data
from .urls import learner_urlpatterns, public_urlpatterns

__all__ = ["certificates_of", "learner_data", "learner_urlpatterns", "public_urlpatterns"]
