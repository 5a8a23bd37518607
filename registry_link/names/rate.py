"""How often one address may check names: ``NAME_CHECK_RATE_LIMIT`` checks per
``NAME_CHECK_RATE_WINDOW`` seconds (defaults: 60 a minute), the JSON API and the page together.

The count lives in the cache (Redis in production, shared by every web server and worker), not
in the database: a rolled-back transaction cannot give checks back, and the count is one atomic
``INCR`` per check. The address is ``academy.api.client_ip``: ``X-Forwarded-For`` is believed
only from the proxies in ``TRUSTED_PROXIES`` (the right-most address that is not one of ours), so
a client that writes the header itself does not get a fresh count. When the cache cannot be
reached the check is served and not counted (the site degrades, it does not break): said in
docs/decisions/0031.
"""

import logging
import time

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

DEFAULT_LIMIT = 60
DEFAULT_WINDOW = 60


def _limits() -> tuple[int, int]:
    limit = getattr(settings, "NAME_CHECK_RATE_LIMIT", DEFAULT_LIMIT)
    window = getattr(settings, "NAME_CHECK_RATE_WINDOW", DEFAULT_WINDOW)
    return int(limit), max(1, int(window))


def name_check_rate_hit(*, address: str | None) -> int:
    """Count one check from ``address``; 0 when it may go on, else the seconds to wait."""
    limit, window = _limits()
    now = time.time()
    slot = int(now // window)
    key = f"registry:name-check:{address or 'unknown'}:{window}:{slot}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # the cache is unreachable, or evicted the key just now
        logger.warning("Name check not counted for %s: the cache did not answer", address)
        return 0
    if count <= limit:
        return 0
    return max(1, int((slot + 1) * window - now + 0.999))
