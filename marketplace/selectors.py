"""Reads: the public catalogue, shops, a buyer's orders, a seller's dashboard, staff figures.

Every list loads what its template shows in a fixed number of queries, whatever its length."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum
from django.db.models.functions import TruncDate, TruncMonth
from django.utils import timezone

from assessments.api import learners_certified
from media_pipeline.api import player_for
from registry_link.api import LinkStatus, Membership, Status, is_leader_of

from .choices import OrderStatus
from .models import Checkout, Order, OrderLine, Product, QualityLabel, Shop
from .search import search

PAGE_SIZE = 24


@dataclass(frozen=True)
class ProductFilters:
    query: str = ""
    region: str = ""
    category: str = ""
    label: str = ""


def _valid_labels() -> Prefetch:
    return Prefetch("labels", queryset=QualityLabel.objects.valid(), to_attr="valid_labels")


def products_listed() -> QuerySet[Product]:
    """Products anyone may see: listed, from an open shop of an active cooperative."""
    return Product.objects.filter(
        is_listed=True,
        shop__is_open=True,
        shop__cooperative__status=Status.ACTIVE,
    )


def products_for_list(filters: ProductFilters) -> QuerySet[Product]:
    products = products_listed()
    if filters.region:
        products = products.filter(region_id=filters.region)
    if filters.category:
        products = products.filter(category=filters.category)
    if filters.label:  # a subquery, not a join: no duplicate rows, no DISTINCT to sort
        labelled = QualityLabel.objects.valid().filter(kind=filters.label)
        products = products.filter(pk__in=labelled.values("products"))
    products = search(products, filters.query)
    return (
        products.select_related("shop__cooperative", "region", "photo")
        .prefetch_related("translations", "photo__renditions", _valid_labels())
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class Page:
    """One page of a list, without counting the whole list (a count grows with the catalogue)."""

    items: list
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1


def page_of(queryset: QuerySet, number: int) -> Page:
    number = max(1, number)
    start = (number - 1) * PAGE_SIZE
    rows = list(queryset[start : start + PAGE_SIZE + 1])
    return Page(items=rows[:PAGE_SIZE], number=number, has_next=len(rows) > PAGE_SIZE)


def product_public_get(*, public_id) -> Product | None:
    return (
        products_listed()
        .select_related("shop__cooperative__region", "region", "photo", "voice")
        .prefetch_related(
            "translations",
            "photo__renditions",
            "photos__image__renditions",
            Prefetch("labels", queryset=QualityLabel.objects.valid(), to_attr="valid_labels"),
        )
        .filter(public_id=public_id)
        .first()
    )


def shop_public_get(*, public_id) -> Shop | None:
    return (
        Shop.objects.open()
        .select_related("cooperative__region", "cooperative__province", "cooperative__commune")
        .prefetch_related(Prefetch("labels", queryset=QualityLabel.objects.valid()))
        .filter(public_id=public_id)
        .first()
    )


def pickup_points() -> QuerySet[Shop]:
    return (
        Shop.objects.open()
        .filter(is_pickup_point=True)
        .select_related("cooperative__region", "cooperative__commune")
    )


@dataclass(frozen=True)
class Training:
    trained_members: int
    members: int

    @property
    def is_trained_seller(self) -> bool:
        return self.trained_members > 0


def shop_training(shop: Shop) -> Training:
    """How many confirmed members hold a certificate of a marketing course (the “trained seller”
    badge): ``MARKETPLACE["TRAINED_SELLER_COURSES"]`` names those courses by translation key."""
    member_ids = list(
        Membership.objects.filter(
            cooperative_id=shop.cooperative_id, status=LinkStatus.CONFIRMED
        ).values_list("user_id", flat=True)
    )
    keys = getattr(settings, "MARKETPLACE", {}).get("TRAINED_SELLER_COURSES", [])
    trained = learners_certified(learner_ids=member_ids, subject_keys=keys) if keys else set()
    return Training(trained_members=len(trained), members=len(member_ids))


def shops_managed_by(user) -> QuerySet[Shop]:
    """Shops she may manage: she leads the cooperative, or a leader allowed her (and she is
    still a confirmed member)."""
    if not user.is_authenticated:
        return Shop.objects.none()
    leads = Q(
        cooperative__memberships__user=user,
        cooperative__memberships__role="leader",
        cooperative__memberships__status=LinkStatus.CONFIRMED,
    )
    allowed = Q(
        managers=user,
        cooperative__memberships__user=user,
        cooperative__memberships__status=LinkStatus.CONFIRMED,
    )
    return (
        Shop.objects.filter(cooperative__status=Status.ACTIVE)
        .filter(leads | allowed)
        .select_related("cooperative")
        .distinct()
    )


def can_manage(*, user, shop: Shop) -> bool:
    return shops_managed_by(user).filter(pk=shop.pk).exists()


def can_lead(*, user, shop: Shop) -> bool:
    return is_leader_of(user=user, cooperative=shop.cooperative)


def checkout_get(*, public_id) -> Checkout | None:
    return (
        Checkout.objects.filter(public_id=public_id)
        .prefetch_related(
            Prefetch(
                "orders",
                queryset=Order.objects.select_related("shop__cooperative", "pickup__cooperative")
                .prefetch_related("lines", "events")
                .order_by("pk"),
            )
        )
        .first()
    )


def order_get(*, public_id) -> Order | None:
    return (
        Order.objects.filter(public_id=public_id)
        .select_related("checkout", "shop__cooperative", "pickup__cooperative")
        .prefetch_related("lines", "events")
        .first()
    )


def orders_of_shop(shop: Shop) -> list[Order]:
    """New orders first (placed), then the others still open, then the closed ones."""
    orders = (
        Order.objects.filter(shop=shop)
        .select_related("checkout", "pickup__cooperative")
        .prefetch_related("lines")
    )
    rank = {OrderStatus.PLACED: 0, OrderStatus.CONFIRMED: 1, OrderStatus.READY: 2}
    rank |= {OrderStatus.SHIPPED: 2}
    return sorted(orders[:200], key=lambda order: (rank.get(order.status, 3), -order.pk))


def sales_by_day(shop: Shop, *, days: int = 14) -> list[tuple]:
    """(date, MAD) for each of the last ``days`` days: orders not refused or cancelled."""
    today = timezone.localdate()
    start = today - timedelta(days=days - 1)
    rows = (
        Order.objects.filter(shop=shop, created_at__date__gte=start)
        .exclude(status__in=[OrderStatus.REFUSED, OrderStatus.CANCELLED, OrderStatus.RETURNED])
        .annotate(day=TruncDate("created_at"))
        .values("day")
        .annotate(amount=Sum("total"))
    )
    amounts = {row["day"]: row["amount"] for row in rows}
    return [
        (start + timedelta(days=n), amounts.get(start + timedelta(days=n), 0)) for n in range(days)
    ]


def order_lines_for_export(shop: Shop) -> QuerySet[OrderLine]:
    return (
        OrderLine.objects.filter(order__shop=shop)
        .select_related("order__checkout", "order__pickup__cooperative")
        .order_by("-order__created_at", "pk")
    )


def orders_by_region_and_sector() -> list[dict]:
    """Orders and sales per region and sector of the selling cooperative (staff, statistics)."""
    return list(
        Order.objects.exclude(status__in=[OrderStatus.REFUSED, OrderStatus.CANCELLED])
        .values("shop__cooperative__region_id", "shop__cooperative__sector")
        .annotate(orders=Count("pk"), amount=Sum("total"))
        .order_by("shop__cooperative__region_id", "shop__cooperative__sector")
    )


def voice_player(product: Product, *, language: str):
    """The spoken description's player data once the media pipeline made it ready, else None."""
    if product.voice_id is None:
        return None
    return player_for(asset_id=product.voice_id, language=language)


def sales_by_cooperative(*, since) -> dict[int, dict]:
    """Per cooperative with a shop: ``order_count`` placed since ``since`` (not refused nor
    cancelled), their ``ordered`` value and the ``delivered`` value (scoring, one query)."""
    recent = Q(orders__created_at__gte=since) & ~Q(
        orders__status__in=[OrderStatus.REFUSED, OrderStatus.CANCELLED]
    )
    rows = (
        Shop.objects.order_by()
        .values("cooperative_id")
        .annotate(
            order_count=Count("orders", filter=recent),
            ordered=Sum("orders__total", filter=recent, default=0),
            delivered=Sum(
                "orders__total", filter=recent & Q(orders__status=OrderStatus.DELIVERED), default=0
            ),
        )
    )
    return {row.pop("cooperative_id"): row for row in rows}


def market_figures() -> list[dict]:
    """Staff statistics (``insights``): open shops and listed products per region (of the
    cooperative's seat) and sector (``month`` None), then orders, delivered orders and
    delivered value per month of the order."""
    coop = {"seat": F("shop__cooperative__region_id"), "sector": F("shop__cooperative__sector")}
    shops = (
        Shop.objects.filter(is_open=True)
        .values(seat=F("cooperative__region_id"), sector=F("cooperative__sector"))
        .annotate(shops=Count("pk"))
        .order_by()
    )
    products = products_listed().values(**coop).annotate(products=Count("pk")).order_by()
    delivered = Q(status=OrderStatus.DELIVERED)
    orders = (
        Order.objects.exclude(status__in=[OrderStatus.REFUSED, OrderStatus.CANCELLED])
        .values(**coop, month=TruncMonth("created_at"))
        .annotate(
            orders=Count("pk"),
            delivered=Count("pk", filter=delivered),
            delivered_value=Sum("total", filter=delivered, default=0),
        )
        .order_by()
    )
    rows = [{**row, "month": None} for row in [*shops, *products]] + list(orders)
    return [{**row, "region": row.pop("seat")} for row in rows]
