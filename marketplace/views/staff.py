"""Staff: orders by region and sector (feeds the statistics), shops to verify."""

from django.contrib.admin.views.decorators import staff_member_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from core.regions import Region
from project_bank.api import Sector

from .. import selectors
from ..models import Shop
from ..services.shops import shop_verify


@staff_member_required
def staff_overview(request: HttpRequest) -> HttpResponse:
    rows = [
        {
            "region": Region(row["shop__cooperative__region_id"]).label,
            "sector": Sector(row["shop__cooperative__sector"]).label,
            "orders": row["orders"],
            "amount": row["amount"],
        }
        for row in selectors.orders_by_region_and_sector()
    ]
    to_verify = Shop.objects.open().filter(verified_at__isnull=True).select_related("cooperative")
    return render(
        request,
        "marketplace/staff_overview.html",
        {"rows": rows, "to_verify": list(to_verify[:100])},
    )


@staff_member_required
@require_POST
def staff_shop_verify(request: HttpRequest, public_id) -> HttpResponse:
    shop_verify(shop=get_object_or_404(Shop, public_id=public_id))
    return redirect("marketplace:staff")
