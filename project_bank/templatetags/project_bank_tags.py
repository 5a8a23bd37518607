"""Template helpers of the project bank; the dashboard uses ``{% project_ideas_for_you %}`` and
``{% project_invitations_for_you %}``."""

from decimal import Decimal

from django import template
from django.utils.translation import get_language

from core.languages import fallback_chain, is_known

from ..plan import amount, label_in
from ..recommend import recommendations_for
from ..selectors import invitations_for

register = template.Library()


@register.filter
def shown_language(idea) -> str:
    return idea.shown_language(get_language())


@register.filter
def money(value) -> str:
    """A figure for reading: thousands apart by a narrow space (as plan.js writes them), no
    decimals unless it has some. Same in every language: not every locale has number formats."""
    number = Decimal(str(value or 0))
    text = f"{number:,.0f}" if number == number.to_integral_value() else f"{number:,.2f}"
    return text.replace(",", "\u202f")


@register.filter
def line_revenue(line: dict) -> str:
    """A product line's revenue per month (price × volume), for reading."""
    return money(amount(line.get("price")) * amount(line.get("volume")))


@register.filter
def figure(value) -> str:
    """A figure for an input: plain digits, ``12000`` rather than ``12000.0``."""
    if value in (None, ""):
        return ""
    number = Decimal(str(value))
    return f"{number:.0f}" if number == number.to_integral_value() else f"{number.normalize():f}"


@register.filter
def label_text(label) -> str:
    code = get_language()
    return label_in(label, code, fallback_chain(code) if is_known(code) else ())


@register.inclusion_tag("project_bank/includes/ideas_for_you.html", takes_context=True)
def project_ideas_for_you(context) -> dict:
    """Ideas linked to the courses she finished and fitting her region (nothing when none)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"recommendations": []}
    return {
        "recommendations": recommendations_for(user=user, language_code=get_language()),
        "request": request,
    }


@register.inclusion_tag("project_bank/includes/ideas_for_you.html", takes_context=True)
def project_ideas_after_course(context, course_key) -> dict:
    """For a course's completion page: ideas linked to that course and fitting her region."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not course_key:
        return {"recommendations": []}
    found = recommendations_for(user=user, language_code=get_language(), course_key=course_key)
    return {"recommendations": found, "request": request}


@register.inclusion_tag("project_bank/includes/invitations.html", takes_context=True)
def project_invitations_for_you(context) -> dict:
    """The co-founder invitations waiting for her answer, with the buttons to answer."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"invitations": []}
    return {"invitations": list(invitations_for(user)), "csrf_token": context.get("csrf_token")}
