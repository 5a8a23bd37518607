"""Serving user uploads (``/media/``, where Django serves them): never as a page.

A file is shown inline only when its type, guessed from its name, is sound, video, a raster image,
subtitles or an HLS playlist; anything else is sent as a download of unknown type. Every answer
says ``nosniff``, so a browser never guesses HTML from the content.
"""

from django.http import FileResponse, HttpRequest
from django.views.static import serve

INLINE_PREFIXES = ("audio/", "video/", "image/")
INLINE_TYPES = {
    "text/vtt",
    "application/vnd.apple.mpegurl",
    "application/x-mpegurl",
    "audio/x-mpegurl",
}
NEVER_INLINE = {"image/svg+xml"}  # an SVG runs scripts


def is_inline_type(content_type: str) -> bool:
    """Whether a user's file of this type may be shown in the browser."""
    bare = content_type.split(";")[0].strip().lower()
    if bare in NEVER_INLINE:
        return False
    return bare in INLINE_TYPES or bare.startswith(INLINE_PREFIXES)


def serve_upload(request: HttpRequest, path: str, document_root: str):
    """Django's static file view, with the type and disposition made safe."""
    response = serve(request, path, document_root=document_root)
    if isinstance(response, FileResponse) and not is_inline_type(response["Content-Type"]):
        response["Content-Type"] = "application/octet-stream"
        response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response
