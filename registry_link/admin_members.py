"""Wagtail admin: ODCO staff appoint a cooperative's leader (decision 0033).

The page asks for the cooperative (court and registration number) and the leader's phone
number; ``membership.services.leader_appoint`` makes her the confirmed leader and puts her in
the "Cooperative leaders" group. Only staff holding ``registry_link.change_membership`` see it.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from academy.api import account_for_number
from core.phones import normalise_phone_number

from .membership import selectors, services
from .models import Cooperative

PERMISSION = "registry_link.change_membership"


class LeaderAppointForm(forms.Form):
    court = forms.ChoiceField(label=gettext_lazy("Court"))
    local_number = forms.CharField(label=gettext_lazy("Registration number"), max_length=40)
    phone_number = forms.CharField(
        label=gettext_lazy("The leader's phone number"),
        max_length=30,
        help_text=gettext_lazy("She must already have an account on the academy."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["court"].choices = [(court, court) for court in selectors.courts()]

    def clean(self) -> dict:
        data = super().clean()
        if self.errors:
            return data
        data["cooperative"] = Cooperative.objects.filter(
            court=data["court"], local_number=data["local_number"].strip()
        ).first()
        if data["cooperative"] is None:
            raise ValidationError(
                gettext_lazy("No cooperative has this number at this court."), code="unknown"
            )
        data["user"] = account_for_number(normalise_phone_number(data["phone_number"]))
        if data["user"] is None:
            raise ValidationError(
                gettext_lazy("No account has this phone number."), code="no_account"
            )
        return data


def leader_appoint_view(request):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    form = LeaderAppointForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        cooperative = form.cleaned_data["cooperative"]
        services.leader_appoint(
            cooperative=cooperative, user=form.cleaned_data["user"], appointed_by=request.user
        )
        messages.success(
            request,
            _("%(phone)s now leads %(cooperative)s.")
            % {"phone": form.cleaned_data["user"].phone_number, "cooperative": cooperative},
        )
        return redirect("registry_link_leader_appoint")
    context = {"form": form, "page_title": _("Appoint a cooperative leader")}
    return TemplateResponse(request, "registry_link/members/admin_appoint.html", context)


class _PermittedMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(PERMISSION)


@hooks.register("register_admin_urls")
def register_leader_appoint_url():
    return [
        path(
            "cooperative-leaders/appoint/",
            leader_appoint_view,
            name="registry_link_leader_appoint",
        )
    ]


@hooks.register("register_admin_menu_item")
def register_leader_appoint_menu_item():
    return _PermittedMenuItem(
        gettext_lazy("Appoint a cooperative leader"),
        reverse("registry_link_leader_appoint"),
        icon_name="user",
        order=272,
    )
