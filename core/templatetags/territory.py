from django import template

register = template.Library()


@register.inclusion_tag("core/territory_map.html", takes_context=True)
def territory_map(context, map):
    """``{% territory_map map %}``: draw a ``core.geography.maps.TerritoryMap``."""
    return {"map": map, "LANGUAGE_BIDI": context.get("LANGUAGE_BIDI", False)}
