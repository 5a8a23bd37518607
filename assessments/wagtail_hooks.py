"""The question bank, quizzes, learning paths and certificates in the Wagtail admin."""

from django import forms
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Certificate, LearningPath, Question, Quiz
from .services.certificates import certificate_revoke


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Questions")
    list_display = ["text", "kind", "locale"]
    list_filter = ["kind", "locale"]
    search_fields = ["text"]


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = _("Quizzes and tests")
    list_display = ["title", "kind", "course", "module"]
    list_filter = ["kind"]


class LearningPathViewSet(SnippetViewSet):
    model = LearningPath
    icon = "list-ol"
    menu_label = _("Learning paths")
    list_display = ["title", "locale"]
    list_filter = ["locale"]
    search_fields = ["title"]


class RevokeForm(WagtailAdminModelForm):
    revoke = forms.BooleanField(label=_("Revoke this certificate"), required=False)

    def save(self, commit=True):
        certificate = super().save(commit=False)
        if self.cleaned_data.get("revoke") and commit:
            return certificate_revoke(
                certificate=certificate, reason=self.cleaned_data["revoked_reason"]
            )
        if commit:
            certificate.save()
        return certificate


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "success"
    menu_label = _("Certificates")
    list_display = ["learner_name", "title", "kind", "code", "issued_at", "revoked_at"]
    list_filter = ["kind"]
    search_fields = ["code", "learner_name"]
    panels = [
        FieldPanel("learner_name", read_only=True),
        FieldPanel("code", read_only=True),
        FieldPanel("revoked_reason"),
    ]

    def get_form_class(self, for_update=False):
        base = super().get_form_class(for_update=for_update)
        return type("CertificateRevokeForm", (RevokeForm, base), {})


class AssessmentsGroup(SnippetViewSetGroup):
    items = (QuestionViewSet, QuizViewSet, LearningPathViewSet, CertificateViewSet)
    menu_icon = "tasks"
    menu_label = _("Assessments")
    menu_name = "assessments"


register_snippet(AssessmentsGroup)


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("assessment-reports/", admin_views.report_index, name="assessments_reports"),
        path(
            "assessment-reports/<int:quiz_id>/",
            admin_views.quiz_report,
            name="assessments_report",
        ),
        path(
            "assessment-reports/voice-notes/<int:evaluation_id>/",
            admin_views.voice_note,
            name="assessments_voice_note",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_report_menu_item():
    return MenuItem(
        _("Assessment reports"), reverse("assessments_reports"), icon_name="table", order=910
    )
