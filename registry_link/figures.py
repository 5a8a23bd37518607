"""Read-only figures for the staff statistics (``insights``): the register by place and sector,
and the founding files' stages by month."""

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncMonth

from .choices import Kind, Status
from .models import Cooperative
from .models.founding import FileStatus, FoundingFile

REGISTERED = [FileStatus.REGISTERED, FileStatus.CENTRALISED]


def register_figures() -> list[dict]:
    """Active bodies per region, province and sector: cooperatives, unions, members, women,
    youth (the register's own counts)."""
    cooperative = Q(kind=Kind.COOPERATIVE)
    return list(
        Cooperative.objects.filter(status=Status.ACTIVE)
        .values("region_id", "province_id", "sector")
        .annotate(
            cooperatives=Count("pk", filter=cooperative),
            unions=Count("pk", filter=Q(kind=Kind.UNION)),
            members=Sum("members_count", filter=cooperative, default=0),
            women=Sum("women_count", filter=cooperative, default=0),
            youth=Sum("youth_count", filter=cooperative, default=0),
        )
        .order_by()
    )


def founding_figures() -> list[dict]:
    """Founding files sent, and those registered, per month sent, region and sector."""
    return list(
        FoundingFile.objects.filter(submitted_at__isnull=False)
        .values("region_id", "sector", month=TruncMonth("submitted_at"))
        .annotate(
            files=Count("pk"),
            registered=Count("pk", filter=Q(status__in=REGISTERED)),
        )
        .order_by()
    )
