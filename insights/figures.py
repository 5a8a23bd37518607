"""The dashboard's tables and pictures for one set of filters, computed once per refresh.

The figures only change when ``services.refresh_summaries()`` commits a new ``Refresh``, so a
page's tables and charts are kept in the cache under a key made of the summaries' version (the
last refresh's id), the reader's scope (the whole country or her region), the filters and the
language: a second view of the same page until the next refresh reads one cache entry, a
refresh changes every key at once, and a regional reader's key always holds her region
(decision 0038)."""

import hashlib

from django.core.cache import cache
from django.utils.translation import get_language

from . import charts, selectors
from .conf import setting
from .filters import Filters

CACHE_PREFIX = "insights:dashboard"


def cache_key(filters: Filters, *, region: str, version) -> str:
    query = "&".join(f"{key}={value}" for key, value in sorted(filters.query().items()))
    filtered = hashlib.sha256(query.encode()).hexdigest()[:24]
    scope = region or "national"
    return f"{CACHE_PREFIX}:{version or 'none'}:{scope}:{get_language()}:{filtered}"


def _place_breakdown(region: str) -> str:
    return "province" if region else "region"


def compute(filters: Filters, *, region: str) -> dict:
    """Every table of the page, each computed once (the learners by place is the breakdown's
    table when they are the same), and the three pictures drawn from them."""
    learning = selectors.learning_table(filters)
    place = _place_breakdown(region)
    by_place = learning if filters.by == place else selectors.learning_table(filters, by=place)
    months = learning if filters.by == "month" else selectors.learning_table(filters, by="month")
    figures = {
        "learning": learning,
        "months": months,
        "funnel": selectors.funnel_table(filters),
        "register": selectors.register_table(filters),
        "market": selectors.market_table(filters),
        "coverage": selectors.coverage_table(filters),
        "cooperatives": selectors.coverage_cooperatives_table(filters),
    }
    figures.update(
        charts.dashboard_charts(figures, filters=filters, region=region, by_place=by_place)
    )
    return figures


def dashboard_figures(filters: Filters, *, region: str, version) -> dict:
    """``compute``'s answer, from the cache when this version of the figures has been seen."""
    key = cache_key(filters, region=region, version=version)
    figures = cache.get(key)
    if figures is None:
        figures = compute(filters, region=region)
        cache.set(key, figures, timeout=setting("CACHE_SECONDS"))
    return figures
