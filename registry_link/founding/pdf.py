"""The founding file's PDFs, made with WeasyPrint like the course certificates (``core.pdf``).

The draft statutes and the minutes of the constitutive general assembly are legal texts with a
fixed wording in Arabic (first) and French: each language has its own template
(``founding/pdf/<document>_<language>.html``), filled from the file, in one PDF. The name
approval certificate carries a QR code to its public verification page.
"""

from django.template.loader import render_to_string
from django.utils import timezone, translation

from core.pdf import font_dir, html_to_pdf, qr_data_uri

from ..models.founding import FoundingFile

DOCUMENTS = ("statutes", "minutes")
LANGUAGES = (("ar", "rtl"), ("fr", "ltr"))


def _context(file: FoundingFile) -> dict:
    founders = list(file.founders.select_related("user"))
    return {
        "file": file,
        "founders": founders,
        "leader": next((founder for founder in founders if founder.is_leader), None),
        "name": file.approved_name or (file.names[0] if file.names else ""),
        "capital": file.share_value * sum(founder.shares for founder in founders),
        "shares_total": sum(founder.shares for founder in founders),
        "today": timezone.localdate(),
        "font_dir": font_dir(),
    }


def document_pdf(*, file: FoundingFile, document: str) -> bytes:
    """The draft statutes or assembly minutes: the Arabic text, then the French one."""
    if document not in DOCUMENTS:
        raise ValueError(document)
    context = _context(file)
    sides = []
    for code, direction in LANGUAGES:
        with translation.override(code):
            sides.append(
                {
                    "code": code,
                    "direction": direction,
                    "html": render_to_string(
                        f"registry_link/founding/pdf/{document}_{code}.html", context
                    ),
                }
            )
    return html_to_pdf(
        render_to_string("registry_link/founding/pdf/document.html", {**context, "sides": sides})
    )


def certificate_pdf(*, file: FoundingFile, verify_url: str) -> bytes:
    """The name approval certificate (Arabic and French), with its code and QR code."""
    context = {**_context(file), "qr": qr_data_uri(verify_url), "verify_url": verify_url}
    return html_to_pdf(render_to_string("registry_link/founding/pdf/certificate.html", context))
