"""Reads of founding files, and who may see which (item 5: founders see only their file;
regional staff see their region's queue; docs/decisions/0034)."""

from django.db.models import QuerySet

from ..models.founding import FileStatus, FoundingFile

REVIEW_PERMISSION = "registry_link.review_foundingfile"
QUEUE_STATUSES = [
    FileStatus.SUBMITTED,
    FileStatus.CHANGES,
    FileStatus.NAME_APPROVED,
    FileStatus.REGISTERED,
    FileStatus.CENTRALISED,
]


def _files() -> QuerySet[FoundingFile]:
    return FoundingFile.objects.select_related("project", "region", "cooperative")


def file_for_founder(*, public_id, user) -> FoundingFile | None:
    """The file, if ``user`` is one of its founders; None otherwise (the same as unknown)."""
    if not user.is_authenticated:
        return None
    return _files().filter(public_id=public_id, founders__user=user).first()


def file_for_project(*, project_public_id, user) -> FoundingFile | None:
    if not user.is_authenticated:
        return None
    return _files().filter(project__public_id=project_public_id, founders__user=user).first()


def is_reviewer(user) -> bool:
    """Staff with the review permission; a superuser sees every region."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.is_staff
        and (user.is_superuser or (user.has_perm(REVIEW_PERMISSION) and user.region))
    )


def may_review(*, user, file: FoundingFile) -> bool:
    """Staff of the file's region (``User.region``), or a superuser."""
    if not is_reviewer(user):
        return False
    return user.is_superuser or (file.region_id is not None and file.region_id == user.region)


def review_queue(*, user, status: str | None = None) -> QuerySet[FoundingFile]:
    """The files sent to her region's delegation (every region for a superuser)."""
    if not is_reviewer(user):
        return FoundingFile.objects.none()
    files = _files().filter(status__in=QUEUE_STATUSES)
    if not user.is_superuser:
        files = files.filter(region_id=user.region)
    if status:
        files = files.filter(status=status)
    return files.order_by("submitted_at", "pk")


def file_for_reviewer(*, public_id, user) -> FoundingFile | None:
    return review_queue(user=user).filter(public_id=public_id).first()


def certificate_get(*, code: str) -> FoundingFile | None:
    """The file whose name approval certificate has this code (public verification)."""
    code = (code or "").strip().upper()
    if not code:
        return None
    return _files().filter(certificate_code=code).first()
