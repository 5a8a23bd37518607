"""Factories for the project bank's tests."""

from itertools import count

from django.utils import timezone
from wagtail.models import Page

from academy.models import User
from project_bank.models import Idea, IdeaRegion
from project_bank.services import idea_search_text_update

_numbers = count(1)
DEMO_COURSE_SLUG = "founding-a-cooperative"


def demo_course_key() -> str:
    return str(Page.objects.filter(slug=DEMO_COURSE_SLUG).first().translation_key)


def user_make(*, region: str = "09", gender: str = "woman", phone: str | None = None, **fields):
    """A learner whose number is verified (unless ``phone_verified_at=None`` is given)."""
    phone = phone or f"+2126110{next(_numbers):05d}"
    fields.setdefault("phone_verified_at", timezone.now())
    return User.objects.create_user(phone, "1357", region=region, gender=gender, **fields)


def idea_make(
    *,
    key: str | None = None,
    title: str = "تعاونية",
    sector: str = "agriculture",
    regions=("09",),
    courses=(),
    groups=(),
    investment_min: int = 10_000,
    plan: dict | None = None,
    **texts,
) -> Idea:
    idea = Idea(key=key or f"idea-{next(_numbers)}", sector=sector, investment_min=investment_min)
    idea.target_groups = groups
    idea.course_keys = [str(course) for course in courses]
    idea.plan = plan or {
        "startup": [{"label": "آلة", "amount": 12000}],
        "monthly": [{"label": "كراء", "amount": 1000}],
        "products": [{"label": {"ar": "زيت", "fr": "Huile"}, "price": 100, "volume": 40}],
    }
    idea.set_current_language("ar")
    idea.title = title
    for name, text in texts.items():
        setattr(idea, name, text)
    idea.save()
    for region in regions:
        IdeaRegion.objects.create(idea=idea, region=region)
    idea_search_text_update(idea=idea)
    return idea
