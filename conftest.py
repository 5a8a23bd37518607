"""Fixtures shared by every test.

The demo academy is loaded once into the test database, so every database test starts from it
(each test's changes are rolled back). Transactional tests (live server, browser, real worker)
commit; pytest-django runs them after the others. With PostgreSQL each one ends by putting back
the rows the session loaded (tests/database_snapshot.py), so the next starts from them too; with
SQLite each ends with a flush, and the next loads what it needs again.
"""

import os

import pytest

# Playwright's sync API runs an event loop in the test thread; Django's live server is safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from core.geography.loading import is_loaded, load_geography
    from courses.api import load_demo_academy
    from tests import database_snapshot

    with django_db_blocker.unblock():
        if not is_loaded():  # a reused database that a transactional test emptied
            load_geography()
        load_demo_academy()
        snapshot = database_snapshot.take()
    if snapshot is None:
        yield
        return
    with database_snapshot.restoring_after_transactional_tests(snapshot):
        yield


@pytest.fixture
def demo_academy(db):
    """The demo academy, as loaded for the session."""
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def live_demo_academy(transactional_db, live_server):
    """The demo academy served by a live server (for browser tests).

    With SQLite an earlier transactional test may have emptied the database: the loader recreates
    whatever the academy needs (locales, the root of the page tree, the site) before the demo
    itself. With PostgreSQL the test starts from the session's rows, the demo included.
    """
    from core.geography.loading import is_loaded, load_geography
    from courses.api import load_demo_academy
    from tests import database_snapshot

    if database_snapshot.taken():
        return live_server
    if not is_loaded():  # the geography comes with a migration; a flush empties it
        load_geography()
    load_demo_academy()
    return live_server


@pytest.fixture
def geography(transactional_db):
    """Regions, provinces and communes for a test that commits: an earlier one may have emptied
    the database (a flush takes the geography loaded by the migration with it)."""
    from core.geography.loading import is_loaded, load_geography
    from tests import database_snapshot

    if not database_snapshot.taken() and not is_loaded():
        load_geography()


@pytest.fixture
def outbox(settings, tmp_path):
    """The SMS sent so far as ``{"to", "text", "at"}`` dicts; ``to`` keeps one number's.

    A database test's transaction never commits, so what it asked to send is published first.
    """
    import json

    from core import outbox as task_outbox

    settings.SMS_FILE_PATH = tmp_path / "outbox.jsonl"

    def messages(to: str | None = None) -> list[dict]:
        task_outbox.relay()
        if not settings.SMS_FILE_PATH.exists():
            return []
        lines = settings.SMS_FILE_PATH.read_text(encoding="utf-8").splitlines()
        return [m for m in map(json.loads, lines) if to is None or m["to"] == to]

    return messages


@pytest.fixture
def media_served(settings):
    """The project's URLs as a deployment with SERVE_MEDIA sees them (/media/ served)."""
    import importlib

    from django.urls import clear_url_caches

    import academy.urls

    settings.SERVE_MEDIA = True
    importlib.reload(academy.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(academy.urls)
    clear_url_caches()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """Each test starts a new content generation: pages cached by an earlier test (whose rows
    were rolled back) are never served to this one (docs/decisions/0040)."""
    from courses.page_cache import reset

    reset()
