from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from core.languages import LANGUAGES, is_known
from core.languages import get_language as registered_language
from courses.api import learner_tag


def language(request: HttpRequest) -> dict:
    """The interface language of the request, with its script direction, and every language."""
    code = get_language()
    current = registered_language(code) if is_known(code) else None
    return {
        "interface_language": current,
        "all_languages": LANGUAGES,
    }


def offline(request: HttpRequest) -> dict:
    """The opaque name under which the phone keeps this learner's saved lessons and queue."""
    return {"learner_tag": SimpleLazyObject(lambda: learner_tag(getattr(request, "user", None)))}
