"""A live site that also serves MEDIA_ROOT, with byte ranges, and a lesson with a real video.

The test server does not serve MEDIA_ROOT (SERVE_MEDIA is off and the URLs are built at import
time), so this module is the URL configuration of the tests that play media: the academy's URLs
plus /media/. Either way media files are answered with byte ranges, as a real media server does
(the live server's own media handler is given the same ``serve``).
"""

import re

from django.conf import settings
from django.http import HttpResponse
from django.urls import re_path
from django.views.static import serve

from academy.urls import urlpatterns as academy_urlpatterns

SRT = "1\n00:00:00,200 --> 00:00:05,800\nⴰⵣⵓⵍ ⴼⵍⴰⵡⵏ\n"


def serve_with_ranges(request, path, document_root=None, show_indexes=False):
    """Django's static ``serve`` with byte ranges, as a media server answers (an <audio> playing
    a progressive file can only seek with them)."""
    response = serve(request, path, document_root=document_root, show_indexes=show_indexes)
    response["Accept-Ranges"] = "bytes"
    match = re.fullmatch(r"bytes=(\d+)-(\d*)", request.headers.get("Range", ""))
    if response.status_code != 200 or not match:
        return response
    body = b"".join(response.streaming_content)
    start, end = int(match[1]), min(int(match[2] or len(body) - 1), len(body) - 1)
    if start >= len(body):
        return HttpResponse(status=416, headers={"Content-Range": f"bytes */{len(body)}"})
    partial = HttpResponse(body[start : end + 1], status=206, content_type=response["Content-Type"])
    partial["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
    partial["Accept-Ranges"] = "bytes"
    return partial


def _media(request, path):
    return serve_with_ranges(request, path, document_root=settings.MEDIA_ROOT)


urlpatterns = [re_path(r"^media/(?P<path>.*)$", _media), *academy_urlpatterns]
