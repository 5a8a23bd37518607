"""Offline at 360 × 740 in Tachelhit, with the service worker on (Chromium's default).

A learner saves the demo course (sound only) while online; offline she opens its lessons, plays
the sound-only rendition with its Tachelhit subtitles, answers the lesson's quiz and marks lessons
done; a page she did not save shows the translated offline page. Back online, the server holds
exactly what she did offline, once. Also: a phone that is full, and two learners on one phone.
Screenshots: test-artifacts/offline-*.png.
"""

import pytest

from .conftest import sign_in

pytestmark = pytest.mark.browser

COURSE = "/shi/founding-a-cooperative/"
LESSONS = (
    f"{COURSE}before-you-start/the-six-steps/",
    f"{COURSE}before-you-start/what-is-a-cooperative/",
)
UNSAVED = "/shi/search/"
AUDIO = "[data-media-player] audio.media-player__audio"


@pytest.fixture
def learners(lesson_with_video, django_user_model):
    """Two learners of the same phone, and the demo quizzes (one in the "six steps" lesson)."""
    from assessments.demo.loader import demo_assessments_load

    report = demo_assessments_load()
    make = django_user_model.objects.create_user
    first = make(phone_number="+212662100001", password="2468", first_name="Itto",
                 preferred_language="shi")  # fmt: skip
    second = make(phone_number="+212662100002", password="3579", first_name="Fadma",
                  preferred_language="shi")  # fmt: skip
    server, _sizes = lesson_with_video
    return server, report, first, second


def signed_in_page(phone, server, user):
    sign_in(phone, server, user)
    return phone.new_page()


def open_controlled(page, url: str) -> None:
    """Open ``url`` once the service worker controls the page."""
    page.goto(url)
    page.evaluate("() => navigator.serviceWorker.ready")
    if not page.evaluate("() => !!navigator.serviceWorker.controller"):
        page.reload()
    assert page.evaluate("() => !!navigator.serviceWorker.controller")


def save_course(page) -> str:
    """Tap "save", see the sizes, keep the sound-only choice, save; the label of its size."""
    widget = page.locator("[data-offline-save]")
    widget.locator("[data-save]").tap()
    widget.locator("[data-save-panel]").wait_for(state="visible")
    sizes = widget.locator("[data-size]").all_inner_texts()
    assert all(size.startswith("≈") for size in sizes), sizes
    assert widget.locator('input[value="audio"]').is_checked()
    widget.locator("[data-confirm]").tap()
    page.wait_for_function(
        "() => document.querySelector('[data-offline-save]').dataset.saved === '1'",
        timeout=60_000,
    )
    return sizes[0]


def queued(page, user, kind: str = "done") -> int:
    """How many of her rows of ``kind`` ("done", or "form" for quiz answers) wait on the phone."""
    from courses.api import learner_tag

    return page.evaluate(
        """([tag, kind]) => academyStore.mine("queue", tag).then((rows) => rows.filter((row) =>
             kind === "form" ? !!row.form : row.event && row.event.kind === kind).length)""",
        [learner_tag(user), kind],
    )


def done_lessons(user) -> set[str]:
    from courses.models import LessonProgress

    rows = LessonProgress.objects.filter(learner=user, status=LessonProgress.Status.DONE)
    return {str(key) for key in rows.values_list("lesson_key", flat=True)}


def lesson_keys() -> list[str]:
    from courses.api import LessonPage

    slugs = [path.rstrip("/").rsplit("/", 1)[1] for path in LESSONS]
    pages = LessonPage.objects.filter(slug__in=slugs, locale__language_code="shi")
    by_slug = {page.slug: str(page.translation_key) for page in pages}
    return [by_slug[slug] for slug in slugs]


def wait_for(predicate, page, timeout_ms: int = 20_000) -> None:
    for _ in range(timeout_ms // 250):
        if predicate():
            return
        page.wait_for_timeout(250)
    assert predicate()


def mark_done_offline(page) -> None:
    page.locator("form[data-lesson] button[type=submit]").tap()
    page.locator("form[data-lesson] [data-offline-note]").wait_for(state="visible")


def test_a_saved_course_works_offline_and_its_progress_arrives_once(phone, learners, shoot):
    from assessments.models import PracticeAnswer, Quiz
    from assessments.selectors import answer_keys, pool_keys
    from courses.models import ProgressEvent

    server, report, learner, _other = learners
    page = signed_in_page(phone, server, learner)
    open_controlled(page, server.url + COURSE)
    size = save_course(page)
    shoot(page, "offline-01-saved")
    assert size in page.locator("[data-offline-save] [data-status]").inner_text()

    phone.set_offline(True)
    # The lesson with the video: offline, the player turns to the saved sound-only file.
    page.goto(server.url + LESSONS[0])
    page.locator("[data-media-player] .media-player__options").wait_for(state="visible")
    page.wait_for_function(f"() => !document.querySelector({AUDIO!r}).hidden")
    page.locator(AUDIO).tap()
    page.evaluate(f"() => document.querySelector({AUDIO!r}).play()")
    page.wait_for_function(
        f"() => document.querySelector({AUDIO!r}).currentTime > 1", timeout=15_000
    )
    # This Chromium plays Opus in MP4 (as Chrome on Android): the lighter file was saved and
    # plays (decision 0046).
    played = page.evaluate(f"() => document.querySelector({AUDIO!r}).currentSrc")
    assert played.endswith("/download/audio_opus.m4a"), played
    caption = page.locator(".media-player__caption")
    caption.wait_for(state="visible", timeout=15_000)
    assert caption.inner_text() == "ⴰⵣⵓⵍ ⴼⵍⴰⵡⵏ"
    # The lesson's quiz: the answer is kept on the phone.
    question = pool_keys(Quiz.objects.get(pk=report["practice"]))[0]
    right = next(iter(answer_keys([question])[question].right))
    form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{question}"]'))
    form.locator(f'input[name^="q-"][value="{right}"]').check()
    form.locator("button[type=submit]").tap()
    form.locator("[data-offline-note]").wait_for(state="visible")
    mark_done_offline(page)
    shoot(page, "offline-02-lesson")
    page.goto(server.url + LESSONS[1])
    mark_done_offline(page)
    # A page she did not save: the offline page, in Tachelhit, listing what she saved.
    page.goto(server.url + UNSAVED)
    assert page.locator("html").get_attribute("lang") == "shi"
    assert page.locator("body[data-shell]").count() == 1
    page.locator("[data-saved-list] li").first.wait_for()
    shoot(page, "offline-03-not-saved")
    assert done_lessons(learner) == set()
    assert queued(page, learner) == 2
    assert queued(page, learner, "form") == 1

    phone.set_offline(False)
    page.goto(server.url + COURSE)
    keys = lesson_keys()
    wait_for(lambda: set(keys) <= done_lessons(learner), page)
    wait_for(lambda: PracticeAnswer.objects.filter(learner=learner).exists(), page)
    page.reload()
    page.wait_for_timeout(1000)
    assert queued(page, learner) == 0
    assert queued(page, learner, "form") == 0
    assert PracticeAnswer.objects.filter(learner=learner).count() == 1
    done_events = ProgressEvent.objects.filter(learner=learner, kind="done")
    assert sorted(str(e.lesson_key) for e in done_events) == sorted(keys)


def test_a_full_phone_says_so_and_loses_no_progress(phone, learners):
    server, _report, learner, _other = learners
    page = signed_in_page(phone, server, learner)
    open_controlled(page, server.url + COURSE)
    page.goto(server.url + LESSONS[1])  # read once online: kept among her recent pages
    page.goto(server.url + LESSONS[0])
    phone.set_offline(True)
    mark_done_offline(page)  # queued on the phone
    page.goto(server.url + LESSONS[1])
    page.evaluate(
        """() => {
          const put = IDBObjectStore.prototype.put;
          IDBObjectStore.prototype.put = function (...args) {
            if (this.name === "queue") throw new DOMException("full", "QuotaExceededError");
            return put.apply(this, args);
          };
        }"""
    )
    mark_done_offline(page)  # no room: kept in the page until sent
    assert page.locator("[data-phone-full]").is_visible()
    assert queued(page, learner) == 1
    phone.set_offline(False)  # the "online" event sends both
    wait_for(lambda: set(lesson_keys()) <= done_lessons(learner), page)

    # Saving with no room left: the message, and nothing half-saved.
    page.goto(server.url + COURSE)
    page.evaluate(
        """() => { Cache.prototype.put = () =>
             Promise.reject(new DOMException("full", "QuotaExceededError")); }"""
    )
    widget = page.locator("[data-offline-save]")
    widget.locator("[data-save]").tap()
    widget.locator("[data-confirm]").tap()
    full = page.locator("body").get_attribute("data-msg-full")
    page.wait_for_function(
        "text => document.querySelector('[data-offline-save] [data-status]').textContent === text",
        arg=full,
    )
    assert page.evaluate("() => academyStore.mine('saved', document.body.dataset.learner)") == []


def test_the_next_learner_cannot_read_the_first_ones_queue(phone, learners):
    from courses.api import learner_tag

    server, _report, first, second = learners
    page = signed_in_page(phone, server, first)
    open_controlled(page, server.url + LESSONS[0])
    phone.set_offline(True)
    mark_done_offline(page)
    with page.expect_navigation():
        page.locator("header form[data-sign-out] button").tap()  # "switch learner", offline
    assert page.locator("body[data-shell]").count() == 1
    assert page.locator("[data-saved-list] li").count() == 0
    phone.set_offline(False)

    sign_in(phone, server, second)
    page.goto(server.url + "/shi/me/offline/")
    assert page.locator("body").get_attribute("data-learner") is None  # a page for anyone
    page.goto(server.url + LESSONS[0])
    assert page.locator("body").get_attribute("data-learner") == learner_tag(second)
    page.wait_for_timeout(1000)  # her page sends her queue: only hers
    assert queued(page, first) == 1
    assert done_lessons(first) == set()
    assert done_lessons(second) == set()
    # Even sent on purpose under her session, the first learner's queue is refused.
    csrf = page.locator("body").get_attribute("data-csrf")
    sent = page.evaluate(
        "([tag, csrf]) => academyStore.flush(tag, csrf)", [learner_tag(first), csrf]
    )
    assert sent == 0
    assert queued(page, first) == 1

    sign_in(phone, server, first)  # she comes back: her queue goes out
    page.goto(server.url + COURSE)
    wait_for(lambda: lesson_keys()[0] in done_lessons(first), page)
    assert done_lessons(second) == set()


def queue_offline(page, lessons: list[str]) -> list[str]:
    """Through the page's own queue, offline: one position event a second for each lesson key."""
    return page.evaluate(
        """(lessons) => {
          const start = Date.now() - lessons.length * 1000;
          const events = lessons.map((lesson, n) => ({ id: academyStore.newId(), lesson,
            kind: "position", at: new Date(start + n * 1000).toISOString(), position: n + 1,
            duration: 3600 }));
          academyOffline.send(events);
          return events.map((event) => event.id);
        }""",
        lessons,
    )


def replay_long_queue(phone, learners, lessons: list[str]) -> tuple[object, list[str]]:
    """Queue an event per lesson key offline, come back online; the page and her event ids."""
    server, _report, learner, _other = learners
    page = signed_in_page(phone, server, learner)
    open_controlled(page, server.url + LESSONS[0])
    phone.set_offline(True)
    ids = queue_offline(page, lessons)
    wait_for(lambda: queued(page, learner, "position") == len(lessons), page)
    phone.set_offline(False)  # the "online" event (and Background Sync) send the queue
    return page, ids


def test_two_hundred_events_kept_offline_all_arrive_and_leave_the_phone(phone, learners):
    from courses.models import LessonProgress, ProgressEvent

    learner = learners[2]
    first, second = lesson_keys()
    page, ids = replay_long_queue(phone, learners, [first, second] * 100)
    wait_for(lambda: ProgressEvent.objects.filter(id__in=ids).count() == 200, page, 60_000)
    wait_for(lambda: queued(page, learner, "position") == 0, page)
    assert ProgressEvent.objects.filter(learner=learner, id__in=ids).count() == 200
    latest = LessonProgress.objects.get(learner=learner, lesson_key=second)
    assert latest.position_seconds == 200  # the last event she made, whatever the batches


def test_an_unknown_lesson_or_a_lower_limit_holds_back_no_event(phone, learners, monkeypatch):
    from uuid import uuid4

    from courses.models import ProgressEvent

    monkeypatch.setattr("courses.learner_views.MAX_EVENTS", 20)  # the phone learns it (413)
    learner = learners[2]
    first, second = lesson_keys()
    lessons = [first, second] * 30
    lessons[7] = str(uuid4())  # a lesson deleted on the server meanwhile
    page, ids = replay_long_queue(phone, learners, lessons)
    expected = set(ids) - {ids[7]}
    wait_for(lambda: ProgressEvent.objects.filter(id__in=ids).count() == 59, page, 60_000)
    wait_for(lambda: queued(page, learner, "position") == 0, page)
    stored = ProgressEvent.objects.filter(learner=learner, id__in=ids).values_list("id", flat=True)
    assert {str(event_id) for event_id in stored} == expected


FAKE_LINK = """(([type, effectiveType]) => {
  const link = new EventTarget();
  Object.assign(link, { type, effectiveType, saveData: false });
  Object.defineProperty(Navigator.prototype, "connection", { get: () => link, configurable: true });
  window.fakeLink = link;
})(%s)"""


def saved_versions(page) -> list[str]:
    return page.evaluate(
        "() => academyStore.mine('saved', document.body.dataset.learner)"
        ".then((rows) => rows.map((row) => row.version))"
    )


def saved_keys(page) -> list[str]:
    return page.evaluate(
        "() => academyStore.mine('saved', document.body.dataset.learner)"
        ".then((rows) => rows.map((row) => row.key))"
    )


def test_saves_wait_for_wifi_and_follow_the_lessons_changes(phone, learners):
    from courses.api import LessonPage

    server, _report, learner, _other = learners
    phone.add_init_script(FAKE_LINK % '["cellular", "4g"]')
    page = signed_in_page(phone, server, learner)
    open_controlled(page, server.url + LESSONS[1])
    widget = page.locator("[data-offline-save]")
    widget.locator("[data-save]").tap()
    assert widget.locator("[data-wifi]").is_checked()  # offered: the phone knows its link
    widget.locator("[data-confirm]").tap()
    assert widget.locator("[data-status]").inner_text() == widget.get_attribute("data-msg-wifi")
    assert saved_keys(page) == []
    page.evaluate("() => { fakeLink.type = 'wifi'; fakeLink.dispatchEvent(new Event('change')); }")
    key = lesson_keys()[1]
    wait_for(lambda: saved_keys(page) == [key], page)

    lesson = LessonPage.objects.get(translation_key=key, locale__language_code="shi")
    lesson.title = "ⵜⴰⵎⵙⵉⵔⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ"  # a trainer publishes a change
    lesson.save_revision().publish()

    def check_again() -> None:  # saved lessons are checked every 30 minutes: now, here
        page.evaluate(
            "() => localStorage.removeItem(`academy-checked-${document.body.dataset.learner}`)"
        )
        page.goto(server.url + COURSE)

    before = saved_versions(page)
    check_again()
    wait_for(lambda: saved_versions(page) not in ([], before), page)
    phone.set_offline(True)
    page.goto(server.url + LESSONS[1])
    assert "ⵜⴰⵎⵙⵉⵔⵜ ⵜⴰⵎⴰⵢⵏⵓⵜ" in page.locator("main h1").inner_text()
    phone.set_offline(False)
    for translation in LessonPage.objects.filter(translation_key=key):
        translation.unpublish()  # and then removes the lesson
    check_again()
    wait_for(lambda: saved_keys(page) == [], page)


def test_a_slow_link_turns_save_data_on(phone, learners):
    server, _report, learner, _other = learners
    phone.add_init_script(FAKE_LINK % '["cellular", "2g"]')
    page = signed_in_page(phone, server, learner)
    page.goto(server.url + "/shi/me/offline/")
    assert page.locator("[data-save-data-setting]").is_checked()
    page.goto(server.url + LESSONS[0])  # the cookie now asks for pictures on demand
    page.locator("[data-media-player] .media-player__options").wait_for(state="visible")
    assert page.locator(AUDIO).is_visible()  # sound only
    assert page.locator("[data-media-player] video").is_hidden()
    assert page.evaluate(f"() => document.querySelector({AUDIO!r}).paused")  # nothing plays
    page.goto(server.url + LESSONS[1])  # a lesson with a picture below the fold
    waiting = page.locator("figure.picture img[data-src]")
    assert waiting.count() == 1  # the picture waits until she scrolls to it
    waiting.scroll_into_view_if_needed()
    page.wait_for_function("() => !document.querySelector('figure.picture img[data-src]')")
