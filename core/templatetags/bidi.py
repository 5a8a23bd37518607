"""Isolation of text inside text of another direction (decision 0043).

``{% ui_attrs %}`` writes the ``lang`` and ``dir`` of the interface language, for a block of
interface words inside content shown in another language (a fallback). ``|ltr`` isolates a
left-to-right run (a URL, a code) in a sentence of any direction.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import get_language

from core.languages import get_language as language_info
from core.languages import is_known

register = template.Library()


@register.simple_tag
def ui_attrs() -> str:
    """The ``lang`` and ``dir`` of the interface language."""
    return lang_attrs(get_language())


@register.simple_tag
def lang_attrs(code) -> str:
    """The ``lang`` and ``dir`` of the language ``code`` (content shown in it)."""
    language = language_info(code if is_known(code) else "ar")
    return format_html(' lang="{}" dir="{}"', language.code, language.direction)


@register.filter
def ltr(text) -> str:
    return format_html('<bdi dir="ltr">{}</bdi>', text)
