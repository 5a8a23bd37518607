"""The Wagtail admin's idea form: one language's texts at a time (``?language=``)."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _
from parler.forms import TranslatableModelForm
from wagtail.images.widgets import AdminImageChooser
from wagtail.models import Page

from core.geography import selectors as geography
from core.regions import Region

from .choices import FundingGroup, ProjectStage, Sector, TargetGroup
from .models import FundingSource, Idea, IdeaRegion, TerritoryNote
from .services import idea_search_text_update

PLAN_HELP = _(
    'JSON: {"startup": [{"label": "…", "amount": 12000}], "monthly": [{"label": "…", "amount": '
    '800}], "products": [{"label": "…", "price": 45, "volume": 120}]}. Labels may be text or '
    '{"ar": "…", "fr": "…"}. Revenue, margin and break-even are computed.'
)


def course_choices() -> list[tuple[str, str]]:
    """Courses (one per translation key, in their original language) by title."""
    pages = Page.objects.filter(
        content_type__app_label="courses", content_type__model="coursepage", alias_of__isnull=True
    ).order_by("translation_key", "pk")
    seen = {}
    for page in pages:
        seen.setdefault(str(page.translation_key), page.title)
    return sorted(((key, title) for key, title in seen.items()), key=lambda item: item[1])


class IdeaAdminForm(TranslatableModelForm):
    target_groups = forms.MultipleChoiceField(
        label=_("Target groups"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    region_codes = forms.MultipleChoiceField(
        label=_("Regions where it fits"),
        choices=Region.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    province_codes = forms.MultipleChoiceField(
        label=_("Provinces where it fits best (none: every province of its regions)"),
        choices=(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )
    courses = forms.MultipleChoiceField(
        label=_("Linked courses (its learning path)"),
        choices=(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    plan = forms.JSONField(label=_("Business plan"), help_text=PLAN_HELP, required=False)

    class Meta:
        model = Idea
        fields = [
            "key",
            "title",
            "summary",
            "description",
            "skills",
            "local_need",
            "sector",
            "min_founders_override",
            "investment_min",
            "investment_max",
            "jobs",
            "picture",
            "plan",
            "is_published",
        ]
        widgets = {"picture": AdminImageChooser}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["courses"].choices = course_choices()
        self.fields["province_codes"].choices = geography.choices(geography.provinces())
        self.initial["province_codes"] = self.instance.provinces
        for name in ("title", "summary", "description", "skills", "local_need"):
            self.fields[name].widget.attrs["dir"] = "auto"
        if self.instance.pk:
            self.initial["target_groups"] = self.instance.target_groups
            self.initial["region_codes"] = list(
                self.instance.regions.values_list("region", flat=True)
            )
            self.initial["courses"] = [str(key) for key in self.instance.course_keys]
        self.initial.setdefault("plan", json.loads(json.dumps(self.instance.plan)))

    def clean(self):
        data = super().clean()
        regions = set(data.get("region_codes") or [])
        outside = [code for code in data.get("province_codes") or [] if code[:2] not in regions]
        if outside:
            self.add_error(
                "province_codes",
                forms.ValidationError(
                    _("These provinces are not in the regions ticked: %(codes)s."),
                    code="province_outside_regions",
                    params={"codes": ", ".join(outside)},
                ),
            )
        return data

    def save(self, commit=True):
        idea = super().save(commit=False)
        idea.target_groups = self.cleaned_data["target_groups"]
        idea.course_keys = self.cleaned_data["courses"]
        idea.provinces = self.cleaned_data["province_codes"]
        idea.plan = self.cleaned_data.get("plan") or {"startup": [], "monthly": [], "products": []}
        idea.save()
        codes = self.cleaned_data["region_codes"]
        idea.regions.exclude(region__in=codes).delete()
        for code in codes:
            IdeaRegion.objects.get_or_create(idea=idea, region=code)
        idea_search_text_update(idea=idea)
        return idea


class FundingSourceAdminForm(TranslatableModelForm):
    """A funding source, its texts in one language at a time (``?language=``)."""

    sector_codes = forms.MultipleChoiceField(
        label=_("Sectors (none ticked: every sector)"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    region_codes = forms.MultipleChoiceField(
        label=_("Regions (none ticked: the whole country)"),
        choices=Region.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    group_codes = forms.MultipleChoiceField(
        label=_("For (none ticked: everyone; one ticked group is enough)"),
        choices=FundingGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    website = forms.URLField(label=_("web address"), required=False, assume_scheme="https")
    stage_codes = forms.MultipleChoiceField(
        label=_("Project stages (none ticked: every stage)"),
        choices=ProjectStage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    CODE_FIELDS = {
        "sector_codes": "sectors",
        "region_codes": "regions",
        "group_codes": "groups",
        "stage_codes": "stages",
    }

    class Meta:
        model = FundingSource
        fields = [
            "key",
            "name",
            "organisation",
            "kind",
            "summary",
            "to_prepare",
            "how_to_apply",
            "age_min",
            "age_max",
            "founders_min",
            "founders_max",
            "amount_min",
            "amount_max",
            "phone",
            "website",
            "valid_until",
            "is_demo",
            "is_published",
        ]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "organisation", "summary", "to_prepare", "how_to_apply"):
            self.fields[name].widget.attrs["dir"] = "auto"
        for form_name, attribute in self.CODE_FIELDS.items():
            self.initial[form_name] = getattr(self.instance, attribute)

    def save(self, commit=True):
        source = super().save(commit=False)
        for form_name, attribute in self.CODE_FIELDS.items():
            setattr(source, attribute, self.cleaned_data[form_name])
        source.save()
        return source


class TerritoryNoteAdminForm(TranslatableModelForm):
    """A need or potential of a province, its texts and recording in one language at a time."""

    class Meta:
        model = TerritoryNote
        fields = [
            "key",
            "province",
            "kind",
            "sector",
            "title",
            "text",
            "recorded_at",
            "audio",
            "picture",
            "is_demo",
            "is_published",
        ]
        widgets = {"picture": AdminImageChooser}

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("title", "text", "recorded_at"):
            self.fields[name].widget.attrs["dir"] = "auto"
