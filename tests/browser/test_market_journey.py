"""Journey 4 at 360×740: a leader in Tachelhit lists a product with a photo and her voice; a
buyer in Arabic finds it by a word without its article, orders for cash on delivery with a code
sent by SMS; the leader confirms on her phone; the buyer sees the timeline."""

import io
import re

import pytest
from PIL import Image as PillowImage

from . import media_site
from .conftest import sign_in

pytestmark = pytest.mark.browser
BUYER_PHONE = "+212612340077"


@pytest.fixture
def market(live_demo_academy, settings, tmp_path, monkeypatch, outbox):
    """A cooperative of the register with its leader (Tachelhit) and her open shop; media served."""
    from marketplace.tests.factories import leader_make, shop_make

    settings.ROOT_URLCONF = media_site.__name__
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.MEDIA_PIPELINE = {**settings.MEDIA_PIPELINE, "WHISPER_MODEL_DIR": None}
    monkeypatch.setattr("django.test.testcases.serve", media_site.serve_with_ranges)
    cooperative, leader = leader_make(name_ar="تعاونية تيفاوين", name_latin="Tifaouine")
    leader.preferred_language = "shi"
    leader.save()
    shop = shop_make(cooperative=cooperative)
    return live_demo_academy, leader, shop


def _files(tmp_path):
    from media_pipeline.tests import media

    photo = tmp_path / "argan.jpg"
    buffer = io.BytesIO()
    PillowImage.new("RGB", (900, 600), (196, 140, 48)).save(buffer, format="JPEG")
    photo.write_bytes(buffer.getvalue())
    return photo, media.audio(tmp_path, name="voice.m4a", seconds=2)


def test_journey_4_sell_and_buy_cash_on_delivery(market, phone, browser, shoot, tmp_path, outbox):
    from marketplace.models import Order, Product

    server, leader, shop = market
    photo, voice = _files(tmp_path)

    # The leader lists a product from her phone, in Tachelhit.
    sign_in(phone, server, leader)
    seller = phone.new_page()
    seller.goto(f"{server.url}/shi/market/seller/")
    seller.locator("[data-new-product]").tap()
    seller.fill("#id_name", "زيت الأركان الحر")
    seller.select_option("#id_category", "oils")
    seller.select_option("#id_unit", "25cl")
    seller.fill("#id_price", "95")
    seller.fill("#id_stock", "4")
    seller.fill("#id_onssa_number", "AO.09.101.21")
    seller.set_input_files("#id_photo", str(photo))
    seller.set_input_files("#id_voice", str(voice))
    shoot(seller, "market-1-leader-lists-product-shi")
    with seller.expect_navigation():
        seller.locator("[data-save-product]").tap()
    product = Product.objects.get(shop=shop)
    assert product.photo is not None
    assert product.voice is not None
    seller.reload()
    assert seller.locator("audio").count() == 1, "the voice went through the media pipeline"
    shoot(seller, "market-2-product-page-shi")

    # A buyer in Arabic, on another phone, without an account.
    buyer_context = browser.new_context(
        viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True
    )
    buyer = buyer_context.new_page()
    buyer.goto(f"{server.url}/ar/market/?q=أركان")
    card = buyer.locator(".product-card", has_text="زيت الأركان الحر")
    assert card.count() == 1
    assert buyer.locator(".product-card img").first.evaluate("img => img.naturalWidth") == 360
    shoot(buyer, "market-3-buyer-search-ar")
    card.locator("a").first.tap()
    buyer.fill("#id_quantity", "2")
    with buyer.expect_navigation():
        buyer.locator("[data-add-to-cart]").tap()
    buyer.locator("[data-checkout]").tap()
    buyer.fill("#id_name", "مريم")
    buyer.fill("#id_phone_number", "0612340077")
    buyer.fill("#id_address", "حي السلام، أكادير")
    shoot(buyer, "market-4-checkout-ar")
    with buyer.expect_navigation():
        buyer.locator("[data-place-order]").tap()
    code = re.search(r"\d{6}", outbox(to=BUYER_PHONE)[-1]["text"]).group()
    buyer.fill("#id_code", code)
    with buyer.expect_navigation():
        buyer.locator("[data-confirm-code]").tap()
    assert buyer.locator("[data-status]").first.get_attribute("data-status") == "placed"
    shoot(buyer, "market-5-order-placed-ar")
    order = Order.objects.get()
    assert order.total == 190
    assert Product.objects.get(pk=product.pk).stock == 2

    # The leader confirms on her phone.
    seller.goto(f"{server.url}/shi/market/seller/")
    with seller.expect_navigation():
        seller.locator(f'[data-seller-order="{order.reference}"]').tap()
    with seller.expect_navigation():
        seller.locator('[data-action="confirm"]').tap()
    order.refresh_from_db()
    assert order.status == "confirmed", seller.locator("main").inner_text()
    assert seller.locator("[data-status]").get_attribute("data-status") == "confirmed"
    shoot(seller, "market-6-leader-confirms-shi")

    # The buyer sees the timeline, and got an SMS for each step.
    buyer.reload()
    assert buyer.locator("[data-status]").first.get_attribute("data-status") == "confirmed"
    assert buyer.locator(".timeline li").count() == 2
    shoot(buyer, "market-7-buyer-timeline-ar")
    texts = [message["text"] for message in outbox(to=BUYER_PHONE)]
    assert sum(order.reference in text for text in texts) >= 2
    buyer_context.close()
