"""Forms of the marketplace's pages (the services check again what matters)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.regions import Region

from .choices import CATEGORY_ICONS, Category, Delivery, LabelKind, Unit

TEL = {"inputmode": "tel", "autocomplete": "tel", "dir": "ltr"}


class FilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    region = forms.ChoiceField(
        label=_("Region"), required=False, choices=[("", _("All regions")), *Region.choices]
    )
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All products"))]
        + [(value, f"{CATEGORY_ICONS[value]} {label}") for value, label in Category.choices],
    )
    label = forms.ChoiceField(
        label=_("Quality sign"),
        required=False,
        choices=[("", _("Any")), *LabelKind.choices],
    )


class ProductForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    category = forms.ChoiceField(
        label=_("Category"),
        choices=[(value, f"{CATEGORY_ICONS[value]} {label}") for value, label in Category.choices],
    )
    unit = forms.ChoiceField(label=_("Sold by"), choices=Unit.choices)
    price = forms.DecimalField(
        label=_("Price (MAD)"), min_value=0.01, max_digits=9, decimal_places=2
    )
    stock = forms.IntegerField(label=_("In stock"), min_value=0)
    minimum_order = forms.IntegerField(label=_("Minimum order"), min_value=1, initial=1)
    region = forms.ChoiceField(label=_("Region of origin"), choices=Region.choices)
    onssa_number = forms.CharField(
        label=_("ONSSA authorisation number"),
        required=False,
        max_length=40,
        help_text=_("Required for food products."),
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "image/*", "capture": "environment"}),
    )
    voice = forms.FileField(
        label=_("Say what it is (recording)"),
        required=False,
        help_text=_("Optional: record your voice describing the product."),
        widget=forms.ClearableFileInput(attrs={"accept": "audio/*", "capture": "user"}),
    )


class ShopForm(forms.Form):
    phone_number = forms.CharField(
        label=_("Contact phone"), max_length=30, widget=forms.TextInput(attrs=TEL)
    )
    email = forms.EmailField(label=_("Contact e-mail"), required=False)
    description = forms.CharField(
        label=_("About the shop"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_pickup_point = forms.BooleanField(
        label=_("Buyers may collect orders here (pickup point)"), required=False
    )


class QuantityForm(forms.Form):
    quantity = forms.IntegerField(label=_("Quantity"), min_value=0, max_value=9999, initial=1)


class CheckoutForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=120)
    phone_number = forms.CharField(
        label=_("Your mobile number"),
        max_length=30,
        help_text=_("We send you a code by SMS to confirm the order."),
        widget=forms.TextInput(attrs=TEL),
    )
    delivery = forms.ChoiceField(
        label=_("How do you receive the goods?"),
        choices=Delivery.choices,
        widget=forms.RadioSelect,
        initial=Delivery.ADDRESS,
    )
    address = forms.CharField(
        label=_("Delivery address"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    pickup = forms.ChoiceField(label=_("Pickup point"), required=False, choices=[])

    def __init__(self, *args, pickup_points=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pickup"].choices = [("", "—")] + [
            (str(shop.public_id), f"{shop.cooperative.name} · {shop.cooperative.region.name}")
            for shop in pickup_points
        ]


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code received by SMS"),
        max_length=8,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "dir": "ltr"}
        ),
    )


class ManagersForm(forms.Form):
    managers = forms.MultipleChoiceField(
        label=_("Members who may manage the shop with you"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["managers"].choices = [
            (str(user.pk), user.get_full_name() or user.phone_number) for user in members
        ]
