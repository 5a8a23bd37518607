"""The public register search: active cooperatives by name, number, region and sector.

Only what the public register page shows is read (names, kind, sector, region, court and
number); members' personal data and managers never are.
"""

from django.db.models import Q, QuerySet

from .models import Cooperative

PUBLIC_FIELDS = (
    "public_id", "kind", "name_ar", "name_latin", "name_tfng", "sector", "region_id",
    "region__name_fr", "region__name_ar", "court", "local_number", "status",
)  # fmt: skip


def register_public_search(*, query: str = "", region: str = "", sector: str = "") -> QuerySet:
    """Active cooperatives whose name contains ``query`` or whose number is ``query``."""
    found = Cooperative.objects.active().select_related("region").only(*PUBLIC_FIELDS)
    query = " ".join(query.split())[:100]
    if query:
        found = found.filter(
            Q(name_ar__icontains=query)
            | Q(name_latin__icontains=query)
            | Q(name_tfng__icontains=query)
            | Q(local_number__iexact=query)
        )
    if region:
        found = found.filter(region_id=region)
    if sector:
        found = found.filter(sector=sector)
    return found.order_by("name_latin", "name_ar", "pk")
