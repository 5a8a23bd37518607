"""What other apps may use of ``assessments``."""

from .selectors import certificates_of
from .urls import learner_urlpatterns, public_urlpatterns

__all__ = ["certificates_of", "learner_urlpatterns", "public_urlpatterns"]
