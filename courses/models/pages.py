"""The course tree: CourseIndexPage → CoursePage → ModulePage → LessonPage."""

from dataclasses import replace
from uuid import UUID, uuid4

from django.db import models
from django.utils.cache import add_never_cache_headers
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult
from wagtail_localize.fields import SynchronizedField

from core.content import Resolved, readable, resolve
from core.languages import django_languages, get_language

from ..blocks import LessonBodyBlock
from ..page_cache import fragment_key, remember, remember_in_process, shared_response
from ..panels import page_panels
from ..selectors import course_outline, lesson_context, lesson_list, lesson_narration


class Around:
    """The module, course and neighbours of a lesson, read only if a template asks for them
    (a cached fragment does not)."""

    def __init__(self, compute) -> None:
        self._compute = compute
        self._values: dict | None = None

    def __getitem__(self, name: str):
        if self._values is None:
            self._values = self._compute()
        return self._values[name]


def _last_of(around: Around) -> str:
    """The translation key of the lesson's module if the lesson is its last, else "" (cached:
    ``remember`` computes a ``None`` again each time)."""
    return "" if around["next_lesson"] else str(around["module_entry"].page.translation_key)


class LearnerPage(Page):
    """A page a learner reads: its content follows the fallback chain of her language."""

    class Meta:
        abstract = True

    def route(self, request, path_components):
        """A draft translation answers at its URL with the published content of its chain.

        Until a reviewer publishes it, the learner reads the nearest published language with
        the fallback notice (``core.content.resolve`` never picks a draft).
        """
        if (
            not path_components
            and not self.live
            and self.alias_of_id is None
            and readable(Page.objects.filter(pk=self.pk)).exists()
        ):
            return RouteResult(self)
        return super().route(request, path_components)

    def get_view_restrictions(self):
        """While serving a URL routed from the cache, the restrictions read with the route."""
        restrictions = getattr(self, "serving_restrictions", None)
        return super().get_view_restrictions() if restrictions is None else restrictions

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        request_is_preview = getattr(request, "is_preview", False)
        if request_is_preview:  # the editor's own words, draft included
            language = get_language(self.locale.language_code)
            context["resolved"] = Resolved(content=self, requested=language, shown=language)
            context["page_language"] = language
        else:
            # Read only where a fragment is not in the cache (docs/decisions/0040).
            context["resolved"] = SimpleLazyObject(lambda: resolve(self, self.locale.language_code))
            context["page_language"] = get_language(
                remember("shown", (self.pk,), lambda: context["resolved"].shown.code)
            )
        context["content"] = SimpleLazyObject(lambda: context["resolved"].content)
        context["fragment"] = uuid4().hex if request_is_preview else fragment_key(self)
        context["parent_url"] = SimpleLazyObject(lambda: self._parent_url(request))
        return context

    def _parent_url(self, request) -> str:
        """The breadcrumb's link (the parent page's URL), kept in the process until the next
        publish."""
        return remember_in_process(
            "parent-url", (request.get_host(), self.pk), lambda: self.get_parent().get_url(request)
        )

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        response["X-Offline"] = "page"  # the service worker may keep it among recent pages
        if request.user.is_authenticated:
            # A shared phone: the next learner must not find this one's page in the cache.
            add_never_cache_headers(response)
        elif not getattr(request, "is_preview", False):
            shared_response(response)
        return response


class CourseIndexPage(LearnerPage):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = remember(
            "catalogue",
            (self.pk,),
            lambda: lesson_list(readable(self.get_children().type(CoursePage)), self),
        )
        if request.user.is_authenticated:
            from ..learning import latest_resume, learner_courses  # they read these models

            courses = learner_courses(request.user, self.locale.language_code)
            context["resume"] = latest_resume(courses)
        return context


class CourseSectorTag(TaggedItemBase):
    content_object = ParentalKey("courses.CoursePage", related_name="tagged_items")


class CoursePage(LearnerPage):
    class Level(models.TextChoices):
        BEGINNER = "beginner", _("Beginner")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    summary = models.TextField(_("summary"), max_length=500)
    level = models.CharField(_("level"), max_length=20, choices=Level, default=Level.BEGINNER)
    duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=30)
    sectors = ClusterTaggableManager(verbose_name=_("sectors"), through=CourseSectorTag, blank=True)
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    original_language = models.CharField(
        _("language of the original"), max_length=8, choices=django_languages()
    )

    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("cover_image"),
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("duration_minutes"),
                FieldPanel("sectors"),
                FieldPanel("original_language"),
            ],
            heading=_("About the course"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    override_translatable_fields = [
        SynchronizedField("level"),
        SynchronizedField("duration_minutes"),
        SynchronizedField("original_language"),
        SynchronizedField("cover_image"),
        SynchronizedField("sectors"),
    ]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline = remember("outline", (self.pk,), lambda: course_outline(self))
        panels = page_panels(request, [self, *(module.entry.page for module in outline)])
        context["outline"] = [
            replace(module, panels=panels[module.entry.page.translation_key]) for module in outline
        ]
        context["page_panels"] = panels[self.translation_key]
        from ..learning import course_progress, done_lesson_keys  # learning reads these models

        keys = [entry.page.translation_key for module in outline for entry in module.lessons]
        context["done_keys"] = done_lesson_keys(request.user, keys)
        if request.user.is_authenticated:
            context["progress"] = course_progress(request.user, self, self.locale.language_code)
            if context["progress"] and context["progress"].completed_at:
                from ..panels import completion_panels

                context["completion_panels"] = completion_panels(request, self.translation_key)
        return context


class ModulePage(LearnerPage):
    intro = models.TextField(_("introduction"), blank=True)

    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["lessons"] = lesson_list(readable(self.get_children()), self)
        from ..learning import done_lesson_keys  # learning reads these models

        keys = [entry.page.translation_key for entry in context["lessons"]]
        context["done_keys"] = done_lesson_keys(request.user, keys)
        context["page_panels"] = page_panels(request, [self])[self.translation_key]
        return context


PERSONAL_BLOCKS = frozenset({"quiz"})


class LessonPage(LearnerPage):
    summary = models.CharField(_("summary"), max_length=250, blank=True)
    required = models.BooleanField(
        _("required to complete the course"),
        default=True,
        help_text=_("Optional lessons do not count towards completing the course."),
    )
    duration_minutes = models.PositiveIntegerField(_("estimated duration (minutes)"), default=5)
    body = StreamField(LessonBodyBlock(), verbose_name=_("lesson"), blank=True)
    narration = models.ForeignKey(
        "media_pipeline.MediaAsset",
        verbose_name=_("narration"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            'The whole lesson read aloud, for the "Listen" button. Choose the recording in '
            "this page's language; learners of other languages hear the nearest one."
        ),
    )

    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("required"),
        FieldPanel("narration"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    override_translatable_fields = [
        SynchronizedField("duration_minutes"),
        SynchronizedField("required"),
        SynchronizedField("narration"),  # a translator may choose her language's recording
    ]

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["around"] = Around(lambda: lesson_context(self))
        # A block that shows the reader's own answers (a practice quiz) is rendered each time.
        context["personal_body"] = request.user.is_authenticated and remember(
            "personal_body", (self.pk,), lambda: self._has_personal_blocks(context["content"])
        )
        from ..learning import lesson_progress, module_step_after  # learning reads these models

        context["lesson_state"] = lesson_progress(request.user, self.translation_key)
        language = self.locale.language_code
        context["narration"] = remember(
            "narration", (self.pk, language), lambda: lesson_narration(self, language)
        )
        last_of_module = remember("last_of_module", (self.pk,), lambda: _last_of(context["around"]))
        if last_of_module:
            context["module_step"] = module_step_after(request.user, UUID(last_of_module))
        context["just_done"] = request.GET.get("done") == "1" and (
            getattr(context["lesson_state"], "status", "") == "done"
        )
        return context

    @staticmethod
    def _has_personal_blocks(content) -> bool:
        return any(block.block_type in PERSONAL_BLOCKS for block in content.body)
