from dataclasses import dataclass

from django import template
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.translation import get_language
from wagtail.models import Page

from core.content import readable
from core.languages import LANGUAGES, Language
from core.languages import get_language as registered_language
from courses.api import page_cache_remember_in_process

register = template.Library()


@dataclass(frozen=True)
class LanguageLink:
    language: Language
    url: str
    is_current: bool


def _page_urls(page: Page, request) -> dict[str, str]:
    """The page's URL in each language it reads in, kept until the next publish."""

    def compute() -> dict[str, str]:
        # a draft translation's URL answers with the fallback, like an alias (decision 0029)
        translations = readable(page.get_translations(inclusive=True)).select_related("locale")
        return {
            translation.locale.language_code: translation.get_url(request)
            for translation in translations
        }

    return page_cache_remember_in_process("language-links", (request.get_host(), page.pk), compute)


def _view_url(request, language_code: str) -> str:
    """The same view in another language, or that language's home page."""
    path = request.get_full_path()
    translated = translate_url(path, language_code)
    return translated if translated != path else f"/{language_code}/"


@register.inclusion_tag("academy/includes/language_switcher.html", takes_context=True)
def language_switcher(context) -> dict:
    """Links to the same page in every language (Wagtail pages through their translations)."""
    request = context["request"]
    current = get_language()
    page = context.get("page")
    page_urls = _page_urls(page, request) if isinstance(page, Page) else {}
    links = [
        LanguageLink(
            language=language,
            url=page_urls.get(language.code) or _view_url(request, language.code),
            is_current=language.code == current,
        )
        for language in LANGUAGES
    ]
    return {"links": links, "current": registered_language(current)}


@register.simple_tag
def choice_icon(form, field_name: str, value) -> str:
    """The icon shown beside a choice (forms declare them in ``icons``)."""
    return getattr(form, "icons", {}).get(field_name, {}).get(str(value), "")


@register.simple_tag
def script_sample(field, value) -> str:
    """A word written in the script ``value``, as its picture (the sign-up's script choice)."""
    word, lang, direction = field.field.samples[str(value)]
    if not lang:
        return word
    return format_html('<span lang="{}" dir="{}">{}</span>', lang, direction, word)


@register.filter
def bdi_ltr(text) -> str:
    """Isolate left-to-right text (a phone number) inside a sentence of any direction."""
    return format_html('<bdi dir="ltr">{}</bdi>', text)
