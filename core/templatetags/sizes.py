from django import template
from django.utils.html import format_html

from core.sizes import human_size

register = template.Library()


@register.filter
def data_size(size) -> str:
    """``{{ bytes|data_size }}``: "1.4 MB" with units in the reader's language."""
    return format_html('<bdi class="data-size">{}</bdi>', human_size(size))
