"""The resumable upload endpoints (JSON) and the admin page whose script drives them."""

import json

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from . import conf
from .error_codes import MediaError
from .models import Upload, language_choices
from .selectors import published_track
from .services import uploads
from .services.assets import check_declared_size

PERMISSION = "media_pipeline.add_mediaasset"


def _check(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def _state(upload: Upload) -> dict:
    return {
        "id": str(upload.uuid),
        "offset": upload.received,
        "size": upload.size,
        "status": upload.status,
        "asset": upload.asset_id,
        "chunk_size": conf.get("UPLOAD_CHUNK_BYTES"),
        "url": reverse("media_pipeline:upload", args=[upload.uuid]),
    }


def _error(code: str, message: str, status: int, **extra) -> JsonResponse:
    return JsonResponse({"code": code, "message": message, **extra}, status=status)


@login_required
@require_POST
def upload_create(request):
    _check(request)
    try:
        data = json.loads(request.body or b"{}")
        size, filename = data["size"], str(data["filename"])
    except (ValueError, KeyError, TypeError):
        return _error("bad_request", "filename and size are required", 400)
    try:
        size = check_declared_size(size)
    except ValidationError as error:
        return _error(error.code, " ".join(error.messages), 400)
    try:
        upload = uploads.upload_start(
            filename=filename,
            size=size,
            title=str(data.get("title", "")),
            language=str(data.get("language", "")),
            user=request.user,
        )
    except MediaError as error:
        return _error(error.code.value, error.message, 422)
    except ValidationError as error:
        return _error(error.code or "invalid", " ".join(error.messages), 422)
    return JsonResponse(_state(upload), status=201)


@login_required
@require_http_methods(["GET", "PATCH"])
def upload_detail(request, uuid):
    _check(request)
    upload = get_object_or_404(Upload, uuid=uuid, created_by=request.user)
    if request.method == "GET":
        return JsonResponse(_state(upload))
    try:
        offset = int(request.headers["Upload-Offset"])
        length = int(request.headers["Content-Length"])
    except (KeyError, ValueError):
        return _error("bad_request", "Upload-Offset and Content-Length are required", 400)
    if offset < 0 or length < 0:
        return _error("bad_request", "Upload-Offset and Content-Length cannot be negative", 400)
    try:
        uploads.upload_append(upload=upload, offset=offset, stream=request, length=length)
    except uploads.UploadConflictError as conflict:
        return _error(conflict.reason, conflict.reason, 409, offset=conflict.offset)
    except OSError:
        upload.refresh_from_db()  # the connection broke; what arrived is kept
    return JsonResponse(_state(upload))


@login_required
@require_POST
def upload_finish(request, uuid):
    _check(request)
    upload = get_object_or_404(Upload, uuid=uuid, created_by=request.user)
    try:
        asset = uploads.upload_finish(upload=upload)
    except uploads.UploadConflictError as conflict:
        return _error(conflict.reason, conflict.reason, 409, offset=conflict.offset)
    upload.refresh_from_db()
    state = _state(upload)
    state["manage_url"] = reverse("media_pipeline_admin:manage", args=[asset.pk])
    return JsonResponse(state, status=201)


def upload_page(request):
    """The admin page: pick a file (2 GB and more), send it in chunks, resume after a drop."""
    _check(request)
    context = {
        "languages": language_choices(),
        "max_bytes": conf.get("MAX_UPLOAD_BYTES"),
        "extensions": conf.get("ALLOWED_EXTENSIONS"),
    }
    return TemplateResponse(request, "media_pipeline/admin/upload.html", context)


def subtitle_vtt(request, pk: int):
    """A published subtitle track as WebVTT (drafts are never served to learners)."""
    track = published_track(track_id=pk)
    if track is None:
        return HttpResponse(status=404)
    response = HttpResponse(track.vtt, content_type="text/vtt; charset=utf-8")
    # The player asks for ``?v=<version>``: a new publish is a new URL, kept as long as wanted.
    current = request.GET.get("v") == track.version
    response["Cache-Control"] = "public, max-age=31536000, immutable" if current else "no-cache"
    return response
