"""Documents people send (a scan, a photo of a receipt): the type is read from the first bytes,
never from the name or the type the phone declares (docs/decisions/0021).

Only PDF, JPEG and PNG are accepted; the caller stores the bytes privately and serves them with
the type found here.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .sizes import human_size

SIGNATURES = [
    (b"%PDF-", "application/pdf", "pdf"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
]
DOCUMENT_MAX_BYTES = 5 * 1024 * 1024


def document_type(head: bytes) -> tuple[str, str] | None:
    """(content type, extension) of a PDF, JPEG or PNG, from its first bytes; None otherwise."""
    for signature, content_type, extension in SIGNATURES:
        if head.startswith(signature):
            return content_type, extension
    return None


def document_read(upload, *, max_bytes: int = DOCUMENT_MAX_BYTES) -> tuple[bytes, str]:
    """The bytes of an uploaded document and its type, or a translated ValidationError.

    Codes: ``document_empty``, ``document_too_big``, ``document_type``.
    """
    if upload is None or not upload.size:
        raise ValidationError(_("Choose a file to send."), code="document_empty")
    if upload.size > max_bytes:
        raise ValidationError(
            _("This file is too big (at most %(size)s). Take a smaller photo or scan."),
            code="document_too_big",
            params={"size": human_size(max_bytes)},
        )
    data = upload.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ValidationError(
            _("This file is too big (at most %(size)s). Take a smaller photo or scan."),
            code="document_too_big",
            params={"size": human_size(max_bytes)},
        )
    found = document_type(data[:16])
    if found is None:
        raise ValidationError(_("Send a PDF, or a photo in JPEG or PNG."), code="document_type")
    return data, found[0]
