"""Forms of the learner-facing shell. They parse; services decide."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from core.geography import census
from core.geography import selectors as geography
from core.languages import LANGUAGES, LISTEN
from core.phones import normalise_phone_number
from core.regions import Region

from .models import Gender, Motivation
from .pins import MAX_DIGITS

PHONE_ATTRS = {
    "inputmode": "tel",
    "autocomplete": "tel",
    "dir": "ltr",
    "placeholder": "06 12 34 56 78",
}
PIN_ATTRS = {"inputmode": "numeric", "autocomplete": "off", "pattern": "[0-9]*", "dir": "ltr"}
CODE_ATTRS = {"inputmode": "numeric", "autocomplete": "one-time-code", "dir": "ltr"}


def _language_choices():
    return [(language.code, language.native_name) for language in LANGUAGES]


class PhoneField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Phone number"))
        kwargs.setdefault("max_length", 32)
        super().__init__(widget=forms.TextInput(attrs=PHONE_ATTRS), **kwargs)

    def clean(self, value):
        return normalise_phone_number(super().clean(value))


class PinField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("PIN (4 to 6 digits)"))
        kwargs.setdefault("max_length", MAX_DIGITS)
        super().__init__(widget=forms.PasswordInput(attrs=PIN_ATTRS), strip=True, **kwargs)


CHOICE_ICONS = {
    "gender": {"": "⏭", "woman": "👩", "man": "👨"},
    "motivation": {"": "⏭", "member": "🤝", "job_seeker": "🔎", "project_holder": "💡"},
}


class ReadsField(forms.MultipleChoiceField):
    """Which scripts she reads, picture first: each shown as a word written in it (0043)."""

    samples = {"Arab": ("سلام", "ar", "rtl"), "Latn": ("Azul", "zgh-Latn", "ltr"),
               "Tfng": ("ⴰⵣⵓⵍ", "zgh", "ltr"), LISTEN: ("🔊", "", "")}  # fmt: skip

    def __init__(self, **kwargs):
        choices = [
            ("Arab", _("Arabic letters")),
            ("Latn", _("Latin letters")),
            ("Tfng", _("Tifinagh letters")),
            (LISTEN, _("I prefer to listen")),
        ]
        kwargs.setdefault("label", _("Which letters can you read?"))
        kwargs.setdefault("help_text", _("Tap every one you can read. We show you texts in them."))
        super().__init__(
            choices=choices, required=False, widget=forms.CheckboxSelectMultiple, **kwargs
        )


class ProfileFields(forms.Form):
    icons = CHOICE_ICONS

    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(label=_("Language"), choices=_language_choices)
    region = forms.ChoiceField(
        label=_("Region"), choices=[("", _("Skip")), *Region.choices], required=False
    )
    gender = forms.ChoiceField(
        label=_("You are"),
        choices=[("", _("Skip")), *Gender.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    birth_year = forms.IntegerField(label=_("Year of birth"), required=False)
    motivation = forms.ChoiceField(
        label=_("What brings you here?"),
        choices=[("", _("Skip")), *Motivation.choices],
        required=False,
        widget=forms.RadioSelect,
    )

    def clean_birth_year(self):
        year = self.cleaned_data.get("birth_year")
        this_year = timezone.now().year
        if year is not None and not this_year - 110 <= year <= this_year - 10:
            raise ValidationError(_("Please check the year of birth."), code="birth_year")
        return year


def languages_spoken_here(form: forms.Form, code: str) -> None:
    """Put first in the form's language list the languages the census finds most used in the
    unit ``code`` (commune, province or region); none hidden, the chosen one kept."""
    if not code:
        return
    # The first choice is shown selected when none is saved: keep the one she reads now.
    if not form.initial.get("preferred_language"):
        form.initial["preferred_language"] = get_language()
    field = form.fields["preferred_language"]
    by_code = dict(field.choices)
    order = census.language_order(code=code, languages=list(by_code))
    field.choices = [(language, by_code[language]) for language in order]


def territory_consistent(data: dict) -> dict:
    """A province outside the region, or a commune outside the province, is dropped."""
    region, province = data.get("region") or "", data.get("province") or ""
    if not region or not province.startswith(f"{region}."):
        data["province"] = province = ""
    if not province or not (data.get("commune") or "").startswith(f"{province}."):
        data["commune"] = ""
    return data


class PlaceForm(forms.Form):
    """Where she lives, asked first at sign-up (a GET form, so nothing she typed is lost): each
    answer lists the next level's places, and her language list puts first the languages most
    used there. Unknown or mismatched codes are dropped, never refused."""

    region = forms.ChoiceField(
        label=_("Region"), choices=[("", _("Skip")), *Region.choices], required=False
    )
    province = forms.ChoiceField(label=_("Province or prefecture"), required=False)
    commune = forms.ChoiceField(label=_("Commune"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.data.get("region") or ""
        province = self.data.get("province") or ""
        provinces = geography.provinces(region=region) if region in Region.values else None
        communes = (
            geography.communes(province=province)
            if provinces is not None and province.startswith(f"{region}.")
            else None
        )
        for name, units in (("province", provinces), ("commune", communes)):
            if units is None:
                del self.fields[name]
            else:
                self.fields[name].choices = [("", _("Skip")), *geography.choices(units)]

    def place(self) -> dict[str, str]:
        """The region, province and commune she chose, consistent with one another."""
        self.is_valid()
        data = {
            name: self.cleaned_data.get(name) or "" for name in ("region", "province", "commune")
        }
        return territory_consistent(data)


class SignUpForm(ProfileFields):
    """Sign-up; her place comes from ``PlaceForm`` (hidden here) and orders her languages."""

    phone_number = PhoneField()
    pin = PinField()
    pin_again = PinField(label=_("The same PIN again"))
    region = forms.ChoiceField(
        choices=[("", ""), *Region.choices], required=False, widget=forms.HiddenInput
    )
    province = forms.CharField(required=False, widget=forms.HiddenInput)
    commune = forms.CharField(required=False, widget=forms.HiddenInput)
    reads = ReadsField()
    consent = forms.BooleanField(
        label=_("I have read what Taawounia Academy keeps about me and why."), required=True
    )
    field_order = [
        "phone_number", "pin", "pin_again", "first_name", "preferred_language", "reads",
    ]  # fmt: skip

    def __init__(self, *args, place: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        place = place or {}
        self.initial.update(place)
        code = place.get("commune") or place.get("province") or place.get("region") or ""
        languages_spoken_here(self, code)

    def clean(self):
        data = territory_consistent(super().clean())
        if data.get("pin") and data.get("pin") != data.get("pin_again"):
            self.add_error(
                "pin_again", ValidationError(_("The two PINs differ."), code="pin_mismatch")
            )
        return data


class ProfileForm(ProfileFields):
    """Her profile; the province and commune lists follow what she saved last.

    Without JavaScript she taps her region and saves, then her province (a list of her region's
    only) and saves, then her commune. A province or commune left over from another region is
    dropped when she changes region, never refused.
    """

    province = forms.CharField(label=_("Province or prefecture"), required=False)
    commune = forms.CharField(label=_("Commune"), required=False)
    reads = ReadsField()
    field_order = ["first_name", "preferred_language", "reads", "region", "province", "commune"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        region = self.initial.get("region") or ""
        province = self.initial.get("province") or ""
        self._territory_widget("province", geography.provinces(region=region) if region else None)
        in_region = province.startswith(f"{region}.") if region else False
        communes = geography.communes(province=province) if in_region else None
        self._territory_widget("commune", communes)
        languages_spoken_here(self, self.initial.get("commune") or province or region)

    def _territory_widget(self, name: str, units) -> None:
        if units is None:
            self.fields[name].widget = forms.HiddenInput()
            return
        choices = [("", _("Skip")), *geography.choices(units)]
        self.fields[name].widget = forms.Select(choices=choices)

    def clean(self):
        return territory_consistent(super().clean())


class SignInForm(forms.Form):
    phone_number = PhoneField()
    pin = PinField(label=_("PIN"), max_length=128)  # staff sign in here too, with a password


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code received by SMS"), max_length=8, widget=forms.TextInput(attrs=CODE_ATTRS)
    )


class ResetRequestForm(forms.Form):
    phone_number = PhoneField()


class ResetForm(forms.Form):
    phone_number = PhoneField()
    code = forms.CharField(
        label=_("Code received by SMS"), max_length=8, widget=forms.TextInput(attrs=CODE_ATTRS)
    )
    pin = PinField(label=_("New PIN (4 to 6 digits)"))


class ActivateForm(forms.Form):
    phone_number = PhoneField()
    code = forms.CharField(
        label=_("Activation code"), max_length=8, widget=forms.TextInput(attrs=CODE_ATTRS)
    )
    pin = PinField(label=_("Choose your PIN (4 to 6 digits)"))


class PinChangeForm(forms.Form):
    current_pin = PinField(label=_("Current PIN"))
    new_pin = PinField(label=_("New PIN (4 to 6 digits)"))


class DeleteAccountForm(forms.Form):
    pin = PinField(label=_("Your PIN, to confirm"))


def _optional_language_choices():
    return [("", _("Skip")), *_language_choices()]


class MemberForm(ProfileFields):
    """A member registered by her cooperative leader or trainer: only the number is required."""

    phone_number = PhoneField()
    preferred_language = forms.ChoiceField(
        label=_("Language"), choices=_optional_language_choices, required=False
    )
    motivation = None
    field_order = ["phone_number", "first_name", "preferred_language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in by her leader or trainer: the questions are about the member, not "you".
        self.fields["gender"].label = _("The member is")
        self.fields["birth_year"].label = _("Her or his year of birth")


class MembersFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or Excel (.xlsx) file"),
        widget=forms.ClearableFileInput(
            attrs={
                "accept": ".csv,.xlsx,text/csv,"
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        ),
    )
