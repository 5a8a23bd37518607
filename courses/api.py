"""What other apps may use of ``courses``."""

from wagtail.models import Locale

from .models import LessonPage
from .selectors import Entry, entries

__all__ = ["Entry", "search_lessons"]


def search_lessons(*, query: str, language_code: str, limit: int = 20) -> list[Entry]:
    """Lessons of the reader's tree matching ``query``, shown with their fallback content."""
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return []
    pages = LessonPage.objects.live().filter(locale=locale).search(query)[:limit]
    return entries(pages, language_code)


def load_demo_academy():
    """Load the demo course and its translations (idempotent); returns a LoadReport."""
    from .demo.loader import demo_academy_load

    return demo_academy_load()
