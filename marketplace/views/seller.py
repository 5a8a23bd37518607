"""The seller's pages, made for her phone: her shops, the dashboard, products, orders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.spreadsheets import csv_response, xlsx_response
from registry_link.api import LinkStatus, Membership, Role, cooperatives_led_by

from .. import selectors
from ..chart import sales_chart
from ..choices import OrderStatus
from ..forms import ManagersForm, ProductForm, ShopForm
from ..models import Order, Product, Shop
from ..services import orders as order_services
from ..services import products as product_services
from ..services import shops as shop_services


def _shop(request: HttpRequest, public_id) -> Shop:
    shop = selectors.shops_managed_by(request.user).filter(public_id=public_id).first()
    if shop is None:
        raise Http404
    return shop


@login_required
def seller_home(request: HttpRequest) -> HttpResponse:
    shops = list(selectors.shops_managed_by(request.user))
    without_shop = list(cooperatives_led_by(user=request.user).active().filter(shop__isnull=True))
    if len(shops) == 1 and not without_shop:
        return redirect("marketplace:dashboard", public_id=shops[0].public_id)
    return render(
        request,
        "marketplace/seller_home.html",
        {"shops": shops, "without_shop": without_shop},
    )


@login_required
def shop_edit(request: HttpRequest, cooperative_id) -> HttpResponse:
    cooperative = get_object_or_404(
        cooperatives_led_by(user=request.user), public_id=cooperative_id
    )
    shop = Shop.objects.filter(cooperative=cooperative).first()
    initial = {}
    if shop:
        initial = {
            "phone_number": shop.phone_number,
            "email": shop.email,
            "description": shop.description,
            "is_pickup_point": shop.is_pickup_point,
        }
    form = ShopForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            shop = shop_services.shop_open(
                cooperative=cooperative, by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("marketplace:dashboard", public_id=shop.public_id)
    return render(request, "marketplace/shop_edit.html", {"form": form, "cooperative": cooperative})


@login_required
def dashboard(request: HttpRequest, public_id) -> HttpResponse:
    shop = _shop(request, public_id)
    orders = selectors.orders_of_shop(shop)
    products = (
        Product.objects.filter(shop=shop).prefetch_related("translations").order_by("stock", "pk")
    )
    return render(
        request,
        "marketplace/dashboard.html",
        {
            "shop": shop,
            "new_orders": [o for o in orders if o.status == OrderStatus.PLACED],
            "orders": [o for o in orders if o.status != OrderStatus.PLACED],
            "products": list(products),
            "chart": sales_chart(selectors.sales_by_day(shop)),
            "is_leader": selectors.can_lead(user=request.user, shop=shop),
        },
    )


def _add_errors(form, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _product_data(cleaned: dict) -> product_services.ProductData:
    fields = product_services.ProductData.__dataclass_fields__
    return product_services.ProductData(**{name: cleaned[name] for name in fields})


@login_required
def product_edit(request: HttpRequest, public_id, product_id=None) -> HttpResponse:
    shop = _shop(request, public_id)
    product = get_object_or_404(Product, shop=shop, public_id=product_id) if product_id else None
    initial = {"region": shop.cooperative.region_id, "minimum_order": 1}
    if product:
        product.set_current_language(get_language())
        initial = {
            name: getattr(product, name, "")
            for name in ProductForm.base_fields
            if name not in ("photo", "voice", "region")
        }
        initial["name"] = product.safe_translation_getter("name", any_language=True)
        initial["description"] = product.safe_translation_getter("description", any_language=True)
        initial["region"] = product.region_id
    form = ProductForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = product_services.product_save(
                shop=shop,
                by=request.user,
                data=_product_data(form.cleaned_data),
                language=get_language(),
                product=product,
                photo=form.cleaned_data.get("photo"),
                voice=form.cleaned_data.get("voice"),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The product is saved."))
            return redirect(saved)
    return render(
        request,
        "marketplace/product_edit.html",
        {"form": form, "shop": shop, "product": product},
    )


@login_required
def seller_order(request: HttpRequest, public_id) -> HttpResponse:
    order = selectors.order_get(public_id=public_id)
    if order is None or not selectors.can_manage(user=request.user, shop=order.shop):
        raise Http404
    return render(
        request,
        "marketplace/seller_order.html",
        {
            "order": order,
            "actions": order_services.actions_for(order, actor=order_services.SELLER),
        },
    )


@login_required
@require_POST
def order_action(request: HttpRequest, public_id, action: str) -> HttpResponse:
    order = get_object_or_404(
        Order.objects.select_related("shop__cooperative"), public_id=public_id
    )
    try:
        order_services.order_transition(order=order, action=action, by=request.user)
    except PermissionDenied:
        raise Http404 from None
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    return redirect("marketplace:seller_order", public_id=order.public_id)


@login_required
def orders_csv(request: HttpRequest, public_id, kind: str = "csv") -> HttpResponse:
    """The shop's order lines as CSV or, for ``kind="xlsx"``, as an Excel workbook."""
    shop = _shop(request, public_id)
    header = [
        _("Order"),
        _("Date"),
        _("Status"),
        _("Buyer"),
        _("Phone"),
        _("Delivery"),
        _("Product"),
        _("Quantity"),
        _("Unit price (MAD)"),
        _("Amount (MAD)"),
    ]
    rows = (
        [
            line.order.reference,
            line.order.created_at.date().isoformat(),
            line.order.get_status_display(),
            line.order.checkout.buyer_name,
            line.order.checkout.phone_number,
            line.order.address or (line.order.pickup and line.order.pickup.cooperative.name) or "",
            line.name,
            line.quantity,
            line.unit_price,
            line.amount,
        ]
        for line in selectors.order_lines_for_export(shop)
    )
    if kind == "xlsx":
        return xlsx_response(filename="orders.xlsx", header=header, rows=rows)
    return csv_response(filename="orders.csv", header=header, rows=rows)


@login_required
def shop_managers(request: HttpRequest, public_id) -> HttpResponse:
    """The leader chooses which confirmed members manage the shop with her."""
    shop = _shop(request, public_id)
    if not selectors.can_lead(user=request.user, shop=shop):
        raise Http404
    members = [
        membership.user
        for membership in Membership.objects.filter(
            cooperative=shop.cooperative, status=LinkStatus.CONFIRMED, role=Role.MEMBER
        ).select_related("user")
    ]
    initial = {"managers": [str(pk) for pk in shop.managers.values_list("pk", flat=True)]}
    form = ManagersForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        shop_services.shop_managers_set(
            shop=shop, by=request.user, user_ids=[int(pk) for pk in form.cleaned_data["managers"]]
        )
        messages.success(request, _("Saved."))
        return redirect("marketplace:dashboard", public_id=shop.public_id)
    return render(request, "marketplace/shop_managers.html", {"form": form, "shop": shop})
