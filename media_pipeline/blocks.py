"""Video and audio blocks for StreamFields; other apps import them from media_pipeline.api."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .selectors import player_for


class _PlayerBlock(blocks.StructBlock):
    asset = SnippetChooserBlock("media_pipeline.MediaAsset", label=_("Media"))
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=120)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        asset = value.get("asset")
        context["player"] = (
            player_for(asset_id=asset.pk, language=translation.get_language() or "ar")
            if asset
            else None
        )
        return context


class VideoBlock(_PlayerBlock):
    class Meta:
        icon = "media"
        label = _("Video")
        template = "media_pipeline/blocks/player.html"
        description = _(
            "A video from the media library, with subtitles, low-quality and audio-only modes."
        )
        form_classname = "struct-block media-video-block"


class AudioBlock(_PlayerBlock):
    class Meta:
        icon = "media"
        label = _("Audio")
        template = "media_pipeline/blocks/player.html"
        description = _("A recording from the media library, with captions and voice-overs.")
        form_classname = "struct-block media-audio-block"
