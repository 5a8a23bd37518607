"""The public register search page (the register mirror's public side)."""

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from core.geography.selectors import choices, regions
from project_bank.api import Sector

from .register_search import register_public_search

PER_PAGE = 20


class RegisterSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name or registration number"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"dir": "auto", "type": "search"}),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("All sectors")), *Sector.choices]
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("All regions")), *choices(regions())]


def register_search(request: HttpRequest) -> HttpResponse:
    """Active cooperatives by name, number, region or sector, 20 a page; nobody's personal data."""
    form = RegisterSearchForm(request.GET or None)
    filters = {}
    if form.is_bound:
        form.is_valid()
        filters = form.cleaned_data  # the valid fields only: a wrong region is just ignored
    found = register_public_search(
        query=filters.get("q", ""),
        region=filters.get("region", ""),
        sector=filters.get("sector", ""),
    )
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "registry_link/register/search.html", context)
