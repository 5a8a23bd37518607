"""Simple pictograms for the demo course, drawn on the fly so the repository holds no binaries."""

import io

from PIL import Image as PILImage
from PIL import ImageDraw

SIZE = (720, 405)
GREEN, SAND, INK, WHITE = "#0b6e4f", "#f2b134", "#1d2421", "#fffdf8"


def _people(draw: ImageDraw.ImageDraw) -> None:
    for i, x in enumerate(range(150, 600, 105)):
        colour = GREEN if i % 2 else SAND
        draw.ellipse((x - 28, 110, x + 28, 166), fill=colour)
        draw.rounded_rectangle((x - 42, 176, x + 42, 300), radius=30, fill=colour)


def _document(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((250, 60, 470, 345), fill=WHITE, outline=INK, width=6)
    for y in range(110, 300, 40):
        draw.line((285, y, 435, y), fill=INK, width=6)


def _bank(draw: ImageDraw.ImageDraw) -> None:
    draw.polygon([(200, 150), (360, 60), (520, 150)], fill=GREEN)
    for x in range(230, 500, 70):
        draw.rectangle((x, 165, x + 35, 300), fill=GREEN)
    draw.rectangle((200, 310, 520, 340), fill=GREEN)


def _stamp(draw: ImageDraw.ImageDraw) -> None:
    draw.ellipse((240, 80, 480, 320), outline=GREEN, width=14)
    draw.line((300, 205, 350, 255, 430, 160), fill=GREEN, width=18, joint="curve")


def _coins(draw: ImageDraw.ImageDraw) -> None:
    for i in range(5):
        y = 290 - i * 38
        draw.ellipse((270, y - 30, 450, y + 30), fill=SAND, outline=INK, width=4)


def _building(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((230, 110, 490, 340), fill=SAND)
    for x in range(260, 470, 60):
        for y in range(140, 280, 60):
            draw.rectangle((x, y, x + 30, y + 35), fill=WHITE)
    draw.rectangle((335, 280, 385, 340), fill=GREEN)


DRAWINGS = {
    "people": _people,
    "document": _document,
    "bank": _bank,
    "stamp": _stamp,
    "coins": _coins,
    "building": _building,
}


def draw_picture(name: str) -> bytes:
    """A PNG of the pictogram ``name`` (one of ``DRAWINGS``)."""
    image = PILImage.new("RGB", SIZE, "#e8f5ee")
    DRAWINGS[name](ImageDraw.Draw(image))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
