"""Certificates: issued once per learner and subject (a course, a learning path), revoked by
staff with a reason."""

import secrets
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from core.content import resolve_many
from core.languages import DEFAULT_LANGUAGE, is_known
from core.phones import phone_number_verified

from ..models import Certificate
from ..selectors import (
    all_completed_course_keys,
    completed_course_keys,
    path_course_keys,
    path_translation,
    paths_with_course,
)

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


def _existing(learner, kind: str, subject_key: UUID) -> Certificate | None:
    return Certificate.objects.filter(learner=learner, kind=kind, subject_key=subject_key).first()


def _save_once(certificate: Certificate) -> Certificate:
    certificate.full_clean()
    try:
        with transaction.atomic():
            certificate.save()
    except IntegrityError:  # issued meanwhile by a concurrent completion
        return _existing(certificate.learner, certificate.kind, certificate.subject_key)
    return certificate


def _new(learner, kind: str, subject_key: UUID, language: str, **facts) -> Certificate:
    return Certificate(
        learner=learner,
        kind=kind,
        subject_key=subject_key,
        code=certificate_code(),
        learner_name=learner.get_full_name() or learner.get_short_name(),
        language=language,
        **facts,
    )


def certificate_issue(
    *, learner, course_key: UUID, language_code: str | None = None
) -> Certificate:
    """Her certificate for the course: made the first time, the same one ever after."""
    existing = _existing(learner, Certificate.Kind.COURSE, course_key)
    if existing is not None:
        return existing
    language = language_code or _language_of(learner)
    title, duration = _course_title(course_key, language)
    title_ar, _duration = _course_title(course_key, "ar")
    certificate = _new(
        learner,
        Certificate.Kind.COURSE,
        course_key,
        language,
        title=title,
        title_ar=title_ar,
        duration_minutes=duration,
    )
    return _save_once(certificate)


def path_certificate_issue(
    *, learner, path_key: UUID, language_code: str | None = None
) -> Certificate:
    """Her certificate for a learning path: titles in her language and in Arabic, the path's
    courses listed, the duration of them all. Made once."""
    existing = _existing(learner, Certificate.Kind.PATH, path_key)
    if existing is not None:
        return existing
    language = language_code or _language_of(learner)
    courses = [
        (_course_title(key, language), _course_title(key, "ar"))
        for key in path_course_keys(path_key)
    ]
    certificate = _new(
        learner,
        Certificate.Kind.PATH,
        path_key,
        language,
        title=path_translation(path_key, language).title,
        title_ar=path_translation(path_key, "ar").title,
        courses=[{"title": mine[0], "title_ar": arabic[0]} for mine, arabic in courses],
        duration_minutes=sum(mine[1] for mine, _arabic in courses),
    )
    return _save_once(certificate)


def path_certificates_after_course(*, learner, course_key: UUID) -> list[Certificate]:
    """A certificate for every learning path this course was the last one missing of."""
    issued = []
    for path_key in paths_with_course(course_key):
        keys = path_course_keys(path_key)
        if keys and completed_course_keys(learner, keys) == set(keys):
            issued.append(path_certificate_issue(learner=learner, path_key=path_key))
    return issued


def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    if not reason.strip():
        raise ValidationError(_("Say why the certificate is revoked."), code="reason_required")
    certificate.revoked_at = certificate.revoked_at or timezone.now()
    certificate.revoked_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    return certificate


def on_course_completed(sender, *, learner, course_key, **kwargs) -> None:
    """Thin handler of ``courses.api.course_completed``: the course's certificate, then those of
    the learning paths it completes — once she proved her number (until then they wait, and
    ``certificates_catch_up`` issues them when she does; decision 0018)."""
    if not phone_number_verified(learner):
        return
    certificate_issue(learner=learner, course_key=course_key)
    path_certificates_after_course(learner=learner, course_key=course_key)


def certificates_catch_up(*, learner) -> list[Certificate]:
    """The certificates of every course (and path) she finished before her number was proved."""
    if not phone_number_verified(learner):
        return []
    issued = []
    for course_key in all_completed_course_keys(learner):
        issued.append(certificate_issue(learner=learner, course_key=course_key))
        issued.extend(path_certificates_after_course(learner=learner, course_key=course_key))
    return issued
