"""The blocks a trainer builds a lesson from. Video and audio come from the media pipeline (assets
transcoded for phones, with subtitles); quiz blocks come with the assessments app."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from media_pipeline.api import AudioBlock, VideoBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


class TextBlock(blocks.RichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "courses/blocks/text.html"
        description = _("Paragraphs, lists and links.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "courses/blocks/image.html"
        description = _("A picture with a description for people who cannot see it.")


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(label=_("Link text"), required=False, max_length=120)

    class Meta:
        icon = "doc-full"
        label = _("Document to download")
        template = "courses/blocks/document.html"
        description = _("A form or a guide the learner can download.")


class TipBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Kind"),
        choices=[("tip", _("Tip")), ("warning", _("Warning"))],
        default="tip",
    )
    text = blocks.TextBlock(label=_("Text"))

    class Meta:
        icon = "help"
        label = _("Tip or warning")
        template = "courses/blocks/tip.html"
        description = _("A short highlighted note.")


class KeyStepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=120)
    steps = blocks.ListBlock(blocks.CharBlock(label=_("Step"), max_length=250), label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Key steps")
        template = "courses/blocks/key_steps.html"
        description = _("A numbered list of the steps to remember.")


class QuizBlock(blocks.StructBlock):
    """A practice quiz from the assessments app, named by its label: courses never imports it
    (docs/decisions/0012); its template and scoring belong to assessments."""

    quiz = SnippetChooserBlock("assessments.Quiz", label=_("Quiz"))

    class Meta:
        icon = "help"
        label = _("Quiz")
        template = "assessments/blocks/quiz.html"
        description = _("Questions with instant feedback; answering them completes the lesson.")


class LessonBodyBlock(blocks.StreamBlock):
    text = TextBlock(features=RICH_TEXT_FEATURES)
    image = ImageBlock()
    video = VideoBlock()
    audio = AudioBlock()
    document = DocumentBlock()
    tip = TipBlock()
    key_steps = KeyStepsBlock()
    quiz = QuizBlock()
