from django import template

from insights.tables import display_rows

register = template.Library()


@register.filter
def rows_of(table):
    """``table|rows_of``: its rows and total as ready text (``tables.display_rows``)."""
    return display_rows(table)
