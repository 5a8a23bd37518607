"""Forms: the idea filters, a learner's project with its plan lines, a co-founder's number."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.geography import selectors as geography
from core.phones import normalise_phone_number
from core.regions import Region

from .choices import InvestmentBand, Sector, TargetGroup
from .plan import amount

EXTRA_LINES = 2
SECTIONS = ("startup", "monthly", "products")


def _with_any(choices, label):
    return [("", label), *choices]


class IdeaFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=_with_any(Region.choices, _("All regions"))
    )
    province = forms.ChoiceField(label=_("Province or prefecture"), required=False)
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=_with_any(Sector.choices, _("All sectors"))
    )
    investment = forms.ChoiceField(
        label=_("Investment"),
        required=False,
        choices=_with_any(InvestmentBand.choices, _("Any amount")),
    )
    group = forms.ChoiceField(
        label=_("For"), required=False, choices=_with_any(TargetGroup.choices, _("Everyone"))
    )

    def __init__(self, *args, **kwargs):
        """The province list holds the chosen region's provinces (none without a region)."""
        super().__init__(*args, **kwargs)
        region = self.data.get("region") or ""
        units = geography.provinces(region=region) if region in Region.values else []
        self.fields["province"].choices = _with_any(geography.choices(units), _("All provinces"))


class ProjectForm(forms.Form):
    name = forms.CharField(label=_("Project name"), max_length=200)
    place = forms.CharField(label=_("Place (commune, village)"), max_length=200, required=False)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=_with_any(Region.choices, "—")
    )


class InviteForm(forms.Form):
    phone_number = forms.CharField(
        label=_("Phone number of the co-founder"),
        max_length=30,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off", "dir": "ltr"}),
    )

    def clean_phone_number(self) -> str:
        return normalise_phone_number(self.cleaned_data["phone_number"])


def _number(value) -> float:
    return float(amount(value))


def plan_from_post(data) -> dict:
    """The plan lines typed in the project form (``startup-0-label``…); empty lines dropped."""
    plan = {}
    for section in SECTIONS:
        count = min(int(data.get(f"{section}-count") or 0), 50)
        lines = []
        for index in range(count):
            prefix = f"{section}-{index}-"
            label = (data.get(prefix + "label") or "").strip()[:200]
            if section == "products":
                line = {
                    "label": label,
                    "price": _number(data.get(prefix + "price")),
                    "volume": _number(data.get(prefix + "volume")),
                }
                figures = line["price"] or line["volume"]
            else:
                line = {"label": label, "amount": _number(data.get(prefix + "amount"))}
                figures = line["amount"]
            if label or figures:
                lines.append(line)
        plan[section] = lines
    return plan


def plan_rows(plan: dict) -> dict:
    """The plan's lines with empty ones added, for the form (each section and its count)."""
    blank = {
        "startup": {"label": "", "amount": ""},
        "monthly": {"label": "", "amount": ""},
        "products": {"label": "", "price": "", "volume": ""},
    }
    rows = {}
    for section in SECTIONS:
        lines = list(plan.get(section) or []) + [dict(blank[section]) for _ in range(EXTRA_LINES)]
        rows[section] = lines
    return rows
