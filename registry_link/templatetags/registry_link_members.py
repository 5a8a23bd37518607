"""The dashboard's "My cooperative" button: ``{% my_cooperative_button %}`` (one query)."""

from django import template

from ..membership.selectors import invitations_waiting

register = template.Library()


@register.inclusion_tag("registry_link/members/dashboard_button.html", takes_context=True)
def my_cooperative_button(context) -> dict:
    """The button, and a notice when a leader's invitation waits for her answer."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"invitations": invitations_waiting(user=user) if user is not None else 0}
