"""Searching products in Arabic (and Darija) and French with the project bank's search
(core/arabic.py, docs/decisions/0015): each stored word in its normal form, then the root of each
Arabic word, so that "زيت" finds "الزيت", "الأركان" finds "أركان" and "الزيوت" finds "زيت"."""

from django.db.models import Q, QuerySet

from core.arabic import search_words


def search(products: QuerySet, query: str) -> QuerySet:
    """Every word of the query inside the product's stored search text, as typed or by its root.

    The stored text is already normalised and lower-cased, so a plain ``LIKE`` (``contains``)
    does, on PostgreSQL and SQLite alike, and it is not recomputed per row. With the list's
    ``ORDER BY created_at DESC LIMIT`` PostgreSQL walks the newest products and stops once a page
    is full, so a search costs about the same with 100 products or 10,000 (``make bench``)."""
    matches = Q()
    for word, root in search_words(query):
        found = Q(search_text__contains=word)
        matches &= found | Q(search_text__contains=root) if root else found
    return products.filter(matches)
