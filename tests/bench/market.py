"""The marketplace's benchmark (run by `make bench`): page weights, queries per page, and list
and search timings with 100 products and with 10,000 products across 2,000 shops.

In this process, with the development settings over the caller's database (PostgreSQL expected,
``DATABASE_URL``; the catalogue is created in a transaction rolled back at the end, so nothing
stays but image renditions). Pages are requested with Django's test client.

- Weight of a first visit: the HTML, the style sheets and scripts the page links to, each
  compressed with gzip (level 6, as WhiteNoise serves them), plus the AVIF renditions of the
  photos the first screen loads eagerly (the browser picks the AVIF source). Printed without and
  with photos, against the budgets (60 KiB and 150 KiB).
- Queries per page, counted on a second request (the first one makes the renditions).
- Timings: the median of 7 requests of the list and of a search, at both catalogue sizes.
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "academy.settings.dev")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

BUDGET_PLAIN = 60 * 1024
BUDGET_PHOTOS = 150 * 1024
SMALL, LARGE, SHOPS_LARGE = 100, 10_000, 2_000


def bench(name: str, value, unit: str) -> None:
    shown = f"{value:.1f}" if isinstance(value, float) else str(value)
    print(f"BENCH {name} {shown} {unit}", flush=True)


def _photos(count: int):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image as PillowImage
    from PIL import ImageDraw

    from marketplace.services.products import photo_store

    images = []
    for number in range(count):
        buffer = io.BytesIO()
        picture = PillowImage.new("RGB", (1200, 800), (150 + number * 20, 110, 50))
        ImageDraw.Draw(picture).ellipse((300, 150, 900, 650), fill=(230, 190, 90))
        picture.save(buffer, format="JPEG", quality=85)
        upload = SimpleUploadedFile(f"bench{number}.jpg", buffer.getvalue(), "image/jpeg")
        images.append(photo_store(upload=upload, title=f"bench {number}", by=None))
    return images


def _catalogue(*, shops: int, products: int, start: int, images) -> None:
    """``products`` products spread over ``shops`` new demo shops (bulk inserts)."""
    from marketplace.models import Product, Shop
    from marketplace.search import search_normalise
    from registry_link.api import Cooperative

    cooperatives = Cooperative.objects.bulk_create(
        Cooperative(
            name_ar=f"تعاونية المنتوج {start + n}",
            name_latin=f"Cooperative bench {start + n}",
            sector="argan",
            region_id=f"{(n % 12) + 1:02d}",
            court="BENCH-MARKET",
            local_number=str(start + n),
            is_demo=True,
        )
        for n in range(shops)
    )
    shop_rows = Shop.objects.bulk_create(
        Shop(cooperative=cooperative, phone_number="+212661000000") for cooperative in cooperatives
    )
    names = ["زيت الأركان", "عسل الزعتر", "تمر المجهول", "كسكس الشعير", "زعفران تالوين"]
    rows = Product.objects.bulk_create(
        Product(
            shop=shop_rows[n % shops],
            category="oils",
            unit="kg",
            price=Decimal(50 + n % 200),
            stock=10,
            region_id=f"{(n % 12) + 1:02d}",
            onssa_number="AO.1",
            photo=images[n % len(images)],
            search_text=search_normalise(f"{names[n % 5]} {start + n} bench {n % shops}"),
        )
        for n in range(products)
    )
    translation = Product._parler_meta.root_model
    translation.objects.bulk_create(
        translation(master=row, language_code="ar", name=f"{names[n % 5]} {start + n}")
        for n, row in enumerate(rows)
    )


def _assets(client, html: str) -> int:
    """Bytes of the linked style sheets and scripts, gzip-compressed."""
    from django.contrib.staticfiles import finders

    total = 0
    for url in re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js))"', html):
        path = finders.find(url.removeprefix("/static/"))
        if path:
            total += len(gzip.compress(Path(path).read_bytes(), 6))
    return total


def _eager_photos(html: str) -> int:
    from django.conf import settings

    total = 0
    for block in re.findall(r"<picture>(.*?)</picture>", html, re.S):
        if 'loading="lazy"' in block:
            continue
        avif = re.search(r'srcset="([^"]+)"', block)
        if avif:
            total += (
                (Path(settings.MEDIA_ROOT) / avif[1].removeprefix(settings.MEDIA_URL))
                .stat()
                .st_size
            )
    return total


def _weight(client, url: str, name: str) -> None:
    client.get(url)
    html = client.get(url).content.decode()
    plain = len(gzip.compress(html.encode(), 6)) + _assets(client, html)
    photos = plain + _eager_photos(html)
    bench(f"market_{name}_first_visit_without_photos", plain, "bytes")
    bench(f"market_{name}_first_visit_with_photos", photos, "bytes")
    print(
        f"  {name}: {plain / 1024:.1f} KiB without photos (budget 60), "
        f"{photos / 1024:.1f} KiB with the first screen of photos (budget 150)"
        + ("" if plain <= BUDGET_PLAIN and photos <= BUDGET_PHOTOS else "  OVER BUDGET"),
        flush=True,
    )


def _queries(client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    if os.environ.get("MARKET_BENCH_PROFILE"):
        for query in queries.captured_queries:
            print(f"  {query['time']} s  {query['sql'][:150]}", flush=True)
    return len(queries)


def _profile(client, url: str) -> None:
    import cProfile
    import pstats

    profile = cProfile.Profile()
    profile.enable()
    client.get(url)
    profile.disable()
    pstats.Stats(profile).sort_stats("tottime").print_stats(18)


def _timing(client, url: str) -> float:
    times = []
    for _ in range(7):
        started = time.perf_counter()
        assert client.get(url).status_code == 200
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _measure(client, size: str, product_url: str) -> None:
    pages = {
        "list": "/ar/market/",
        "search": "/ar/market/?q=" + "أركان",
        "search_fr": "/ar/market/?q=bench",
        "product": product_url,
    }
    for name, url in pages.items():
        bench(f"market_{name}_queries_{size}", _queries(client, url), "queries")
    if os.environ.get("MARKET_BENCH_PROFILE"):
        _profile(client, pages["list"])
    for name in ("list", "search"):
        bench(f"market_{name}_median_{size}", _timing(client, pages[name]), "ms")


def main() -> int:
    import django

    django.setup()
    from django.db import connection, transaction
    from django.test import Client

    from marketplace.models import Product

    if connection.vendor != "postgresql":
        print("market bench: set DATABASE_URL to a PostgreSQL database", flush=True)
        return 0
    client = Client()
    with transaction.atomic():
        images = _photos(4)
        _catalogue(shops=50, products=SMALL, start=1, images=images)
        product = Product.objects.filter(shop__cooperative__court="BENCH-MARKET").first()
        product_url = f"/ar/market/p/{product.public_id}/"
        print(f"Marketplace, {SMALL} products in 50 shops:", flush=True)
        _weight(client, "/ar/market/", "list")
        _weight(client, product_url, "product")
        _measure(client, "100", product_url)
        _catalogue(shops=SHOPS_LARGE - 50, products=LARGE - SMALL, start=1000, images=images)
        with connection.cursor() as cursor:
            for table in ("marketplace_product", "marketplace_shop", "registry_link_cooperative"):
                cursor.execute(f"ANALYZE {table}")
        print(f"Marketplace, {LARGE} products in {SHOPS_LARGE} shops:", flush=True)
        _measure(client, "10000", product_url)
        transaction.set_rollback(True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
