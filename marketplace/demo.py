"""Demo shops for ``manage.py load_demo_market`` (idempotent).

Three demo cooperatives and one union are created in the register mirror (``is_demo=True``,
courts prefixed ``DEMO-MARKET`` so that they never collide with the register's own demo), each
with a demo leader (Membership role leader), a shop and a few products with photos drawn here.
"""

import io
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw

from academy.models import User
from registry_link.api import Cooperative, Kind, LinkStatus, Membership, Role

from .models import Product, QualityLabel, Shop
from .services.products import photo_store, search_text_refresh

COURT = "DEMO-MARKET"
PIN = "2580"


@dataclass(frozen=True)
class DemoShop:
    number: str
    name_ar: str
    name_latin: str
    sector: str
    region: str
    leader_phone: str
    leader_name: str
    shop_phone: str
    kind: str = Kind.COOPERATIVE
    pickup: bool = False


SHOPS = [
    DemoShop("DM-1", "تعاونية تيفاوين للأركان", "Coopérative Tifaouine", "argan", "09",
             "+212600000101", "Fadma", "+212661000101"),
    DemoShop("DM-2", "تعاونية النخيل للتمور", "Coopérative Nakhil", "food", "08",
             "+212600000102", "Aicha", "+212661000102"),
    DemoShop("DM-3", "تعاونية أطلس للصناعة التقليدية", "Coopérative Atlas Artisanat",
             "handicrafts", "07", "+212600000103", "Zahra", "+212661000103"),
    DemoShop("DM-U", "اتحاد تعاونيات سوس", "Union des coopératives du Souss", "argan", "09",
             "+212600000104", "Hassan", "+212661000104", Kind.UNION, True),
]  # fmt: skip

# (shop number, ar name, fr name, category, unit, price, stock, colour, onssa)
PRODUCTS = [
    ("DM-1", "زيت الأركان الغذائي", "Huile d'argan alimentaire", "oils", "25cl", "95", 40,
     (196, 140, 48), "AO.09.101.21"),
    ("DM-1", "أملو باللوز والعسل", "Amlou aux amandes et miel", "honey", "250g", "70", 25,
     (150, 90, 40), "AO.09.101.22"),
    ("DM-1", "زيت الأركان التجميلي", "Huile d'argan cosmétique", "cosmetics", "50cl", "120", 30,
     (230, 200, 120), ""),
    ("DM-2", "تمر المجهول", "Dattes Mejhoul", "dates", "kg", "85", 60, (110, 60, 30),
     "AO.08.202.11"),
    ("DM-2", "عسل الزعتر", "Miel de thym", "honey", "500g", "150", 12, (220, 160, 30),
     "AO.08.202.12"),
    ("DM-3", "زربية أمازيغية صغيرة", "Petit tapis amazigh", "crafts", "piece", "650", 3,
     (160, 40, 50), ""),
    ("DM-3", "طاجين فخار", "Tajine en terre cuite", "crafts", "piece", "90", 15,
     (180, 90, 60), ""),
]  # fmt: skip


def _photo(colour: tuple, title: str):
    buffer = io.BytesIO()
    picture = PillowImage.new("RGB", (720, 480), colour)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((210, 90, 510, 390), fill=tuple(min(255, c + 50) for c in colour))
    picture.save(buffer, format="JPEG", quality=80)
    upload = SimpleUploadedFile(f"{title}.jpg", buffer.getvalue(), content_type="image/jpeg")
    return photo_store(upload=upload, title=title, by=None)


def _cooperative(demo: DemoShop) -> Cooperative:
    cooperative, _ = Cooperative.objects.update_or_create(
        court=f"{COURT} {demo.region}",
        local_number=demo.number,
        defaults={
            "kind": demo.kind,
            "name_ar": demo.name_ar,
            "name_latin": demo.name_latin,
            "sector": demo.sector,
            "region_id": demo.region,
            "address": "Douar Demo",
            "members_count": 20,
            "women_count": 15,
            "is_demo": True,
        },
    )
    leader, created = User.objects.get_or_create(
        phone_number=demo.leader_phone,
        defaults={
            "first_name": demo.leader_name,
            "region": demo.region,
            "phone_verified_at": timezone.now(),
        },
    )
    if created:
        leader.set_password(PIN)
        leader.save()
    Membership.objects.get_or_create(
        cooperative=cooperative,
        user=leader,
        defaults={"role": Role.LEADER, "status": LinkStatus.CONFIRMED, "source": "founding"},
    )
    return cooperative


def demo_market_load() -> int:
    """Create what is missing; returns the number of demo products."""
    with transaction.atomic():
        shops = {}
        for demo in SHOPS:
            cooperative = _cooperative(demo)
            shops[demo.number], _ = Shop.objects.get_or_create(
                cooperative=cooperative,
                defaults={"phone_number": demo.shop_phone, "is_pickup_point": demo.pickup},
            )
        for number, ar, fr, category, unit, price, stock, colour, onssa in PRODUCTS:
            shop = shops[number]
            if Product.objects.filter(shop=shop, translations__name=ar).exists():
                continue
            product = Product(
                shop=shop, category=category, unit=unit, price=Decimal(price), stock=stock,
                region_id=shop.cooperative.region_id, onssa_number=onssa,
                photo=_photo(colour, fr),
            )  # fmt: skip
            product.set_current_language("ar")
            product.name = ar
            product.set_current_language("fr")
            product.name = fr
            product.save()
            search_text_refresh(product)
        _labels(shops["DM-1"])
    return Product.objects.filter(shop__cooperative__court__startswith=COURT).count()


def _labels(shop: Shop) -> None:
    label, _ = QualityLabel.objects.get_or_create(
        certifying_body="Normacert (demo)",
        certificate_number="DEMO-IGP-ARGANE-1",
        defaults={
            "kind": "igp",
            "name": "Argane IGP",
            "shop": shop,
            "valid_until": timezone.localdate() + timedelta(days=365),
        },
    )
    label.products.set(shop.products.filter(category="oils"))
