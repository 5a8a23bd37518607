"""What learner pages keep until the next publish (decision 0040): a published change shows at
once to visitors and to signed-in learners, in every language, fallback pages included; visitors'
pages carry shared-cache headers, learners' pages stay private; the CDN is told on publish."""

import gzip
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from core.languages import LANGUAGES

pytestmark = pytest.mark.django_db

LESSON = "founding-a-cooperative/before-you-start/the-six-steps/"
FALLBACK = "founding-a-cooperative/money-and-registration/bank-and-registration/"
MODULE = "founding-a-cooperative/money-and-registration/"
COURSE = "founding-a-cooperative/"
CODES = [language.code for language in LANGUAGES]


def real_translations(path: str) -> list[Page]:
    """The published translations of the page at ``path`` (not the aliases standing in)."""
    page = Page.objects.get(url_path__endswith=f"/{path}", locale__language_code="ar").specific
    return [
        translation.specific
        for translation in Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True, live=True
        ).select_related("locale")
    ]


def publish_title(page: Page, title: str) -> None:
    page.title = title
    page.save_revision().publish()


def readers() -> dict[str, Client]:
    learner = get_user_model().objects.create(phone_number="+212661000778", first_name="Itto")
    signed_in = Client()
    signed_in.force_login(learner)
    return {"visitor": Client(), "learner": signed_in}


def read_everywhere(clients: dict[str, Client], path: str) -> dict[tuple[str, str], str]:
    pages = {}
    for who, client in clients.items():
        for code in CODES:
            response = client.get(f"/{code}/{path}")
            assert response.status_code == 200, (who, code)
            pages[who, code] = response.content.decode()
    return pages


@pytest.mark.parametrize("path", [LESSON, FALLBACK], ids=["translated", "fallback"])
def test_a_published_change_shows_at_once_to_everyone_in_every_language(path):
    clients = readers()
    read_everywhere(clients, path)  # fills every cache
    read_everywhere(clients, path)
    for translation in real_translations(path):
        publish_title(translation, f"NEW-{translation.locale.language_code} {translation.title}")
    pages = read_everywhere(clients, path)
    for (who, code), html in pages.items():
        assert "NEW-" in html, (who, code)


def test_a_lesson_title_changes_on_its_course_page_at_once():
    clients = readers()
    read_everywhere(clients, COURSE)
    for translation in real_translations(FALLBACK):
        publish_title(translation, f"NEW-{translation.locale.language_code} {translation.title}")
    for (who, code), html in read_everywhere(clients, COURSE).items():
        assert "NEW-" in html, (who, code)


def test_a_visitor_s_second_read_takes_no_query(client):
    client.get(f"/shi/{FALLBACK}")
    with CaptureQueriesContext(connection) as captured:
        response = client.get(f"/shi/{FALLBACK}")
    assert response.status_code == 200
    assert len(captured) == 0


def test_a_visitor_s_page_may_be_kept_by_a_cdn(client):
    for path in (f"/ar/{LESSON}", f"/shi/{FALLBACK}", f"/ar/{COURSE}", "/ar/"):
        for _ in range(2):  # built, then from the cache
            response = client.get(path)
            directives = {part.strip() for part in response["Cache-Control"].split(",")}
            assert "public" in directives, path
            assert any(part.startswith("s-maxage=") for part in directives), path
            assert any(part.startswith("max-age=") for part in directives), path
            assert "Cookie" not in response.get("Vary", ""), path
            assert not response.cookies, path


def test_a_visitor_s_page_is_kept_compressed_for_browsers_that_accept_gzip():
    gzip_reader, plain_reader = Client(HTTP_ACCEPT_ENCODING="gzip, br"), Client()
    plain = plain_reader.get(f"/ar/{LESSON}").content
    for _ in range(2):  # built, then from the cache
        response = gzip_reader.get(f"/ar/{LESSON}")
        assert response["Content-Encoding"] == "gzip"
        assert "Accept-Encoding" in response["Vary"]
        assert gzip.decompress(response.content) == plain
        assert int(response["Content-Length"]) == len(response.content)
    again = plain_reader.get(f"/ar/{LESSON}")
    assert "Content-Encoding" not in again
    assert again.content == plain


def test_a_learner_s_page_stays_private():
    learner = readers()["learner"]
    for path in (f"/ar/{LESSON}", f"/ar/{COURSE}", "/ar/", "/ar/me/"):
        for _ in range(2):
            response = learner.get(path)
            directives = {part.strip() for part in response["Cache-Control"].split(",")}
            assert {"private", "no-store"} <= directives, path


def test_a_learner_never_gets_the_visitor_s_copy(client):
    client.get(f"/ar/{LESSON}")  # the visitor's copy is cached
    learner = readers()["learner"]
    html = learner.get(f"/ar/{LESSON}").content.decode()
    assert "data-learner=" in html
    assert 'action="/ar/signout/"' in html or "data-sign-out" in html


def test_progress_shows_the_moment_it_changes():
    from courses.progress import lesson_mark_done

    clients = readers()
    learner = clients["learner"]
    learner.get(f"/ar/{LESSON}")
    lesson = real_translations(LESSON)[0]
    user = get_user_model().objects.get(phone_number="+212661000778")
    lesson_mark_done(learner=user, lesson_key=lesson.translation_key)
    html = learner.get(f"/ar/{LESSON}").content.decode()
    assert 'class="done-badge"' in html
    assert "data-offline-queue" not in html.split('class="lesson-actions"')[1].split("</div>")[0]


def test_pages_are_built_as_usual_when_redis_is_down(settings, client):
    """Nothing answers on port 9: every cache read is a miss, pages are built each time."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        }
    }
    for path in (f"/ar/{LESSON}", f"/shi/{FALLBACK}"):
        for _ in range(2):
            response = client.get(path)
            assert response.status_code == 200, path
            assert "NEW-" not in response.content.decode()


# --- The CDN: Wagtail's frontend cache invalidation, against a real HTTP server ---------------


class _PurgeRecorder(BaseHTTPRequestHandler):
    received: list[str]

    def do_PURGE(self):
        self.received.append(self.path)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purge_endpoint(settings):
    handler = type("Recorder", (_PurgeRecorder,), {"received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_address[1]}",
        }
    }
    yield handler.received
    server.shutdown()
    server.server_close()


def test_a_publish_purges_the_page_and_its_outline_in_every_language(
    purge_endpoint, django_capture_on_commit_callbacks
):
    lesson = real_translations(FALLBACK)[0]
    with django_capture_on_commit_callbacks(execute=True):
        publish_title(lesson, f"{lesson.title} (2)")
    for code in CODES:
        for path in (FALLBACK, MODULE, COURSE):
            assert f"/{code}/{path}" in purge_endpoint, (code, path)


def test_nothing_is_purged_without_a_cdn(settings, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    lesson = real_translations(FALLBACK)[0]
    with django_capture_on_commit_callbacks(execute=True):
        publish_title(lesson, f"{lesson.title} (2)")  # no error, nothing to call


class _RolledBack(Exception):  # noqa: N818
    pass


def test_a_change_rolled_back_is_never_served(client):
    from django.db import transaction

    client.get(f"/ar/{LESSON}")
    lesson = real_translations(LESSON)[0]
    try:
        with transaction.atomic():
            publish_title(Page.objects.get(pk=lesson.pk).specific, "NEW-rolled-back")
            assert "NEW-rolled-back" in client.get(f"/ar/{LESSON}").content.decode()
            raise _RolledBack
    except _RolledBack:
        pass
    for _ in range(2):
        assert "NEW-rolled-back" not in client.get(f"/ar/{LESSON}").content.decode()
