"""Admin pages of one asset: status and actions, subtitle tracks, cue editor, voice-overs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms import CueFormSet, SubtitleUploadForm, VoiceOverForm
from .models import MediaAsset, SubtitleTrack
from .services import assets, subtitles, voice_overs
from .subtitles import Cue, format_timestamp

PERMISSION = "media_pipeline.change_mediaasset"


def _asset(request, pk: int) -> MediaAsset:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    return get_object_or_404(MediaAsset, pk=pk)


def _manage_url(asset: MediaAsset) -> str:
    return reverse("media_pipeline_admin:manage", args=[asset.pk])


def manage(request, pk: int):
    asset = _asset(request, pk)
    subtitle_form = SubtitleUploadForm(prefix="subtitles")
    voice_over_form = VoiceOverForm(prefix="voice")
    if request.method == "POST" and "subtitles-language" in request.POST:
        subtitle_form = SubtitleUploadForm(request.POST, request.FILES, prefix="subtitles")
        if _upload_subtitles(request, asset, subtitle_form):
            return redirect(_manage_url(asset))
    elif request.method == "POST" and "voice-language" in request.POST:
        voice_over_form = VoiceOverForm(request.POST, request.FILES, prefix="voice")
        if voice_over_form.is_valid():
            file = voice_over_form.cleaned_data["file"]
            language = voice_over_form.cleaned_data["language"]
            voice_overs.voice_over_add(
                asset=asset, language=language, file=file, filename=file.name
            )
            messages.success(request, _("Voice-over received; it is being prepared."))
            return redirect(_manage_url(asset))
    context = {
        "asset": asset,
        "renditions": asset.renditions.all(),
        "tracks": asset.subtitles.all(),
        "voice_overs": asset.voice_overs.all(),
        "subtitle_form": subtitle_form,
        "voice_over_form": voice_over_form,
    }
    return TemplateResponse(request, "media_pipeline/admin/manage.html", context)


def _upload_subtitles(request, asset: MediaAsset, form: SubtitleUploadForm) -> bool:
    if not form.is_valid():
        return False
    try:
        subtitles.subtitle_track_upload(
            asset=asset, language=form.cleaned_data["language"], text=form.cleaned_data["file"]
        )
    except ValidationError as error:
        form.add_error("file", error)
        return False
    messages.success(request, _("Subtitles saved as a draft."))
    return True


@require_POST
def retry(request, pk: int):
    asset = _asset(request, pk)
    if assets.asset_retry(asset=asset):
        messages.success(request, _("“%(title)s” will be processed again.") % {"title": asset})
    else:
        messages.error(request, _("Only a failed asset can be retried."))
    return redirect(_manage_url(asset))


@require_POST
def reprocess(request, pk: int):
    asset = _asset(request, pk)
    if assets.asset_reprocess(asset=asset):
        messages.success(request, _("“%(title)s” will be converted again.") % {"title": asset})
    else:
        messages.error(request, _("This asset is still being processed."))
    return redirect(_manage_url(asset))


def track_edit(request, pk: int):
    track = get_object_or_404(SubtitleTrack.objects.select_related("asset"), pk=pk)
    _asset(request, track.asset_id)
    if request.method == "POST":
        formset = CueFormSet(request.POST, prefix="cues")
        if formset.is_valid() and _save_cues(track, formset):
            messages.success(request, _("Subtitles saved."))
            return redirect(_manage_url(track.asset))
    else:
        initial = [
            {"start": format_timestamp(c.start), "end": format_timestamp(c.end), "text": c.text}
            for c in subtitles.subtitle_track_cues(track=track)
        ]
        formset = CueFormSet(initial=initial, prefix="cues")
    context = {"track": track, "asset": track.asset, "formset": formset}
    return TemplateResponse(request, "media_pipeline/admin/track_edit.html", context)


def _save_cues(track: SubtitleTrack, formset) -> bool:
    cues = [
        Cue(
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
            text=form.cleaned_data["text"],
        )
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
    try:
        subtitles.subtitle_track_edit(track=track, cues=cues)
    except ValidationError as error:
        formset._non_form_errors = formset.error_class(error.messages)
        return False
    return True


@require_POST
def track_publish(request, pk: int):
    track = get_object_or_404(SubtitleTrack, pk=pk)
    asset = _asset(request, track.asset_id)
    published = request.POST.get("published") == "1"
    subtitles.subtitle_track_publish(track=track, published=published)
    return redirect(_manage_url(asset))


@require_POST
def voice_over_publish(request, pk: int):
    asset = _asset(request, pk)
    track = get_object_or_404(asset.voice_overs, pk=request.POST.get("track"))
    voice_overs.voice_over_publish(track=track, published=request.POST.get("published") == "1")
    return redirect(_manage_url(asset))
