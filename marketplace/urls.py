"""The marketplace's pages (under the language prefix)."""

from django.urls import path

from .views import buying, public, seller, staff

app_name = "marketplace"

urlpatterns = [
    path("market/", public.product_list, name="products"),
    path("market/p/<uuid:public_id>/", public.product_detail, name="product"),
    path("market/p/<uuid:public_id>/trace/", public.trace, name="trace"),
    path("market/p/<uuid:public_id>/label/", public.label_print, name="label"),
    path("market/p/<uuid:public_id>/qr.svg", public.label_qr, name="label_qr"),
    path("market/shop/<uuid:public_id>/", public.shop_detail, name="shop"),
    path("market/cart/", buying.cart, name="cart"),
    path("market/cart/<uuid:public_id>/", buying.cart_add, name="cart_add"),
    path("market/checkout/", buying.checkout, name="checkout_start"),
    path("market/checkout/code/", buying.checkout_verify, name="checkout_verify"),
    path("market/orders/<uuid:public_id>/", buying.checkout_detail, name="checkout"),
    path("market/orders/cancel/<uuid:public_id>/", buying.order_cancel, name="order_cancel"),
    path("market/seller/", seller.seller_home, name="seller"),
    path("market/seller/open/<uuid:cooperative_id>/", seller.shop_edit, name="shop_edit"),
    path("market/seller/<uuid:public_id>/", seller.dashboard, name="dashboard"),
    path("market/seller/<uuid:public_id>/managers/", seller.shop_managers, name="managers"),
    path("market/seller/<uuid:public_id>/new/", seller.product_edit, name="product_new"),
    path(
        "market/seller/<uuid:public_id>/p/<uuid:product_id>/",
        seller.product_edit,
        name="product_edit",
    ),
    path("market/seller/<uuid:public_id>/orders.csv", seller.orders_csv, name="orders_csv"),
    path(
        "market/seller/<uuid:public_id>/orders.xlsx",
        seller.orders_csv,
        {"kind": "xlsx"},
        name="orders_xlsx",
    ),
    path("market/seller/order/<uuid:public_id>/", seller.seller_order, name="seller_order"),
    path(
        "market/seller/order/<uuid:public_id>/<slug:action>/",
        seller.order_action,
        name="order_action",
    ),
    path("market/staff/", staff.staff_overview, name="staff"),
    path("market/staff/verify/<uuid:public_id>/", staff.staff_shop_verify, name="staff_verify"),
]
