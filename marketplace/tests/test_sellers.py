"""Only active registered cooperatives sell; striking one off hides its shop at once."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from marketplace import selectors
from marketplace.services.shops import shop_managers_set, shop_open
from registry_link.choices import Status
from registry_link.tests.factories import cooperative_make, membership_make, user_make

from .factories import leader_make, product_make, shop_make

pytestmark = pytest.mark.django_db


def test_a_leader_of_an_active_cooperative_opens_its_shop():
    cooperative, leader = leader_make()
    shop = shop_open(cooperative=cooperative, by=leader, phone_number="06 61 23 45 67")
    assert shop.phone_number == "+212661234567"
    assert list(selectors.shops_managed_by(leader)) == [shop]


@pytest.mark.parametrize("status", [Status.STRUCK_OFF, Status.LIQUIDATION])
def test_a_cooperative_not_active_cannot_open_a_shop(status):
    cooperative, leader = leader_make(status=status)
    with pytest.raises(ValidationError) as raised:
        shop_open(cooperative=cooperative, by=leader, phone_number="0661234567")
    assert raised.value.code == "seller_not_active"


def test_someone_who_does_not_lead_it_cannot_open_its_shop():
    cooperative = cooperative_make()
    member = user_make()
    membership_make(cooperative=cooperative, user=member)
    with pytest.raises(PermissionDenied):
        shop_open(cooperative=cooperative, by=member, phone_number="0661234567")


def test_striking_off_hides_the_shop_and_its_products_at_once(client):
    product = product_make(name="عسل الزعتر")
    shop = product.shop
    assert client.get(shop.get_absolute_url()).status_code == 200
    assert client.get(product.get_absolute_url()).status_code == 200
    cooperative = shop.cooperative
    cooperative.status = Status.STRUCK_OFF
    cooperative.save()
    assert client.get(shop.get_absolute_url()).status_code == 404
    assert client.get(product.get_absolute_url()).status_code == 404
    listing = client.get(reverse("marketplace:products"), {"q": "عسل"})
    assert "عسل الزعتر" not in listing.content.decode()
    cart = client.post(reverse("marketplace:cart_add", args=[product.public_id]), {"quantity": 1})
    assert cart.status_code == 404


def test_a_struck_off_seller_cannot_list_products_any_more():
    from marketplace.services.products import ProductData, product_save

    cooperative, leader = leader_make()
    shop = shop_make(cooperative=cooperative)
    cooperative.status = Status.LIQUIDATION
    cooperative.save()
    data = ProductData("Miel", "", "crafts", "kg", 10, 3, 1, "09")
    with pytest.raises(PermissionDenied):
        product_save(shop=shop, by=leader, data=data, language="fr")


def test_the_leader_allows_a_member_to_manage_the_shop_but_not_a_stranger():
    cooperative, leader = leader_make()
    shop = shop_make(cooperative=cooperative)
    member, stranger = user_make(), user_make()
    membership_make(cooperative=cooperative, user=member)
    shop_managers_set(shop=shop, by=leader, user_ids=[member.pk, stranger.pk])
    assert selectors.can_manage(user=member, shop=shop)
    assert not selectors.can_manage(user=stranger, shop=shop)
    with pytest.raises(PermissionDenied):
        shop_managers_set(shop=shop, by=member, user_ids=[member.pk])


def test_the_shop_page_shows_what_the_law_requires(client):
    shop = shop_make()
    page = client.get(shop.get_absolute_url()).content.decode()
    cooperative = shop.cooperative
    for shown in (cooperative.name, cooperative.local_number, cooperative.court, shop.phone_number):
        assert shown in page


def test_the_leader_chooses_managers_on_her_phone_and_they_get_the_dashboard(client):
    cooperative, leader = leader_make()
    shop = shop_make(cooperative=cooperative)
    member = user_make()
    membership_make(cooperative=cooperative, user=member)
    url = reverse("marketplace:managers", args=[shop.public_id])
    client.force_login(member)
    assert client.get(url).status_code == 404  # a member does not choose
    client.force_login(leader)
    assert client.post(url, {"managers": [str(member.pk)]}).status_code == 302
    client.force_login(member)
    dashboard = reverse("marketplace:dashboard", args=[shop.public_id])
    assert client.get(dashboard).status_code == 200


def test_a_leader_opens_her_shop_from_her_phone(client):
    cooperative, leader = leader_make()
    client.force_login(leader)
    home = client.get(reverse("marketplace:seller")).content.decode()
    opening = reverse("marketplace:shop_edit", args=[cooperative.public_id])
    assert opening in home
    response = client.post(opening, {"phone_number": "0661234567", "is_pickup_point": "on"})
    shop = cooperative.shop
    assert response.url == reverse("marketplace:dashboard", args=[shop.public_id])
    assert shop.is_pickup_point
