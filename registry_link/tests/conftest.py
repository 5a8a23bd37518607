import pytest


@pytest.fixture
def geography(transactional_db):
    """Regions, provinces and communes for a test that commits: an earlier one may have emptied
    the database (a flush takes the geography loaded by the migration with it)."""
    from core.geography.loading import is_loaded, load_geography

    if not is_loaded():
        load_geography()
