"""Load the demo academy: a real short course in Arabic, translated with wagtail-localize.

Idempotent: pages, pictures and translations that already exist are left as they are.
"""

import html
import io
import json
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import (
    LocaleSynchronization,
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.synctree import synchronize_tree

from core.languages import DEFAULT_LANGUAGE
from core.locales import locales_ensure

from ..models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .pictures import draw_picture

DATA_DIR = Path(__file__).parent
SOURCE = DEFAULT_LANGUAGE


@dataclass
class LoadReport:
    created_pages: int = 0
    created_translations: int = 0
    pages: list[Page] = field(default_factory=list)


def _read(name: str) -> dict:
    return json.loads((DATA_DIR / name).read_text(encoding="utf-8"))


def _picture(name: str) -> Image:
    if Collection.get_first_root_node() is None:  # an emptied database (transactional tests)
        Collection.add_root(name="Root")
    title = f"Demo pictogram: {name}"
    image = Image.objects.filter(title=title).first()
    if image is None:
        image = Image(title=title)
        image.file = ImageFile(io.BytesIO(draw_picture(name)), name=f"demo-{name}.png")
        image.save()
    return image


def _rich_text(paragraphs: list[str]) -> RichText:
    return RichText("".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))


def _block(block: dict, language: str) -> tuple[str, object]:
    kind = block["type"]
    if kind == "text":
        return "text", _rich_text(block["paragraphs"][language])
    if kind == "tip":
        return "tip", {"kind": block["kind"], "text": block["text"][language]}
    if kind == "key_steps":
        return "key_steps", {
            "title": block["title"][language],
            "steps": [step[language] for step in block["steps"]],
        }
    return "image", {
        "image": _picture(block["picture"]),
        "alt": block["alt"][language],
        "caption": block["caption"][language],
    }


def _strings(item: dict, language: str) -> list[str]:
    """Every translatable string of a data item, in a fixed order, in ``language``."""
    texts = [item["title"][language]]
    texts += [item[key][language] for key in ("summary", "intro") if key in item]
    for block in item.get("body", []):
        if block["type"] == "text":
            texts += block["paragraphs"][language]
        elif block["type"] == "tip":
            texts.append(block["text"][language])
        elif block["type"] == "key_steps":
            texts += [block["title"][language], *(step[language] for step in block["steps"])]
        else:
            texts += [block["alt"][language], block["caption"][language]]
    return texts


def _normalise(text: str) -> str:
    return " ".join(text.split())


def _ensure_page(report: LoadReport, parent: Page, model, item: dict, **fields) -> Page:
    existing = model.objects.child_of(parent).filter(slug=item["slug"]).first()
    if existing is not None:
        report.pages.append(existing)
        return existing
    page = model(slug=item["slug"], title=item["title"][SOURCE], **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    report.created_pages += 1
    report.pages.append(page)
    return page


def _ensure_catalogue(report: LoadReport, data: dict) -> CourseIndexPage:
    locale = Locale.objects.get(language_code=SOURCE)
    root = Page.get_first_root_node() or Page.add_root(
        instance=Page(title="Root", slug="root", locale=locale)
    )
    catalogue = CourseIndexPage.objects.filter(locale=locale, depth=2).first()
    if catalogue is None:
        catalogue = CourseIndexPage(
            slug=data["slug"],
            title=data["title"][SOURCE],
            intro=data["intro"][SOURCE],
            locale=locale,
        )
        root.add_child(instance=catalogue)
        catalogue.save_revision().publish()
        report.created_pages += 1
    _make_site_root(catalogue)
    report.pages.append(catalogue)
    return catalogue


def _make_site_root(catalogue: CourseIndexPage) -> None:
    """The catalogue is the site's home; Wagtail's placeholder welcome page goes."""
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "root_page": catalogue,
            "hostname": "localhost",
            "site_name": "Taawounia Academy",
        },
    )
    Page.objects.filter(
        depth=2, content_type__app_label="wagtailcore", content_type__model="page"
    ).delete()


def _build_source_tree(report: LoadReport) -> list[tuple[Page, dict]]:
    catalogue_data, course_data = _read("catalogue.json"), _read("demo_course.json")
    catalogue = _ensure_catalogue(report, catalogue_data)
    course_item = course_data["course"]
    course = _ensure_page(
        report,
        catalogue,
        CoursePage,
        course_item,
        summary=course_item["summary"][SOURCE],
        level=course_item["level"],
        duration_minutes=course_item["duration_minutes"],
        original_language=SOURCE,
    )
    if not course.sectors.exists():
        course.sectors.add(*course_item["sectors"])
        course.save_revision().publish()
    pairs = [(catalogue, catalogue_data), (course, course_item)]
    for module_item in course_data["modules"]:
        module = _ensure_page(
            report, course, ModulePage, module_item, intro=module_item["intro"][SOURCE]
        )
        pairs.append((module, module_item))
        for lesson_item in module_item["lessons"]:
            lesson = _ensure_page(
                report,
                module,
                LessonPage,
                lesson_item,
                summary=lesson_item["summary"][SOURCE],
                duration_minutes=lesson_item["duration_minutes"],
                body=[_block(block, SOURCE) for block in lesson_item["body"]],
            )
            pairs.append((lesson, lesson_item))
    return pairs


def _item_languages(item: dict) -> list[str]:
    return item.get("languages") or list(item["title"])


def _translate(report: LoadReport, page: Page, item: dict, locale: Locale) -> None:
    if Page.objects.filter(
        translation_key=page.translation_key, locale=locale, alias_of__isnull=True
    ).exists():
        return
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    wanted = dict(
        zip(
            map(_normalise, _strings(item, SOURCE)),
            _strings(item, locale.language_code),
            strict=True,
        )
    )
    wanted[item["slug"]] = item["slug"]  # the same path in every language
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        text = wanted.get(_normalise(html.unescape(segment.string.data)))
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": escape(text) if "<" not in text else text},
            )
    translation.save_target(publish=True)
    report.created_translations += 1


def _synchronise_trees() -> None:
    for synchronisation in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(synchronisation.sync_from, synchronisation.locale)


@transaction.atomic
def demo_academy_load() -> LoadReport:
    report = LoadReport()
    locales_ensure(locale_model=Locale, synchronization_model=LocaleSynchronization)
    pairs = _build_source_tree(report)
    _synchronise_trees()
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for page, item in pairs:
        for code in _item_languages(item):
            if code != SOURCE:
                _translate(report, page, item, locales[code])
    return report
