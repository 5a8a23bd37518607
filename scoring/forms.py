"""The admin's forms: the weights and thresholds (a new version), the filings import."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from registry_link.api import cooperatives_found

from .indicators import GROUPS, INDICATORS
from .models import Filing

PARTS = ("weight", "floor", "target")


class WeightsForm(forms.Form):
    """One row per indicator (weight, floor, target), the visit threshold and a note."""

    visit_threshold = forms.FloatField(
        label=_("Visit from a risk of (0–100)"), min_value=0, max_value=100
    )
    note = forms.CharField(label=_("Why it changes"), max_length=300, required=False)

    def __init__(self, *args, version, **kwargs):
        initial = {"visit_threshold": version.visit_threshold}
        for item in INDICATORS:
            rule = version.settings.get(item.code, {})
            for part in PARTS:
                initial[f"{item.code}__{part}"] = rule.get(part, getattr(item, part))
        super().__init__(*args, initial=initial, **kwargs)
        for item in INDICATORS:
            self.fields[f"{item.code}__weight"] = forms.FloatField(
                label=_("Weight"), min_value=0, max_value=100
            )
            self.fields[f"{item.code}__floor"] = forms.FloatField(label=_("Floor"))
            self.fields[f"{item.code}__target"] = forms.FloatField(label=_("Target"))

    def rows(self):
        """(group, indicator, weight field, floor field, target field) for the template."""
        return [
            (GROUPS[item.group], item, *(self[f"{item.code}__{part}"] for part in PARTS))
            for item in INDICATORS
        ]

    def clean(self):
        data = super().clean()
        for item in INDICATORS:
            floor, target = data.get(f"{item.code}__floor"), data.get(f"{item.code}__target")
            if floor is not None and floor == target:
                self.add_error(
                    f"{item.code}__target",
                    ValidationError(
                        _("The target must differ from the floor."), code="target_is_floor"
                    ),
                )
        risk_weights = sum(
            data.get(f"{item.code}__weight") or 0 for item in INDICATORS if not item.protective
        )
        if not risk_weights:
            raise ValidationError(
                _("At least one indicator other than training needs a weight."),
                code="no_risk_weight",
            )
        return data

    def settings(self) -> dict:
        return {
            item.code: {part: self.cleaned_data[f"{item.code}__{part}"] for part in PARTS}
            for item in INDICATORS
        }


class FilingsImportForm(forms.Form):
    file = forms.FileField(label=_("Spreadsheet (.xlsx or .csv)"))


class FilingForm(WagtailAdminModelForm):
    """A filing found by its cooperative's court and number (no list of 65,000 names); regional
    staff may only record filings of their region's cooperatives."""

    court = forms.CharField(label=_("Court"), max_length=80)
    local_number = forms.CharField(label=_("Local registration number"), max_length=40)

    class Meta:
        model = Filing
        fields = ["kind", "year", "due_on", "filed_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.cooperative_id:
            cooperative = self.instance.cooperative
            self.initial.update(court=cooperative.court, local_number=cooperative.local_number)

    def clean(self):
        data = super().clean()
        key = (data.get("court", "").strip(), data.get("local_number", "").strip())
        found = cooperatives_found(court_numbers=[key], region=self._region())
        if key[0] and key[1] and key not in found:
            self.add_error(
                "local_number",
                ValidationError(
                    _("No cooperative of your register has this court and number."),
                    code="unknown_cooperative",
                ),
            )
        elif key in found:
            self.instance.cooperative_id = found[key]
        return data

    def _region(self) -> str | None:
        user = self.for_user
        if user is None or user.is_superuser or user.has_perm("scoring.view_all_regions"):
            return None
        return user.region or "-"
