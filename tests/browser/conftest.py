"""Browser fixtures: one system Chromium per module, a fresh phone-sized context per test.

``live_demo_academy`` relies on serialized rollback: before each test, Django restores what the
migrations created (locales, their tree synchronisations, Wagtail's root page), which the flush
at the end of the previous transactional test wiped. Three things stand in its way here; the
fixtures below deal with them.
"""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 360, "height": 740}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture(scope="module")
def browser(django_db_setup, django_db_blocker):
    """The system Chromium, shared by a module's tests.

    Playwright's sync API leaves its asyncio loop marked as running in the test thread, so
    Django (through asgiref's Local) would hand the tests a second database connection, one
    without the serialized data to restore: keep the tests on the connections Django set up.
    """
    from django.db import connections

    with django_db_blocker.unblock():
        originals = {alias: connections[alias] for alias in connections}
    with sync_playwright() as p:
        for alias, connection in originals.items():
            connections[alias] = connection
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module", autouse=True)
def _start_from_the_migrated_state(django_db_setup, django_db_blocker):
    """Empty the database before the module's first test, as the restore expects.

    The session's demo academy (conftest.py) is still there when the first transactional test
    starts; restoring the migrated state on top of it brings back Wagtail's welcome page as the
    default site's root (the idempotent demo loader then leaves it so), and every academy URL
    404s or shows "Welcome to your new Wagtail site!". Each later test starts from the flush of
    the one before, so this only makes the first one like the others.
    """
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("flush", interactive=False, verbosity=0, inhibit_post_migrate=True)


@pytest.fixture(scope="module", autouse=True)
def _quiet_locale_synchronisation():
    """Restoring a LocaleSynchronization fires wagtail-localize's post_save receiver (it ignores
    ``raw``), which reads its ``sync_from`` locale before that is restored. The demo loader
    synchronises the trees itself, so the receiver is not needed here."""
    from django.db.models.signals import post_save
    from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save

    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    yield
    post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


@pytest.fixture
def phone(browser):
    """A phone-sized, touch-screen browser context (JavaScript on)."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    yield context
    context.close()


@pytest.fixture
def shoot():
    """Save a full-page screenshot into test-artifacts/<name>.png."""
    ARTIFACTS.mkdir(exist_ok=True)

    def save(page, name: str) -> None:
        page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)

    return save
