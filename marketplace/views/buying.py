"""Buying without an account: the cart, the checkout with a code sent by SMS, the timeline."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from academy.api import client_ip

from .. import selectors
from ..cart import cart_clear, cart_items, cart_lines, cart_set
from ..forms import CheckoutForm, CodeForm, QuantityForm
from ..payments import payment_methods
from ..services import checkout as checkout_services
from ..services.orders import BUYER, actions_for, order_transition

PENDING = "market_checkout"  # the checkout form's data while she types the code
VERIFIED = "market_phone"  # {"number", "at"}: a number proved by a code, for 30 minutes
MINE = "market_checkouts"  # her checkouts' public ids (she may cancel a placed order)
VERIFIED_FOR = 30 * 60


def _errors(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


@require_POST
def cart_add(request: HttpRequest, public_id) -> HttpResponse:
    product = selectors.products_listed().filter(public_id=public_id).first()
    if product is None:
        raise Http404
    form = QuantityForm(request.POST)
    if form.is_valid():
        quantity = form.cleaned_data["quantity"]
        if request.POST.get("replace") != "1" and quantity:
            quantity += cart_items(request.session).get(str(product.public_id), 0)
        cart_set(request.session, product=product, quantity=quantity)
        if quantity:
            messages.success(request, _("Added to your cart."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "marketplace:cart"  # never a page elsewhere
    return redirect(target)


@never_cache
def cart(request: HttpRequest) -> HttpResponse:
    lines = cart_lines(request.session)
    shops = {}
    for line in lines:
        shops.setdefault(line.product.shop, []).append(line)
    return render(
        request,
        "marketplace/cart.html",
        {"shops": shops, "total": sum(line.amount for line in lines), "lines": lines},
    )


def _verified_number(request: HttpRequest) -> str:
    proved = request.session.get(VERIFIED) or {}
    if proved and timezone.now().timestamp() - proved.get("at", 0) < VERIFIED_FOR:
        return proved.get("number", "")
    return ""


@never_cache
def checkout(request: HttpRequest) -> HttpResponse:
    lines = cart_lines(request.session)
    if not lines:
        return redirect("marketplace:cart")
    points = list(selectors.pickup_points())
    form = CheckoutForm(request.POST or None, pickup_points=points)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        request.session[PENDING] = {key: str(value) for key, value in data.items()}
        try:
            number = checkout_services.normalise(data["phone_number"])
            if number != _verified_number(request):
                checkout_services.code_request(
                    phone_number=number, language=get_language(), ip=client_ip(request)
                )
                return redirect("marketplace:checkout_verify")
            return _place(request)
        except ValidationError as error:
            form.add_error(None, error)
    return render(
        request,
        "marketplace/checkout.html",
        {
            "form": form,
            "lines": lines,
            "total": sum(line.amount for line in lines),
            "methods": payment_methods().values(),
        },
    )


@never_cache
def checkout_verify(request: HttpRequest) -> HttpResponse:
    pending = request.session.get(PENDING)
    if not pending:
        return redirect("marketplace:checkout")
    number = checkout_services.normalise(pending["phone_number"])
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            checkout_services.code_check(phone_number=number, code=form.cleaned_data["code"])
        except ValidationError as error:
            form.add_error("code", error)
        else:
            request.session[VERIFIED] = {"number": number, "at": timezone.now().timestamp()}
            try:
                return _place(request)
            except ValidationError as error:
                for message in _errors(error):
                    messages.error(request, message)
                return redirect("marketplace:cart")
    return render(request, "marketplace/checkout_verify.html", {"form": form, "number": number})


def _place(request: HttpRequest) -> HttpResponse:
    """Place the cart for the verified number (raises ValidationError, the cart kept)."""
    pending = request.session[PENDING]
    placed = checkout_services.checkout_place(
        items=cart_items(request.session),
        buyer=checkout_services.Buyer(
            name=pending["name"], phone_number=_verified_number(request), language=get_language()
        ),
        destination=checkout_services.Destination(
            delivery=pending["delivery"], address=pending["address"], pickup=pending["pickup"]
        ),
    )
    cart_clear(request.session)
    request.session.pop(PENDING, None)
    request.session[MINE] = [*request.session.get(MINE, [])[-19:], str(placed.public_id)]
    return redirect(placed)


@never_cache
def checkout_detail(request: HttpRequest, public_id) -> HttpResponse:
    """The buyer's orders and their timelines (the link she got by SMS)."""
    placed = selectors.checkout_get(public_id=public_id)
    if placed is None:
        raise Http404
    mine = str(placed.public_id) in request.session.get(MINE, [])
    orders = [
        (order, actions_for(order, actor=BUYER) if mine else []) for order in placed.orders.all()
    ]
    return render(
        request, "marketplace/checkout_detail.html", {"checkout": placed, "orders": orders}
    )


@require_POST
def order_cancel(request: HttpRequest, public_id) -> HttpResponse:
    order = selectors.order_get(public_id=public_id)
    if order is None or str(order.checkout.public_id) not in request.session.get(MINE, []):
        raise Http404
    try:
        order_transition(order=order, action="buyer_cancel", actor=BUYER)
    except ValidationError as error:
        for message in _errors(error):
            messages.error(request, message)
    return redirect(order.checkout)
