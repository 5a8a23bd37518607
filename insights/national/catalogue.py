"""Twenty courses in the eight languages, each with two modules of two required lessons, and
their tests (pre-test, course test, post-test) over five questions.

Pages are created cheaply: no revisions, published directly (``live``), each translation a page
of its locale's tree sharing the source's ``translation_key`` (as wagtail-localize writes them).
Courses already generated (slugs ``national-…``) are reused, so a second run costs nothing.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import transaction
from django.db.models import F, Q
from django.test.utils import override_settings
from django.utils import timezone
from wagtail.search.backends import get_search_backend

from core.languages import CODES, DEFAULT_LANGUAGE
from core.locales import locales_ensure
from registry_link.demo_words import tifinagh

from .sql import execute, table

SLUG = "national-{:02d}"
MODULES, LESSONS = 2, 2
QUESTIONS = 5
TOPICS = (
    ("إدارة التعاونية", "Gérer une coopérative", "Running a cooperative"),
    ("الجمع العام", "L'assemblée générale", "The general assembly"),
    ("المحاسبة البسيطة", "Comptabilité simple", "Simple bookkeeping"),
    ("تسويق المنتوجات", "Vendre ses produits", "Selling products"),
    ("زيت الأركان", "L'huile d'argan", "Argan oil"),
    ("تربية النحل", "L'apiculture", "Beekeeping"),
    ("الجودة والسلامة الصحية", "Qualité et hygiène", "Quality and hygiene"),
    ("الهاتف والتجارة الإلكترونية", "Vendre en ligne", "Selling online"),
    ("تمويل المشروع", "Financer son projet", "Funding a project"),
    ("تأسيس تعاونية", "Fonder une coopérative", "Founding a cooperative"),
    ("التعبئة والتغليف", "L'emballage", "Packaging"),
    ("الأعشاب الطبية", "Plantes aromatiques", "Aromatic plants"),
    ("النسيج والزرابي", "Tissage et tapis", "Weaving and carpets"),
    ("الزعفران", "Le safran", "Saffron"),
    ("التمور", "Les dattes", "Dates"),
    ("الماء والري", "L'eau et l'irrigation", "Water and irrigation"),
    ("الطاقة الشمسية", "L'énergie solaire", "Solar energy"),
    ("السياحة القروية", "Le tourisme rural", "Rural tourism"),
    ("حقوق وواجبات المتعاونين", "Droits et devoirs", "Rights and duties"),
    ("التصريح عن بعد", "La télédéclaration", "Filing online"),
)


# Page saves enqueue search and reference index updates, run at once by default: muted here,
# the search index is updated in bulk at the end.
_NO_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@dataclass(frozen=True)
class Course:
    position: int
    key: str  # translation key
    source_page_id: int
    duration_minutes: int
    lesson_keys: tuple[str, ...]
    titles: dict[str, str]  # language code → title
    quizzes: dict[str, int]  # quiz kind → id
    question_keys: tuple[str, ...]


def title_in(topic: tuple[str, str, str], language: str) -> str:
    arabic, french, english = topic
    return {
        "ar": arabic,
        "ary": arabic,
        "fr": french,
        "en": english,
        "rif": french,
    }.get(language, tifinagh(french))


def _model(name: str):
    return apps.get_model(name)


def _locales() -> dict:
    locale_model = _model("wagtailcore.Locale")
    locales_ensure(
        locale_model=locale_model,
        synchronization_model=_model("wagtail_localize.LocaleSynchronization"),
    )
    return {locale.language_code: locale for locale in locale_model.objects.all()}


def _catalogues(locales: dict) -> dict:
    """The course index of each locale (the Arabic one made if there is none)."""
    index_model, page_model = _model("courses.CourseIndexPage"), _model("wagtailcore.Page")
    source = index_model.objects.filter(locale=locales[DEFAULT_LANGUAGE], depth=2).first()
    if source is None:
        source = index_model(slug="academy", title="الأكاديمية", locale=locales["ar"])
        page_model.get_first_root_node().add_child(instance=source)
    found = {DEFAULT_LANGUAGE: source}
    for code in CODES:
        found[code] = index_model.objects.filter(
            translation_key=source.translation_key, locale=locales[code]
        ).first() or _translation(source, page_model.get_first_root_node(), locales[code],
                                  index_model, title=source.title, intro="")  # fmt: skip
    return found


def _translation(source, parent, locale, model, **fields):
    page = model(
        slug=f"{source.slug}-{locale.language_code}",  # siblings under the root: one slug each
        locale=locale,
        translation_key=source.translation_key,
        live=True,
        first_published_at=timezone.now(),
        last_published_at=timezone.now(),
        **fields,
    )
    parent.add_child(instance=page)
    return page


def _source_tree(position: int, topic, catalogue, locale):
    """One course, its modules and lessons, in Arabic (through treebeard: the paths are right)."""
    course_model = _model("courses.CoursePage")
    module_model, lesson_model = _model("courses.ModulePage"), _model("courses.LessonPage")
    minutes = [5 + (position * 3 + lesson * 4) % 11 for lesson in range(MODULES * LESSONS)]
    title = title_in(topic, DEFAULT_LANGUAGE)
    course = _page(course_model, catalogue, locale, SLUG.format(position), title=title,
                   summary=title, level="beginner", duration_minutes=sum(minutes),
                   original_language=DEFAULT_LANGUAGE)  # fmt: skip
    for module in range(MODULES):
        module_page = _page(module_model, course, locale, f"module-{module + 1}",
                            title=f"{title} · {module + 1}", intro="")  # fmt: skip
        for lesson in range(LESSONS):
            number = module * LESSONS + lesson
            _page(lesson_model, module_page, locale, f"lesson-{number + 1}",
                  title=f"{title} · {module + 1}.{lesson + 1}",
                  duration_minutes=minutes[number], required=True)  # fmt: skip
    return course


def _page(model, parent, locale, slug: str, **fields):
    now = timezone.now()
    page = model(slug=slug, locale=locale, live=True, first_published_at=now,
                 last_published_at=now, **fields)  # fmt: skip
    parent.add_child(instance=page)
    return page


_PAGE_COPY = """INSERT INTO wagtailcore_page (path, depth, numchild, title, slug, live,
    has_unpublished_changes, url_path, seo_title, show_in_menus, search_description, expired,
    content_type_id, locked, first_published_at, last_published_at, draft_title,
    translation_key, locale_id)
SELECT %(prefix)s || substr(path, %(cut)s), depth, numchild,
       %(title)s || substr(title, %(title_cut)s), slug, true, false,
       %(url)s || substr(url_path, %(url_cut)s), '', show_in_menus, '', false, content_type_id,
       false, now(), now(), %(title)s || substr(title, %(title_cut)s), translation_key,
       %(locale)s
FROM wagtailcore_page WHERE path LIKE %(source)s ORDER BY path"""
_SPECIFIC_COPY = """INSERT INTO {table} (page_ptr_id, {columns})
SELECT n.id, {values} FROM {table} s JOIN wagtailcore_page o ON o.id = s.page_ptr_id
JOIN wagtailcore_page n ON n.path = %(prefix)s || substr(o.path, %(cut)s)
WHERE o.path LIKE %(source)s"""
_SPECIFIC = {
    "courses.CoursePage": ("summary, level, duration_minutes, original_language, cover_image_id",
                           "%(title)s, level, duration_minutes, original_language, cover_image_id"),
    "courses.ModulePage": ("intro", "intro"),
    "courses.LessonPage": ("summary, duration_minutes, body, required",
                           "summary, duration_minutes, body, required"),
}  # fmt: skip


def _next_child_path(parent) -> str:
    page_model = _model("wagtailcore.Page")
    last = (
        page_model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    step = page_model._str2int(last[-page_model.steplen :]) + 1 if last else 1
    return page_model._get_path(parent.path, parent.depth + 1, step)


def _translate_tree(course, topic, source_catalogue, catalogue, locale) -> None:
    """The Arabic course's tree copied into ``catalogue`` (one locale) in a few statements."""
    prefix = _next_child_path(catalogue)
    params = {
        "prefix": prefix,
        "cut": len(course.path) + 1,
        "source": course.path + "%",
        "title": title_in(topic, locale.language_code),
        "title_cut": len(course.title) + 1,
        "url": catalogue.url_path,
        "url_cut": len(source_catalogue.url_path) + 1,
        "locale": locale.pk,
    }
    execute(_PAGE_COPY, params)
    for label, (columns, values) in _SPECIFIC.items():
        sql = _SPECIFIC_COPY.format(table=table(label), columns=columns, values=values)
        execute(sql, params)
    _model("wagtailcore.Page").objects.filter(pk=catalogue.pk).update(numchild=F("numchild") + 1)


def _tree(position: int, topic, catalogues: dict, locales: dict):
    source = catalogues[DEFAULT_LANGUAGE]
    course = _source_tree(position, topic, source, locales[DEFAULT_LANGUAGE])
    for code in CODES:
        if code != DEFAULT_LANGUAGE:
            catalogues[code].refresh_from_db()
            _translate_tree(course, topic, source, catalogues[code], locales[code])
    return course


def _questions(position: int, locale) -> list:
    question_model, choice_model = _model("assessments.Question"), _model("assessments.Choice")
    questions = []
    for number in range(QUESTIONS):
        question = question_model.objects.create(
            kind="single", text=f"سؤال {number + 1} — {TOPICS[position - 1][0]}", locale=locale
        )
        for choice in range(3):
            choice_model.objects.create(
                question=question, text=f"جواب {choice + 1}", is_correct=choice == 0,
                locale=locale, sort_order=choice,
            )  # fmt: skip
        questions.append(question)
    return questions


def _quizzes(position: int, course, questions: list) -> dict[str, int]:
    quiz_model, item_model = _model("assessments.Quiz"), _model("assessments.QuizItem")
    quizzes = {}
    for kind, passing in (("pre", 0), ("final", 60), ("post", 0)):
        quiz = quiz_model.objects.create(title=f"{TOPICS[position - 1][1]} · {kind}", kind=kind,
                                         course=course, passing_score=passing,
                                         max_attempts=1 if passing == 0 else 3)  # fmt: skip
        item_model.objects.bulk_create(
            item_model(quiz=quiz, question=question, sort_order=order)
            for order, question in enumerate(questions)
        )
        quizzes[kind] = quiz.pk
    return quizzes


def _described(position: int, course) -> Course:
    """A course already in the database, as the generator needs it."""
    page_model, quiz_model = _model("wagtailcore.Page"), _model("assessments.Quiz")
    lessons = _model("courses.LessonPage").objects.descendant_of(course).order_by("path")
    translations = page_model.objects.filter(translation_key=course.translation_key).select_related(
        "locale"
    )
    quizzes = {q.kind: q for q in quiz_model.objects.filter(course=course).order_by("pk")}
    keys = quizzes["pre"].items.order_by("sort_order").values_list("question__translation_key",
                                                                   flat=True)  # fmt: skip
    return Course(
        position=position,
        key=str(course.translation_key),
        source_page_id=course.pk,
        duration_minutes=course.duration_minutes,
        lesson_keys=tuple(str(lesson.translation_key) for lesson in lessons),
        titles={page.locale.language_code: page.title for page in translations},
        quizzes={kind: quiz.pk for kind, quiz in quizzes.items()},
        question_keys=tuple(str(key) for key in keys),
    )


def courses_ensure(*, count: int = len(TOPICS)) -> list[Course]:
    """The generated courses (made the first time); ``count`` of them, at most twenty."""
    locales = _locales()
    course_model = _model("courses.CoursePage")
    with transaction.atomic(), override_settings(TASKS=_NO_TASKS):
        catalogues = _catalogues(locales)
        found, created = [], []
        for position in range(1, min(count, len(TOPICS)) + 1):
            course = course_model.objects.filter(
                slug=SLUG.format(position), locale=locales[DEFAULT_LANGUAGE], depth=3
            ).first()
            if course is None:
                course = _tree(position, TOPICS[position - 1], catalogues, locales)
                _quizzes(position, course, _questions(position, locales[DEFAULT_LANGUAGE]))
                created.append(course.translation_key)
            found.append(_described(position, course))
        _search_index(created)
    return found


def _search_index(course_keys: list) -> None:
    """Index the new pages of every language in bulk (one call per page type)."""
    if not course_keys:
        return
    page_model = _model("wagtailcore.Page")
    under = Q()
    for path in page_model.objects.filter(translation_key__in=course_keys).values_list(
        "path", flat=True
    ):
        under |= Q(path__startswith=path)
    backend = get_search_backend()
    for label in _SPECIFIC:
        model = _model(label)
        backend.add_bulk(model, list(model.objects.filter(under)))
