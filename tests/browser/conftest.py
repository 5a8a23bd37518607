"""Browser fixtures: one system Chromium per module, a fresh phone-sized context per test.

The tests use ``live_demo_academy`` (the root conftest.py): a live server over a database that
the demo loader fills again for each test, since transactional tests empty it when they end.
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
    Django (through asgiref's Local) would hand the tests a second database connection (with
    SQLite, a second, empty in-memory database): keep the tests on the connections Django set up.
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
