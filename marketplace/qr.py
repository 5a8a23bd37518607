"""QR codes as SVG, for the printable traceability label."""

import io

import qrcode
import qrcode.image.svg


def qr_svg(url: str) -> bytes:
    """An SVG QR code of ``url`` (black paths, no style attribute)."""
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue()
