"""The app's settings: ``settings.INSIGHTS`` overrides these defaults."""

from django.conf import settings

DEFAULTS = {
    "YOUTH_MAX_AGE": 34,  # a young learner or member is this old or younger
    "SMALL_COUNT": 5,  # counts under this are suppressed in what leaves the admin
    # A page's computed figures stay in the cache this long at most; a refresh changes the key.
    "CACHE_SECONDS": 2 * 60 * 60,
}


def setting(name: str):
    return getattr(settings, "INSIGHTS", {}).get(name, DEFAULTS[name])
