"""Searching products in Arabic (and Darija) and French: the project bank's normal form
(core/arabic.py, docs/decisions/0015) with the Arabic article taken off each word, so that
“زيت” finds “الزيت” and “الأركان” finds “أركان”."""

from django.db import connection
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
    """Every word of the query in the product's stored search text.

    PostgreSQL: full-text match (configuration ``simple``) or a per-word substring match (which
    finds prefixes); elsewhere the substring match alone."""
    words = search_normalise(query).split()
    if not words:
        return products
    substring = Q()
    for word in words:
        substring &= Q(search_text__icontains=word)
    if connection.vendor != "postgresql":
        return products.filter(substring)
    from django.contrib.postgres.search import SearchQuery, SearchVector

    vector = SearchVector("search_text", config="simple")
    full_text = SearchQuery(" ".join(words), config="simple", search_type="plain")
    return products.annotate(document=vector).filter(Q(document=full_text) | substring)
