"""Text inside text of another direction is isolated (decision 0043), in Tarifit and Arabic.

On a 360 × 740 phone: the quiz verdict in the interface's language inside a lesson shown in
another script, the certificates list (a course title next to its date), and a project idea
(its facts in the interface's language, its texts in the language shown). Screenshots:
test-artifacts/bidi-*.png.
"""

import pytest

from .conftest import sign_in

pytestmark = pytest.mark.browser

LESSON = "founding-a-cooperative/money-and-registration/bank-and-registration/"  # not in Tarifit
DIRECTION = {"rif": "ltr", "ar": "rtl"}


@pytest.fixture
def learners(live_demo_academy, django_user_model):
    from django.utils import timezone
    from wagtail.models import Page

    from assessments.demo.loader import demo_assessments_load
    from assessments.models import Certificate
    from project_bank.demo import demo_ideas_load

    report = demo_assessments_load()
    demo_ideas_load()
    course = Page.objects.get(locale__language_code="ar", slug="founding-a-cooperative")
    people = {}
    for index, code in enumerate(("rif", "ar")):
        user = django_user_model.objects.create_user(
            phone_number=f"+21266200010{index}", password="2468", first_name="Mimount",
            preferred_language=code, phone_verified_at=timezone.now(), reads=["Latn", "Arab"],
        )  # fmt: skip
        Certificate.objects.create(
            learner=user, subject_key=course.translation_key, code=f"TA-BIDI-{index}",
            learner_name="Mimount", language=code, title="تأسيس تعاونية", title_ar="تأسيس تعاونية",
        )  # fmt: skip
        people[code] = user
    return live_demo_academy, report, people


def _style(locator, prop: str) -> str:
    return locator.evaluate(f"(e) => getComputedStyle(e)['{prop}']")


def _quiz_verdict(page, server, code: str, report) -> None:
    """A wrong answer: the verdict reads in the interface's direction, whatever is around it."""
    from assessments.models import Quiz
    from assessments.selectors import answer_keys, pool_keys

    practice = Quiz.objects.get(pk=report["practice"])
    key = next(k for k in pool_keys(practice) if answer_keys([k])[k].kind == "picture")
    answer = answer_keys([key])[key]
    page.goto(f"{server.url}/{code}/founding-a-cooperative/before-you-start/the-six-steps/")
    form = page.locator("form.quiz-form", has=page.locator(f'fieldset[id="q-{key}"]'))
    wrong = next(c for c in answer.choices if c not in answer.right)
    form.locator(f'input[name^="q-"][value="{wrong}"]').check()
    with page.expect_navigation():
        form.locator('button[type="submit"]').tap()
    verdict = page.locator(f'form.quiz-form:has(fieldset[id="q-{key}"]) .verdict')
    assert verdict.get_attribute("lang") == code
    assert _style(verdict, "direction") == DIRECTION[code]
    quiz = page.locator("section.quiz")
    assert _style(quiz, "direction") == DIRECTION[code]
    assert _style(quiz, "unicode-bidi") == "isolate"  # dir on an element isolates it
    # The question itself keeps the direction of the language it is shown in.
    question = page.locator(f'fieldset[id="q-{key}"]')
    shown = question.get_attribute("lang")
    assert _style(question, "direction") == ("rtl" if shown in {"ar", "ary"} else "ltr")
    verdict.scroll_into_view_if_needed()


@pytest.mark.parametrize("code", ["rif", "ar"])
def test_each_piece_of_text_reads_in_its_own_direction(phone, learners, shoot, code):
    server, report, people = learners
    sign_in(phone, server, people[code])
    page = phone.new_page()

    # 1. A lesson shown in Darija (right to left) to a Tarifit reader: her interface stays LTR.
    page.goto(f"{server.url}/{code}/{LESSON}")
    article = page.locator("article.lesson")
    assert _style(article, "direction") == "rtl"  # the Darija or Arabic text shown
    assert _style(page.locator("nav.pager"), "direction") == DIRECTION[code]
    _quiz_verdict(page, server, code, report)
    shoot(page, f"bidi-{code}-01-quiz")

    # 2. Certificates: the title is isolated from its date, which stays whole and after it.
    page.goto(f"{server.url}/{code}/me/certificates/")
    card = page.locator("li.card").first
    title, date = card.locator(".card-title"), card.locator(".card-date")
    assert title.evaluate("(e) => e.tagName") == "BDI"
    assert _style(title, "unicode-bidi") == "isolate"
    assert _style(date, "unicode-bidi") == "isolate"
    # A date reads in the direction its format gives it (Arabic's carries right-to-left marks).
    assert date.evaluate("(e) => e.dir") == ""
    title_box, meta_box = title.bounding_box(), card.locator(".card-meta").bounding_box()
    assert meta_box["y"] >= title_box["y"] + title_box["height"] - 1, "the date on its own line"
    shoot(page, f"bidi-{code}-02-certificates")

    # 3. An idea: facts in the interface's language and direction; texts in the one shown.
    page.goto(f"{server.url}/{code}/ideas/")
    page.locator("main a[href*='/ideas/']").first.tap()
    page.wait_for_load_state()
    facts = page.locator("[data-facts]")
    assert facts.evaluate("(e) => e.closest('[lang]').lang") == code
    assert _style(facts, "direction") == DIRECTION[code]
    heading = page.locator("main h1")
    shown = heading.get_attribute("lang")
    assert _style(heading, "direction") == ("rtl" if shown in {"ar", "ary"} else "ltr")
    money = facts.locator("bdi[dir=ltr]").first
    assert _style(money, "unicode-bidi") == "isolate"
    shoot(page, f"bidi-{code}-03-idea")

    # 4. The header's "switch learner" says what it does, in words.
    switch = page.locator("header [data-switch-learner]")
    assert len(switch.get_attribute("aria-label")) > 20
    assert switch.get_attribute("title") == switch.get_attribute("aria-label")
    box = switch.bounding_box()
    assert box["width"] >= 44
    assert box["height"] >= 44
