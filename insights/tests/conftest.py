import pytest
from django.core.cache import cache

from assessments.tests.conftest import demo_quizzes

__all__ = ["demo_quizzes"]


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with no cached dashboard figures (the cache outlives the database's
    rolled-back transactions)."""
    cache.clear()
    yield
    cache.clear()
