"""The claim form: her cooperative's court, registration number and name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import selectors


class ClaimForm(forms.Form):
    court = forms.ChoiceField(
        label=_("Court that registered it"),
    )
    local_number = forms.CharField(
        label=_("Registration number"),
        max_length=40,
        widget=forms.TextInput(attrs={"inputmode": "text", "autocomplete": "off", "dir": "ltr"}),
    )
    name = forms.CharField(
        label=_("Name of the cooperative"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "dir": "auto"}),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["court"].choices = [("", "—")] + [
            (court, court) for court in selectors.courts()
        ]


class InviteForm(forms.Form):
    phone_number = forms.CharField(
        label=_("Phone number of a member who has an account"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off", "dir": "ltr"}),
    )
