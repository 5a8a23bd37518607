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

# HLS (docs/decisions/0040): a segment's name is written once per rendition and never changes,
# so browsers and CDNs keep it for a year; a playlist may be rewritten (a rung added): briefly.
HLS_SEGMENT_SUFFIXES = (".m4s", ".ts", ".mp4", ".aac")
SEGMENT_CACHE = "public, max-age=31536000, immutable"
PLAYLIST_CACHE = "public, max-age=60, s-maxage=300"


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
    if response.status_code == 200 and (cache_control := hls_cache_control(path)):
        response["Cache-Control"] = cache_control
    return response


def hls_cache_control(path: str) -> str | None:
    """How long a shared cache may keep a file of an HLS rendition (None: not one)."""
    if "/hls/" not in f"/{path}":
        return None
    if path.endswith(".m3u8"):
        return PLAYLIST_CACHE
    return SEGMENT_CACHE if path.endswith(HLS_SEGMENT_SUFFIXES) else None
