"""What a learner keeps on her phone: the pages of a lesson or a course, and when they changed.

The pages are those of her language's tree (so links between them work offline); what they hold
(images, recordings, subtitles, quizzes) is found by whoever renders them. A *learner tag* names
her on the device without giving away her id: queued progress carries it, and the server accepts
a queue only from the learner it belongs to.
"""

from dataclasses import dataclass
from uuid import UUID

from django.db.models import Max
from django.utils.crypto import salted_hmac
from wagtail.models import Locale, Page

from .models import CoursePage, LessonPage

TAG_SALT = "courses.offline.learner"


def learner_tag(user) -> str:
    """A stable, opaque name for a signed-in learner ("" for anyone else)."""
    if not getattr(user, "is_authenticated", False):
        return ""
    return salted_hmac(TAG_SALT, str(user.pk)).hexdigest()[:20]


@dataclass(frozen=True)
class Saveable:
    key: UUID
    kind: str  # "course" or "lesson"
    root: Page  # the course or lesson page of the reader's tree
    pages: list[Page]  # the root first, then every page under it, in tree order


def saveable(key: UUID, language_code: str) -> Saveable | None:
    """The live course or lesson ``key`` in the tree of ``language_code``, with its pages."""
    locale = Locale.objects.filter(language_code=language_code).first()
    root = (
        Page.objects.live()
        .filter(translation_key=key, locale=locale)
        .type(CoursePage, LessonPage)
        .first()
    )
    if root is None:
        return None
    root = root.specific
    pages = [root]
    kind = "lesson"
    if isinstance(root, CoursePage):
        kind = "course"
        pages += list(root.get_descendants().live().order_by("path"))
    return Saveable(key=key, kind=kind, root=root, pages=pages)


def content_versions(keys: list[UUID]) -> dict[UUID, str | None]:
    """For each saved course or lesson, when it (or anything under it, in any language) was
    last published; ``None`` once it is gone (deleted or unpublished)."""
    roots = {
        page.translation_key: page
        for page in Page.objects.live().filter(translation_key__in=keys, alias_of__isnull=True)
    }
    versions: dict[UUID, str | None] = {}
    for key in keys:
        root = roots.get(key)
        if root is None:
            versions[key] = None
            continue
        tree = Page.objects.live().filter(path__startswith=root.path).values("translation_key")
        latest = Page.objects.filter(translation_key__in=tree).aggregate(
            latest=Max("last_published_at")
        )["latest"]
        versions[key] = latest.isoformat() if latest else ""
    return versions
