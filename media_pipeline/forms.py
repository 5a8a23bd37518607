"""Admin forms: the asset form (original read-only once saved), subtitle and voice-over uploads,
and the cue editor."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .error_codes import MediaError
from .models import language_choices
from .services.assets import check_upload
from .subtitles import parse_timestamp

SUBTITLE_MAX_BYTES = 2 * 1024 * 1024


class MediaAssetForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "original" in self.fields:
            self.fields["original"].disabled = True
            self.fields["original"].required = False
        elif "original" in self.fields:
            self.fields["original"].required = True

    def clean_original(self):
        file = self.cleaned_data.get("original")
        if file and not self.instance.pk:
            try:
                check_upload(filename=file.name, size=file.size)
            except MediaError as error:
                raise ValidationError(error.message, code=error.code.value) from error
        return file


class SubtitleUploadForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    file = forms.FileField(label=_("WebVTT or SRT file"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        if file.size > SUBTITLE_MAX_BYTES:
            raise ValidationError(_("A subtitle file is at most 2 MB."), code="too_large")
        try:
            return file.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                _("Save the subtitle file as UTF-8 text."), code="not_utf8"
            ) from error


class VoiceOverForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=language_choices)
    file = forms.FileField(label=_("Audio file"))

    def clean_file(self):
        file = self.cleaned_data["file"]
        try:
            check_upload(filename=file.name, size=file.size)
        except MediaError as error:
            raise ValidationError(error.message, code=error.code.value) from error
        return file


class CueForm(forms.Form):
    start = forms.CharField(label=_("Start"), max_length=12)
    end = forms.CharField(label=_("End"), max_length=12)
    text = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 2, "dir": "auto"}), max_length=200
    )

    def clean(self):
        data = super().clean()
        for name in ("start", "end"):
            if name in data:
                try:
                    data[name] = parse_timestamp(data[name])
                except ValueError:
                    self.add_error(
                        name,
                        ValidationError(_("Write a time as 00:01:02.500."), code="invalid_time"),
                    )
        return data


CueFormSet = forms.formset_factory(CueForm, extra=1, can_delete=True)
