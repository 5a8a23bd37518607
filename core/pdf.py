"""What every PDF the site makes shares: a QR code as a data URI, the fonts' folder, and the
WeasyPrint call (imported only when a PDF is made: it is heavy).

Fonts come from Debian's fonts-noto-core through ``file://`` paths, so Arabic is shaped and
Tifinagh has its glyphs whatever fonts the machine's fontconfig would pick.
"""

import base64
import io

import qrcode
from django.conf import settings


def qr_data_uri(url: str) -> str:
    image = qrcode.make(url, box_size=6, border=2)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def font_dir() -> str:
    return settings.ASSESSMENTS_FONT_DIR


def html_to_pdf(html: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=html).write_pdf()
