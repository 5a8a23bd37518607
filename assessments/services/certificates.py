"""Certificates: issued once per learner and course, revoked by staff with a reason."""

import secrets
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.content import resolve_many
from core.languages import DEFAULT_LANGUAGE, is_known

from ..models import Certificate

# Crockford's base32 (no I, L, O, U): easy to read aloud or type from paper.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_CHARACTERS = 25  # 125 bits of randomness, in five groups of five


def certificate_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _index in range(CODE_CHARACTERS))
    return "-".join(raw[index : index + 5] for index in range(0, CODE_CHARACTERS, 5))


def _course_title(course_key: UUID, language_code: str) -> tuple[str, int]:
    course = Page.objects.filter(translation_key=course_key).select_related("locale").first()
    if course is None:
        return "", 0
    best = resolve_many([course], language_code).get(course_key, course)
    specific = best.specific
    return specific.title, getattr(specific, "duration_minutes", 0)


def _language_of(learner) -> str:
    code = getattr(learner, "preferred_language", "")
    return code if is_known(code) else DEFAULT_LANGUAGE


def certificate_issue(
    *, learner, course_key: UUID, language_code: str | None = None
) -> Certificate:
    """Her certificate for the course: made the first time, the same one ever after."""
    existing = Certificate.objects.filter(learner=learner, course_key=course_key).first()
    if existing is not None:
        return existing
    language = language_code or _language_of(learner)
    title, duration = _course_title(course_key, language)
    title_ar, _duration = _course_title(course_key, "ar")
    certificate = Certificate(
        learner=learner,
        course_key=course_key,
        code=certificate_code(),
        learner_name=learner.get_full_name() or learner.get_short_name(),
        language=language,
        course_title=title,
        course_title_ar=title_ar,
        duration_minutes=duration,
    )
    certificate.full_clean()
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:  # issued meanwhile by a concurrent completion
        return Certificate.objects.get(learner=learner, course_key=course_key)
    return certificate


def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    if not reason.strip():
        raise ValidationError(_("Say why the certificate is revoked."), code="reason_required")
    certificate.revoked_at = certificate.revoked_at or timezone.now()
    certificate.revoked_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    return certificate


def on_course_completed(sender, *, learner, course_key, **kwargs) -> None:
    """Thin handler of ``courses.api.course_completed``."""
    certificate_issue(learner=learner, course_key=course_key)
