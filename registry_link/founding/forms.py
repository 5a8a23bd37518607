"""Forms of the founding file (founders' side and the reviewers' actions)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import Region
from project_bank.api import Sector

from ..models.founding import Part
from .rules import SHARE_MIN as SHARE_MIN_VALUE


class FileForm(forms.Form):
    name_1 = forms.CharField(label=_("First name you propose"), max_length=200, required=False)
    name_2 = forms.CharField(label=_("Second choice"), max_length=200, required=False)
    name_3 = forms.CharField(label=_("Third choice"), max_length=200, required=False)
    object = forms.CharField(
        label=_("Object: what the cooperative will do"),
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
        required=False,
        max_length=2000,
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", "—"), *Sector.choices], required=False
    )
    address = forms.CharField(label=_("Address of the seat"), max_length=300, required=False)
    region = forms.ModelChoiceField(
        label=_("Region of the seat"), queryset=Region.objects.order_by("code"), required=False
    )
    share_value = forms.IntegerField(
        label=_("Value of one share (MAD)"),
        min_value=SHARE_MIN_VALUE,
        max_value=10_000_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
        error_messages={"min_value": _("One share must be worth at least %(limit_value)s MAD.")},
    )

    def names(self) -> list[str]:
        return [self.cleaned_data.get(f"name_{i}", "") for i in (1, 2, 3)]


class FounderForm(forms.Form):
    full_name = forms.CharField(label=_("Full name as on the identity card"), max_length=200)
    id_number = forms.RegexField(
        label=_("Identity card number (CIN)"),
        regex=r"^\s*[A-Za-z]{1,2}\s?\d{1,7}\s*$",
        max_length=20,
        error_messages={"invalid": _("A CIN is one or two letters and up to seven digits.")},
        widget=forms.TextInput(attrs={"dir": "ltr", "autocapitalize": "characters"}),
    )
    occupation = forms.CharField(label=_("Occupation"), max_length=120, required=False)
    address = forms.CharField(label=_("Address"), max_length=300, required=False)
    shares = forms.IntegerField(
        label=_("Shares"),
        min_value=1,
        max_value=100_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "dir": "ltr"}),
    )
    is_leader = forms.BooleanField(label=_("First president"), required=False)


class DocumentForm(forms.Form):
    document = forms.FileField(
        label=_("Photo or scan (PDF, JPEG or PNG)"),
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,image/jpeg,image/png"}),
    )


class CommentForm(forms.Form):
    part = forms.ChoiceField(label=_("Part"), choices=Part.choices)
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}))


class CourtForm(forms.Form):
    court = forms.CharField(label=_("Court of first instance"), max_length=80)
    local_number = forms.CharField(label=_("Local registration number"), max_length=40)
    registered_on = forms.DateField(
        label=_("Registered on"), widget=forms.DateInput(attrs={"type": "date"})
    )
