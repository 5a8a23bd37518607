"""The filters of every table, chart, export and report, read from the query string.

A regional staff member's region is imposed whatever the address says: typing another region's
code gives her own region's figures (and a province of another region is refused)."""

import datetime
from dataclasses import dataclass, replace

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from core.geography import selectors as geography
from core.languages import django_languages
from core.regions import Region
from project_bank.api import Sector

GENDERS = [
    ("woman", pgettext_lazy("statistics", "Women")),
    ("man", pgettext_lazy("statistics", "Men")),
]
AGE_BANDS = [
    ("young", pgettext_lazy("age band", "Young")),
    ("older", pgettext_lazy("age band", "Older")),
]
BREAKDOWNS = [
    ("region", _("Region")),
    ("province", _("Province")),
    ("sector", _("Sector")),
    ("gender", _("Gender")),
    ("youth", _("Age band")),
    ("language", _("Language")),
    ("role", _("Role")),
    ("cohort", _("Cohort")),
    ("month", _("Month")),
]


@dataclass(frozen=True)
class Filters:
    region: str = ""
    province: str = ""
    gender: str = ""
    youth: str = ""
    sector: str = ""
    language: str = ""
    start: datetime.date | None = None  # first month counted
    end: datetime.date | None = None  # last month counted
    by: str = "region"

    def query(self) -> dict[str, str]:
        """The filters as a query string's parameters (for export and report links)."""
        values = {
            "region": self.region,
            "province": self.province,
            "gender": self.gender,
            "youth": self.youth,
            "sector": self.sector,
            "language": self.language,
            "start": self.start.strftime("%Y-%m") if self.start else "",
            "end": self.end.strftime("%Y-%m") if self.end else "",
            "by": self.by,
        }
        return {key: value for key, value in values.items() if value}


def _blank(choices) -> list:
    return [("", _("All")), *choices]


class MonthField(forms.CharField):
    default_error_messages = {"invalid": _("Write the month as 2026-03.")}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return None
        try:
            return datetime.datetime.strptime(value, "%Y-%m").date()
        except ValueError:
            raise forms.ValidationError(
                self.error_messages["invalid"], code="invalid_month"
            ) from None


class FilterForm(forms.Form):
    region = forms.ChoiceField(label=_("Region"), required=False, choices=_blank(Region.choices))
    province = forms.ChoiceField(label=_("Province"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=_blank(Sector.choices))
    gender = forms.ChoiceField(label=_("Gender"), required=False, choices=_blank(GENDERS))
    youth = forms.ChoiceField(label=_("Age band"), required=False, choices=_blank(AGE_BANDS))
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=_blank(django_languages())
    )
    start = MonthField(label=_("From (month)"), required=False)
    end = MonthField(label=_("To (month)"), required=False)
    by = forms.ChoiceField(label=_("Break down by"), required=False, choices=BREAKDOWNS)

    def __init__(self, *args, scope: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        provinces = geography.provinces(region=scope) if scope else geography.provinces()
        self.fields["province"].choices = _blank(geography.choices(provinces))
        if scope:
            self.fields["region"].choices = [(scope, Region(scope).label)]
            self.fields["region"].initial = scope
            self.fields["by"].initial = "province"

    def clean_region(self):
        return self.scope or self.cleaned_data["region"]

    def clean(self):
        data = super().clean()
        province, region = data.get("province"), data.get("region")
        if province and region and not province.startswith(region + "."):
            self.add_error(
                "province",
                forms.ValidationError(
                    _("This province is not in the region chosen."), code="province_elsewhere"
                ),
            )
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error(
                "end", forms.ValidationError(_("The period ends before it starts."), code="period")
            )
        return data


def filters_from(data, *, scope: str) -> tuple[Filters, FilterForm]:
    """The filters the form accepts; the scope's region alone if the form is refused."""
    form = FilterForm(data or None, scope=scope)
    # A region's staff see her region's provinces first; national staff the regions.
    default = Filters(region=scope, by="province" if scope else "region")
    if not form.is_bound or not form.is_valid():
        return default, form
    values = {key: value for key, value in form.cleaned_data.items() if value}
    return replace(default, **values), form
