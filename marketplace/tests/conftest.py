import pytest


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Parler caches translations by primary key in the shared cache: a database created again
    reuses keys, so the cache left by an earlier run is emptied first."""
    from django.core.cache import cache

    cache.clear()
