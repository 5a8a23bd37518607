"""Tell the CDN (Wagtail's frontend cache invalidation) which pages a publish changed.

A lesson's title shows on its module and course pages, and every page shows in every language
(its own translation, or the text of its fallback chain under the same path), so a publish purges
the page and its ancestors, each in every content language: Wagtail's task repeats each URL under
every language prefix (``WAGTAILFRONTENDCACHE_LANGUAGES``, by default the content languages).
Nothing happens without ``WAGTAILFRONTENDCACHE`` (no backend by default); the purge runs after
commit, so the CDN never fetches the old page again.
"""

from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page


def pages_to_purge(page: Page) -> list[Page]:
    """The page and its ancestors below the site root (the outline shows its title)."""
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1)
    return [ancestor for ancestor in ancestors if ancestor.url_path]


def purge_page(*, page: Page) -> None:
    batch = PurgeBatch()
    batch.add_pages(pages_to_purge(page))
    batch.purge()


def page_published_purge(sender, instance, **kwargs) -> None:
    transaction.on_commit(lambda: purge_page(page=instance))
