"""Searching products in Arabic (and Darija) and French: the project bank's normal form
(core/arabic.py, docs/decisions/0015) with the Arabic article taken off each word, so that
“زيت” finds “الزيت” and “الأركان” finds “أركان”."""

from django.db.models import Q, QuerySet

from core.arabic import normalise_arabic

ARTICLE = "ال"
# “و” (and), “ب” (with), “ل” (for) glued before the article: وال، بال، لل…
PREFIXED_ARTICLES = ("وال", "بال", "فال", "كال", "لل")


def _bare(word: str) -> str:
    for prefix in (*PREFIXED_ARTICLES, ARTICLE):
        if word.startswith(prefix) and len(word) - len(prefix) >= 2:
            return word[len(prefix) :]
    return word


def search_normalise(text: str) -> str:
    """The words of ``text`` in the normal form, without the Arabic article."""
    return " ".join(_bare(word) for word in normalise_arabic(text).split())


def search(products: QuerySet, query: str) -> QuerySet:
    """Every word of the query inside the product's stored search text.

    The stored text is already normalised and lower-cased, so a plain ``LIKE`` (``contains``)
    does, on PostgreSQL and SQLite alike: it finds whole words and prefixes, which the project
    bank's full-text match adds nothing to, and it is not recomputed per row. With the list's
    ``ORDER BY created_at DESC LIMIT`` PostgreSQL walks the newest products and stops once a page
    is full, so a search costs about the same with 100 products or 10,000 (``make bench``)."""
    words = search_normalise(query).split()
    if not words:
        return products
    matches = Q()
    for word in words:
        matches &= Q(search_text__contains=word)
    return products.filter(matches)
