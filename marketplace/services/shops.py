"""Opening a shop (a leader of an active cooperative), its details, who may manage it."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.phones import normalise_phone_number
from registry_link.api import Cooperative, LinkStatus, Membership, is_leader_of

from .. import error_codes
from ..models import Shop


def seller_check(cooperative: Cooperative) -> None:
    """Only cooperatives and unions active in the register sell."""
    if not cooperative.is_active:
        raise ValidationError(
            _("Only cooperatives active in the register can sell (this one is “%(status)s”)."),
            code=error_codes.SELLER_NOT_ACTIVE,
            params={"status": cooperative.get_status_display()},
        )


def _leader_require(*, user, cooperative: Cooperative) -> None:
    if not is_leader_of(user=user, cooperative=cooperative):
        raise PermissionDenied(error_codes.NOT_A_MANAGER)


def shop_open(
    *,
    cooperative: Cooperative,
    by,
    phone_number: str,
    email: str = "",
    description: str = "",
    is_pickup_point: bool = False,
) -> Shop:
    """Open (or update) the cooperative's shop; only its leader may."""
    _leader_require(user=by, cooperative=cooperative)
    seller_check(cooperative)
    shop = Shop.objects.filter(cooperative=cooperative).first() or Shop(cooperative=cooperative)
    shop.phone_number = normalise_phone_number(phone_number)
    shop.email = email
    shop.description = description
    shop.is_pickup_point = is_pickup_point
    shop.full_clean()
    shop.save()
    return shop


def shop_managers_set(*, shop: Shop, by, user_ids: list[int]) -> None:
    """The leader chooses which confirmed members may manage the shop with her."""
    _leader_require(user=by, cooperative=shop.cooperative)
    members = Membership.objects.filter(
        cooperative=shop.cooperative, status=LinkStatus.CONFIRMED, user_id__in=user_ids
    ).values_list("user_id", flat=True)
    with transaction.atomic():
        shop.managers.set(list(members))


def shop_verify(*, shop: Shop) -> None:
    """Staff checked the shop's details against the register."""
    Shop.objects.filter(pk=shop.pk, verified_at__isnull=True).update(verified_at=timezone.now())
