"""Staff in the Wagtail admin: the list of quality signs (the only way a sign reaches a product),
the shops (verify, close), and the marketplace figures."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QualityLabel, Shop


class QualityLabelViewSet(SnippetViewSet):
    model = QualityLabel
    icon = "pick"
    menu_label = _("Quality signs")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["name", "kind", "shop", "certificate_number", "valid_until"]
    list_filter = ["kind"]
    search_fields = ["name", "certificate_number", "certifying_body"]
    panels = [
        FieldPanel("kind"),
        FieldPanel("name"),
        FieldPanel("shop"),
        FieldPanel("certifying_body"),
        FieldPanel("certificate_number"),
        FieldPanel("valid_until"),
        FieldPanel("products"),
    ]


class ShopViewSet(SnippetViewSet):
    model = Shop
    icon = "home"
    menu_label = _("Shops")
    menu_order = 271
    add_to_admin_menu = True
    list_display = ["cooperative", "phone_number", "is_open", "verified_at"]
    list_filter = ["is_open", "is_pickup_point"]
    panels = [
        FieldPanel("phone_number"),
        FieldPanel("email"),
        FieldPanel("description"),
        FieldPanel("is_pickup_point"),
        FieldPanel("is_open"),
        FieldPanel("verified_at"),
    ]


register_snippet(QualityLabelViewSet)
register_snippet(ShopViewSet)


@hooks.register("register_admin_menu_item")
def register_market_figures_menu_item():
    return MenuItem(
        _("Marketplace activity"), reverse("marketplace:staff"), icon_name="table", order=272
    )
