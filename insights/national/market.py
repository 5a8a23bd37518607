"""The marketplace: shops of generated cooperatives, products with their Arabic and French names
and search document (as ``search_text_refresh`` writes it), and orders placed by cash on
delivery with their lines, their timeline and a total that is the sum of their lines.
"""

import random
import uuid
from decimal import Decimal

from django.apps import apps

from core.arabic import search_document

from .sql import execute, ids_reserve, rnd, scalar, table

CATALOGUE = {
    "oils": (("زيت الأركان", "Huile d'argan"), ("زيت الزيتون", "Huile d'olive")),
    "honey": (("عسل الزعتر", "Miel de thym"), ("عسل الدغموس", "Miel d'euphorbe")),
    "dates": (("تمر المجهول", "Dattes Majhoul"), ("لوز", "Amandes")),
    "cereals": (("كسكس الشعير", "Couscous d'orge"), ("أملو", "Amlou")),
    "spices": (("زعفران تالوين", "Safran de Taliouine"), ("كمون", "Cumin")),
    "dairy": (("جبن الماعز", "Fromage de chèvre"),),
    "cosmetics": (("ماء الورد", "Eau de rose"), ("صابون بلدي", "Savon beldi")),
    "crafts": (("زربية", "Tapis"), ("فخار", "Poterie"), ("طرز", "Broderie")),
}
FOOD = {"oils", "honey", "dates", "cereals", "spices", "dairy"}
UNITS = {"oils": "l", "honey": "500g", "dates": "kg", "cereals": "kg", "spices": "piece",
         "dairy": "piece", "cosmetics": "25cl", "crafts": "piece"}  # fmt: skip
STATUSES = (  # (status, share): most orders end delivered
    ("delivered", 0.55), ("placed", 0.10), ("confirmed", 0.08), ("shipped", 0.07),
    ("ready", 0.03), ("cancelled", 0.08), ("refused", 0.05), ("returned", 0.04),
)  # fmt: skip


def shops_generate(*, seed: int, count: int) -> int:
    """Open shops for ``count`` active generated cooperatives (one in ten a pickup point)."""
    execute(
        f"""INSERT INTO {table("marketplace.Shop")} (public_id, cooperative_id, phone_number,
            email, description, is_pickup_point, is_open, verified_at, created_at)
        SELECT md5('{int(seed)}:shop:' || c.id)::uuid, c.id,
               '+21252' || lpad(c.id::text, 7, '0'), '', '', {rnd("c.id", 30, seed)} < 0.1,
               true, timestamptz '2026-01-05', timestamptz '2026-01-01'
        FROM {table("registry_link.Cooperative")} c
        WHERE c.is_demo AND c.local_number LIKE 'G%%' AND c.kind = 'cooperative'
              AND c.status = 'active'
        ORDER BY {rnd("c.id", 31, seed)} LIMIT %s""",  # noqa: S608
        [count],
    )
    return count


def products_generate(*, seed: int, count: int) -> int:
    """``count`` products spread over the generated shops, with translations and search text."""
    product_model = apps.get_model("marketplace.Product")
    shops = list(
        apps.get_model("marketplace.Shop")
        .objects.filter(cooperative__is_demo=True, cooperative__local_number__startswith="G")
        .select_related("cooperative")
        .order_by("pk")
    )
    rng = random.Random(seed)  # noqa: S311 - made-up data
    rows, names = [], []
    for number in range(count):
        shop = shops[number % len(shops)]
        category = rng.choice(list(CATALOGUE))
        name_ar, name_fr = rng.choice(CATALOGUE[category])
        rows.append(product_model(
            public_id=uuid.UUID(int=rng.getrandbits(128), version=4), shop=shop,
            category=category, unit=UNITS[category], price=Decimal(rng.randint(20, 600)),
            stock=rng.randint(0, 200), region_id=shop.cooperative.region_id,
            onssa_number=f"AO.{rng.randint(1000, 9999)}" if category in FOOD else "",
            search_text=search_document(" ".join([*shop.cooperative.names, name_ar, name_fr])),
        ))  # fmt: skip
        names.append((name_ar, name_fr))
    product_model.objects.bulk_create(rows, batch_size=2000)
    translation = product_model._parler_meta.root_model
    translation.objects.bulk_create(
        [
            translation(master=row, language_code=code, name=name, description="")
            for row, pair in zip(rows, names, strict=True)
            for code, name in zip(("ar", "fr"), pair, strict=True)
        ],
        batch_size=5000,
    )
    return count


def _orders_table(seed: int, count: int) -> None:
    """national_order: each order's shop, status and first product (by the shop's products)."""
    product = table("marketplace.Product")
    names = apps.get_model("marketplace.Product")._parler_meta.root_model._meta.db_table
    r = lambda expression, salt: rnd(expression, salt, seed)  # noqa: E731
    low, cases = 0.0, []
    for status, share in STATUSES:
        low += share
        cases.append(f"WHEN {r('o', 32)} < {low:.4f} THEN '{status}'")
    execute("DROP TABLE IF EXISTS national_product, national_order")
    execute(
        f"""CREATE TEMP TABLE national_product AS
        SELECT p.id, p.shop_id, p.price, p.unit, t.name,
               row_number() OVER (ORDER BY p.id) - 1 AS position,
               row_number() OVER (PARTITION BY p.shop_id ORDER BY p.id) - 1 AS in_shop,
               count(*) OVER (PARTITION BY p.shop_id) AS shop_products
        FROM {product} p JOIN {names} t
             ON t.master_id = p.id AND t.language_code = 'ar'
        JOIN {table("marketplace.Shop")} s ON s.id = p.shop_id
        JOIN {table("registry_link.Cooperative")} c ON c.id = s.cooperative_id
        WHERE c.is_demo AND c.local_number LIKE 'G%%'"""  # noqa: S608
    )
    products = scalar("SELECT count(*) FROM national_product")
    execute(
        f"""CREATE TEMP TABLE national_order AS
        SELECT o, p.shop_id, p.in_shop, p.shop_products,
               least(p.shop_products, 1 + floor(power({r("o", 33)}, 2) * 3))::int AS lines,
               CASE {" ".join(cases)} ELSE 'delivered' END AS status,
               timestamptz '2026-01-10' + {r("o", 34)} * interval '320 days' AS created_at
        FROM generate_series(1, %s) AS o
        JOIN national_product p ON p.position = floor({r("o", 35)} * %s)""",  # noqa: S608
        [count, products],
    )


def orders_generate(*, seed: int, count: int) -> int:
    """``count`` orders of one to three products each, one checkout each."""
    _orders_table(seed, count)
    first_checkout = ids_reserve("marketplace.Checkout", count)
    first_order = ids_reserve("marketplace.Order", count)
    execute(
        f"""INSERT INTO {table("marketplace.Checkout")} (id, public_id, buyer_name,
            phone_number, language, created_at)
        SELECT %s + o - 1, md5('{int(seed)}:checkout:' || o)::uuid, 'Client ' || o,
               '+21289' || lpad(o::text, 7, '0'),
               CASE WHEN {rnd("o", 36, seed)} < 0.7 THEN 'ar' ELSE 'fr' END, created_at
        FROM national_order""",  # noqa: S608
        [first_checkout],
    )
    execute(
        f"""INSERT INTO {table("marketplace.OrderLine")} (order_id, product_id, name, unit,
            unit_price, quantity)
        SELECT %s + n.o - 1, p.id, p.name, p.unit, p.price,
               1 + floor({rnd("n.o * 4 + l", 37, seed)} * 3)::int
        FROM national_order n CROSS JOIN generate_series(0, 2) AS l
        JOIN national_product p ON p.shop_id = n.shop_id
             AND p.in_shop = (n.in_shop + l) %% n.shop_products
        WHERE l < n.lines""",  # noqa: S608
        [first_order],
    )
    _orders_insert(seed, first_checkout, first_order)
    _order_events(first_order)
    return count


def _orders_insert(seed: int, first_checkout: int, first_order: int) -> None:
    shop, line = table("marketplace.Shop"), table("marketplace.OrderLine")
    execute(
        f"""INSERT INTO {table("marketplace.Order")} (id, public_id, checkout_id, shop_id,
            status, delivery, address, pickup_id, total, payment_method, payment_status,
            created_at, updated_at)
        SELECT %s + n.o - 1, md5('{int(seed)}:order:' || n.o)::uuid, %s + n.o - 1, n.shop_id,
               n.status, CASE WHEN s.is_pickup_point THEN 'pickup' ELSE 'address' END,
               CASE WHEN s.is_pickup_point THEN '' ELSE 'Douar ' || n.o END,
               CASE WHEN s.is_pickup_point THEN s.id END,
               (SELECT sum(unit_price * quantity) FROM {line} WHERE order_id = %s + n.o - 1),
               'cash_on_delivery',
               CASE WHEN n.status = 'delivered' THEN 'paid'
                    WHEN n.status IN ('cancelled', 'refused', 'returned') THEN 'void'
                    ELSE 'due' END,
               n.created_at, n.created_at + interval '5 days'
        FROM national_order n JOIN {shop} s ON s.id = n.shop_id ORDER BY n.o""",  # noqa: S608
        [first_order, first_checkout, first_order],
    )


def _order_events(first_order: int) -> None:
    """Each order's timeline, step by step up to its status."""
    order = table("marketplace.Order")
    steps = """(VALUES ('placed', 0, true),
        ('confirmed', 1, o.status IN ('confirmed', 'shipped', 'ready', 'delivered', 'returned')),
        ('shipped', 2, o.delivery = 'address' AND o.status IN ('shipped', 'delivered', 'returned')),
        ('ready', 2, o.delivery = 'pickup' AND o.status IN ('ready', 'delivered', 'returned')),
        ('delivered', 4, o.status IN ('delivered', 'returned')),
        ('returned', 6, o.status = 'returned'),
        ('cancelled', 0.5, o.status = 'cancelled'),
        ('refused', 1, o.status = 'refused')) AS step(status, days, happened)"""
    execute(
        f"""INSERT INTO {table("marketplace.OrderEvent")} (order_id, status, at)
        SELECT o.id, step.status, o.created_at + step.days * interval '1 day'
        FROM {order} o CROSS JOIN LATERAL {steps}
        WHERE o.id >= %s AND step.happened ORDER BY o.id, step.days""",  # noqa: S608
        [first_order],
    )
