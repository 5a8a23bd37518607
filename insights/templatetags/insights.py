from django import template

register = template.Library()


@register.filter
def get_cell(row: dict, key: str):
    """``row|get_cell:column.key``: one cell of a table row."""
    return row.get(key)
