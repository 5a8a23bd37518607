"""The certificate (of a course or a learning path) as a PDF made with WeasyPrint: A4 or a
phone-sized page, fonts embedded.

Fonts come from Debian's fonts-noto-core through ``file://`` paths, so Arabic is shaped and
Tifinagh has its glyphs whatever fonts the machine's fontconfig would pick.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from core.languages import get_language
from core.pdf import qr_data_uri

from .models import Certificate

LAYOUTS = {"a4": "A4 landscape", "phone": "100mm 178mm"}


def _side(certificate: Certificate, language_code: str, field: str) -> dict:
    """One language's side: ``field`` names the title to show ("title" or "title_ar")."""
    title = getattr(certificate, field)
    courses = [course.get(field, "") for course in certificate.courses]
    with translation.override(language_code):
        return {
            "language": get_language(language_code),
            "title": title,
            "html": render_to_string(
                "assessments/certificate_side.html",
                {"certificate": certificate, "title": title, "courses": courses},
            ),
        }


def certificate_pdf(*, certificate: Certificate, verify_url: str, layout: str = "a4") -> bytes:
    from weasyprint import HTML  # heavy import, only when a PDF is made

    sides = [_side(certificate, certificate.language, "title")]
    if certificate.language != "ar":
        sides.append(_side(certificate, "ar", "title_ar"))
    html = render_to_string(
        "assessments/certificate_pdf.html",
        {
            "certificate": certificate,
            "sides": sides,
            "page_size": LAYOUTS.get(layout, LAYOUTS["a4"]),
            "layout": layout if layout in LAYOUTS else "a4",
            "font_dir": settings.ASSESSMENTS_FONT_DIR,
            "qr": qr_data_uri(verify_url),
            "verify_url": verify_url,
        },
    )
    return HTML(string=html).write_pdf()


def masked_name(name: str) -> str:
    """ "Itto Ait Said" → "It•• A•• S•••": enough to recognise, not to harvest."""
    words = name.split()
    masked = []
    for index, word in enumerate(words):
        keep = 2 if index == 0 else 1
        masked.append(word[:keep] + "•" * max(0, len(word) - keep))
    return " ".join(masked)
