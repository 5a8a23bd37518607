"""Public pages: the catalogue, a product, a shop, the traceability page and its label."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control

from .. import selectors
from ..forms import FilterForm, QuantityForm
from ..qr import qr_svg


def _filters(request: HttpRequest) -> tuple[FilterForm, selectors.ProductFilters]:
    form = FilterForm(request.GET)
    form.is_valid()
    clean = {name: form.cleaned_data.get(name) or "" for name in form.fields}
    return form, selectors.ProductFilters(
        query=clean["q"], region=clean["region"], category=clean["category"], label=clean["label"]
    )


def product_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    number = request.GET.get("page", "1")
    page = selectors.page_of(
        selectors.products_for_list(filters), int(number) if number.isdigit() else 1
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "marketplace/product_list.html",
        {"form": form, "page": page, "products": page.items, "query": query.urlencode()},
    )


def product_detail(request: HttpRequest, public_id) -> HttpResponse:
    product = selectors.product_public_get(public_id=public_id)
    if product is None:
        raise Http404
    return render(
        request,
        "marketplace/product_detail.html",
        {
            "product": product,
            "shop": product.shop,
            "training": selectors.shop_training(product.shop),
            "form": QuantityForm(initial={"quantity": product.minimum_order}),
            "voice": selectors.voice_player(product, language=request.LANGUAGE_CODE),
        },
    )


def shop_detail(request: HttpRequest, public_id) -> HttpResponse:
    shop = selectors.shop_public_get(public_id=public_id)
    if shop is None:
        raise Http404
    products = selectors.products_for_list(selectors.ProductFilters()).filter(shop=shop)
    return render(
        request,
        "marketplace/shop_detail.html",
        {
            "shop": shop,
            "cooperative": shop.cooperative,
            "training": selectors.shop_training(shop),
            "products": list(products[:60]),
        },
    )


def trace(request: HttpRequest, public_id) -> HttpResponse:
    """Where the QR code of a product's label leads: origin, cooperative, signs, training."""
    product = selectors.product_public_get(public_id=public_id)
    if product is None:
        raise Http404
    return render(
        request,
        "marketplace/trace.html",
        {
            "product": product,
            "shop": product.shop,
            "cooperative": product.shop.cooperative,
            "training": selectors.shop_training(product.shop),
        },
    )


def label_print(request: HttpRequest, public_id) -> HttpResponse:
    product = selectors.product_public_get(public_id=public_id)
    if product is None:
        raise Http404
    return render(
        request,
        "marketplace/label_print.html",
        {"product": product, "shop": product.shop, "copies": range(6)},
    )


@cache_control(max_age=86400)
def label_qr(request: HttpRequest, public_id) -> HttpResponse:
    product = selectors.product_public_get(public_id=public_id)
    if product is None:
        raise Http404
    url = request.build_absolute_uri(reverse("marketplace:trace", kwargs={"public_id": public_id}))
    return HttpResponse(qr_svg(url), content_type="image/svg+xml")
