"""What the translation editor shows above wagtail-localize's own: review step, source changes."""

from django import template

from ..translation import source_changes

register = template.Library()


@register.simple_tag
def translation_source_changes(translation):
    """The source texts waiting for a translation, with those they replaced."""
    return source_changes(translation)
