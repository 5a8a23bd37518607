"""Learning paths: an ordered list of courses; finishing them all earns a path certificate.

A path is a Wagtail translatable snippet like the questions (its title and description are
translated); its list of courses is synchronised from the source to every translation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, PageChooserPanel
from wagtail.models import Orderable, TranslatableMixin


class LearningPath(TranslatableMixin, ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        InlinePanel("steps", label=_("Courses, in order"), min_num=1),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def __str__(self) -> str:
        return self.title


class LearningPathCourse(Orderable):
    path = ParentalKey(LearningPath, related_name="steps", on_delete=models.CASCADE)
    course = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("course"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("course", "courses.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("course in the path")
        verbose_name_plural = _("courses in the path")

    def __str__(self) -> str:
        return str(self.course)
