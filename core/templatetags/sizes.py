from django import template

from core.sizes import human_size

register = template.Library()


@register.filter
def data_size(size) -> str:
    """``{{ bytes|data_size }}``: "1.4 MB" with units in the reader's language."""
    return human_size(size)
