from django import template

register = template.Library()


@register.inclusion_tag("core/charts/bar.html")
def bar_chart(chart):
    """``{% bar_chart chart %}``: draw a ``core.charts.BarChart``."""
    return {"chart": chart}


@register.inclusion_tag("core/charts/line.html")
def line_chart(chart):
    """``{% line_chart chart %}``: draw a ``core.charts.LineChart``."""
    return {"chart": chart}
