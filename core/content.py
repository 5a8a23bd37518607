"""Content fallback: which translation of a page a learner sees.

Every locale holds a full page tree (untranslated pages are aliases of the source), so URLs and
navigation always stay in the learner's language. The *content* shown comes from the nearest
language of the fallback chain that has a real translation; failing that, from the original.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Exists, OuterRef
from wagtail.models import Page

from core.languages import Language, get_language
from core.reading import content_chain


@dataclass(frozen=True)
class Resolved:
    """A page as a learner in ``requested`` sees it: its content comes from ``content``."""

    content: Page
    requested: Language
    shown: Language

    @property
    def is_fallback(self) -> bool:
        return self.shown.code != self.requested.code


def _rank(language_code: str, chain: tuple[str, ...]) -> int:
    return chain.index(language_code) if language_code in chain else len(chain)


def _candidates(translation_keys: Iterable):
    return (
        Page.objects.live()
        .filter(translation_key__in=list(translation_keys), alias_of__isnull=True)
        .select_related("locale")
    )


def readable(pages):
    """The pages of ``pages`` a learner may open: those with a live real translation somewhere.

    A page of a reader's tree may be a draft translation, not yet published by a reviewer: its
    URL still answers, with the content of the nearest published language and the fallback
    notice, never with the unreviewed draft.
    """
    published = Page.objects.live().filter(
        alias_of__isnull=True, translation_key=OuterRef("translation_key")
    )
    return pages.filter(Exists(published))


def resolve_many(pages: Iterable[Page], language_code: str) -> dict:
    """Map each page's translation key to the best real translation for ``language_code``.

    One query whatever the number of pages; the results are plain ``Page`` objects.
    """
    chain = content_chain(language_code)
    keys = {page.translation_key for page in pages}
    best: dict = {}
    for candidate in _candidates(keys):
        current = best.get(candidate.translation_key)
        rank = _rank(candidate.locale.language_code, chain)
        if current is None or rank < _rank(current.locale.language_code, chain):
            best[candidate.translation_key] = candidate
    return best


def resolve(page: Page, language_code: str) -> Resolved:
    """The specific page whose content to show for ``page`` to a reader of ``language_code``."""
    requested = get_language(language_code)
    if page.live and page.alias_of_id is None and page.locale.language_code == requested.code:
        return Resolved(content=page.specific, requested=requested, shown=requested)
    content = resolve_many([page], requested.code).get(page.translation_key, page).specific
    return Resolved(
        content=content, requested=requested, shown=get_language(content.locale.language_code)
    )
