"""The public pages and the seller's dashboard: search, query counts, chart, CSV, QR, staff."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from marketplace.services.checkout import Buyer, Destination, checkout_place
from marketplace.services.orders import order_transition

from .factories import label_make, leader_make, product_make, shop_make

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("زيت", True),  # the article left off: “الزيت”
        ("الاركان", True),  # with the article and a bare alef: “أركان”
        ("أركان", True),
        ("ارگان", True),  # Darija گ read as ك
        ("الزيوت", True),  # a broken plural: its root is زيت's (core.arabic)
        ("بالأركان", True),  # a preposition glued to the article
        ("حليب", False),
        ("huile", True),
        ("HUILE argan", True),
        ("عسل", False),
    ],
)
def test_search_in_arabic_without_the_article_and_plurals_and_in_french(client, query, found):
    product = product_make(name="الزيت الأركان البلدي")
    product.set_current_language("fr")
    product.name = "Huile d'argan"
    product.save()
    from marketplace.services.products import search_text_refresh

    search_text_refresh(product)
    page = client.get(reverse("marketplace:products"), {"q": query}).content.decode()
    assert (str(product.public_id) in page) is found


def test_filters_by_region_and_category(client):
    product_make(name="زيت سوس", region_id="09", category="oils")
    product_make(name="تمر درعة", region_id="08", category="dates")
    page = client.get(reverse("marketplace:products"), {"region": "08"}).content.decode()
    assert "تمر درعة" in page
    assert "زيت سوس" not in page
    page = client.get(reverse("marketplace:products"), {"category": "oils"}).content.decode()
    assert "زيت سوس" in page
    assert "تمر درعة" not in page


def _queries(client, url) -> int:
    client.get(url)  # warm: renditions, sessions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_queries_per_page_do_not_grow_with_the_catalogue(client):
    shop = shop_make()
    first = product_make(shop=shop)
    label_make(shop=shop, products=[first])
    url = reverse("marketplace:products")
    few = _queries(client, url)
    few_detail = _queries(client, first.get_absolute_url())
    for number in range(30):
        other = product_make(shop=shop_make() if number % 3 else shop, name=f"منتج {number}")
        label_make(shop=other.shop, products=[other])
    assert _queries(client, url) == few
    assert _queries(client, first.get_absolute_url()) == few_detail
    assert _queries(client, url + "?q=منتج") <= few + 1


def _order(shop, product, *, quantity=1):
    checkout = checkout_place(
        items={str(product.public_id): quantity},
        buyer=Buyer("Fatima", "+212612345678", "ar"),
        destination=Destination(delivery="address", address="Tiznit"),
    )
    return checkout.orders.get()


def test_the_dashboard_shows_new_orders_first_a_chart_and_exports_csv(client):
    cooperative, leader = leader_make()
    shop = shop_make(cooperative=cooperative)
    product = product_make(shop=shop, stock=20)
    confirmed = _order(shop, product, quantity=2)
    order_transition(order=confirmed, action="confirm", by=leader)
    new = _order(shop, product)
    client.force_login(leader)
    page = client.get(reverse("marketplace:dashboard", args=[shop.public_id])).content.decode()
    assert page.index(new.reference) < page.index(confirmed.reference)
    assert "<svg" in page
    assert "<rect" in page
    assert "<script" not in page.split("<main", 1)[1]
    csv = client.get(reverse("marketplace:orders_csv", args=[shop.public_id]))
    assert csv["Content-Type"].startswith("text/csv")
    body = csv.content.decode("utf-8-sig")
    assert new.reference in body
    assert confirmed.reference in body
    xlsx = client.get(reverse("marketplace:orders_xlsx", args=[shop.public_id]))
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = _xlsx_rows(xlsx.content)
    assert {row[0] for row in rows[1:]} == {new.reference, confirmed.reference}
    quantities = sorted(row[7] for row in rows[1:])
    assert quantities == [1, 2]  # numbers stay numbers, not text


def _xlsx_rows(content: bytes) -> list[tuple]:
    import io

    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content), read_only=True).active
    return list(sheet.iter_rows(values_only=True))


def test_another_seller_cannot_see_the_dashboard_order_or_csv(client):
    cooperative, _ = leader_make()
    shop = shop_make(cooperative=cooperative)
    order = _order(shop, product_make(shop=shop))
    _, stranger = leader_make()
    client.force_login(stranger)
    for url in (
        reverse("marketplace:dashboard", args=[shop.public_id]),
        reverse("marketplace:orders_csv", args=[shop.public_id]),
        reverse("marketplace:orders_xlsx", args=[shop.public_id]),
        reverse("marketplace:seller_order", args=[order.public_id]),
    ):
        assert client.get(url).status_code == 404
    url = reverse("marketplace:order_action", args=[order.public_id, "confirm"])
    assert client.post(url).status_code == 404
    order.refresh_from_db()
    assert order.status == "placed"


def test_the_label_qr_opens_the_traceability_page(client):
    product = product_make(name="عسل أملو")
    label_make(shop=product.shop, products=[product])
    qr = client.get(reverse("marketplace:label_qr", args=[product.public_id]))
    assert qr["Content-Type"] == "image/svg+xml"
    assert b"<svg" in qr.content
    page = client.get(reverse("marketplace:trace", args=[product.public_id])).content.decode()
    assert "عسل أملو" in page
    assert product.shop.cooperative.court in page
    assert "Normacert" in page
    printable = client.get(reverse("marketplace:label", args=[product.public_id]))
    assert reverse("marketplace:label_qr", args=[product.public_id]) in printable.content.decode()


def test_the_trained_seller_badge_comes_from_certificates(client, settings):
    import uuid

    from assessments.models import Certificate

    key = uuid.uuid4()
    settings.MARKETPLACE = {"TRAINED_SELLER_COURSES": [str(key)]}
    cooperative, leader = leader_make()
    shop = shop_make(cooperative=cooperative)
    assert "data-trained-seller" not in client.get(shop.get_absolute_url()).content.decode()
    Certificate.objects.create(
        learner=leader,
        subject_key=key,
        code="MKT-1",
        learner_name="L",
        language="ar",
        title="T",
        title_ar="T",
    )
    assert "data-trained-seller" in client.get(shop.get_absolute_url()).content.decode()


def test_staff_see_orders_by_region_and_sector_and_verify_shops(client, django_user_model):
    shop = shop_make(region_id="08", sector="food")
    _order(shop, product_make(shop=shop, price="50"))
    staff = django_user_model.objects.create_user("+212699999999", "1357", is_staff=True)
    client.force_login(staff)
    page = client.get(reverse("marketplace:staff")).content.decode()
    assert "50" in page
    assert shop.cooperative.name in page
    client.post(reverse("marketplace:staff_verify", args=[shop.public_id]))
    shop.refresh_from_db()
    assert shop.is_verified
