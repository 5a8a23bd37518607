"""Admin pages: ideas in one language at a time, the spreadsheet import (preview, then import)."""

import base64

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView
from wagtail.admin.viewsets.model import ModelViewSet

from core import imports as core_imports
from core.languages import LANGUAGES, is_known
from core.models import ImportJob

from . import funding_imports
from .admin_forms import FundingSourceAdminForm, IdeaAdminForm, TerritoryNoteAdminForm
from .imports import (
    BACKGROUND_FROM_ROWS,
    MAX_BYTES,
    ImportRejectedError,
    ideas_import,
    rows_check,
    rows_read,
)
from .models import FundingSource, Idea, TerritoryNote

CHANGE = "project_bank.change_idea"
SESSION_KEY = "project_bank_import"


def _language(request) -> str:
    code = request.GET.get("language", "ar")
    return code if is_known(code) else "ar"


class _LanguageFormMixin:
    def get_form_class(self):
        return type("IdeaForm", (IdeaAdminForm,), {"language_code": _language(self.request)})

    def get_object(self, queryset=None):
        idea = super().get_object(queryset)
        idea.set_current_language(_language(self.request))
        return idea

    def get_success_url(self):
        return reverse("project_bank_ideas:index")


class IdeaCreateView(_LanguageFormMixin, CreateView):
    pass


class IdeaEditView(_LanguageFormMixin, EditView):
    def get_edit_url(self):
        return super().get_edit_url() + f"?language={_language(self.request)}"


class TranslationsColumn(Column):
    """Links to edit the texts in each language; languages with texts are in bold."""

    def get_value(self, instance):
        done = set(instance.get_available_languages())
        url = reverse("project_bank_ideas:edit", args=[instance.pk])
        return format_html_join(
            " ",
            '<a href="{}?language={}" lang="{}" style="{}">{}</a>',
            (
                (
                    url,
                    lang.code,
                    lang.code,
                    "font-weight:700" if lang.code in done else "opacity:.6",
                    lang.code,
                )
                for lang in LANGUAGES
            ),
        )


class IdeaViewSet(ModelViewSet):
    model = Idea
    icon = "tip"
    menu_label = gettext_lazy("Project ideas")
    add_to_admin_menu = True
    menu_order = 260
    add_view_class = IdeaCreateView
    edit_view_class = IdeaEditView
    list_display = [
        "__str__",
        "sector",
        "investment_min",
        "is_published",
        TranslationsColumn("languages", label=gettext_lazy("Texts (edit a language)")),
    ]
    list_filter = ["sector", "is_published"]
    search_fields = ["key", "search_text"]
    form_fields = IdeaAdminForm.Meta.fields

    def get_form_class(self, for_update=False):
        return IdeaAdminForm


class _SourceLanguageMixin:
    def get_form_class(self):
        return type(
            "FundingSourceForm",
            (FundingSourceAdminForm,),
            {"language_code": _language(self.request)},
        )

    def get_object(self, queryset=None):
        source = super().get_object(queryset)
        source.set_current_language(_language(self.request))
        return source

    def get_success_url(self):
        return reverse("project_bank_funding:index")


class FundingSourceCreateView(_SourceLanguageMixin, CreateView):
    pass


class FundingSourceEditView(_SourceLanguageMixin, EditView):
    def get_edit_url(self):
        return super().get_edit_url() + f"?language={_language(self.request)}"


class SourceTranslationsColumn(Column):
    """Links to edit a source's texts in each language (those with texts are marked ✓)."""

    def get_value(self, instance):
        done = set(instance.get_available_languages())
        url = reverse("project_bank_funding:edit", args=[instance.pk])
        return format_html_join(
            " ",
            '<a href="{}?language={}" lang="{}">{}{}</a>',
            (
                (url, lang.code, lang.code, lang.code, "✓" if lang.code in done else "")
                for lang in LANGUAGES
            ),
        )


class FundingSourceViewSet(ModelViewSet):
    model = FundingSource
    icon = "doc-full"
    menu_label = gettext_lazy("Funding sources")
    add_to_admin_menu = True
    menu_order = 263
    add_view_class = FundingSourceCreateView
    edit_view_class = FundingSourceEditView
    list_display = [
        "__str__",
        "kind",
        "amount_max",
        "valid_until",
        "is_demo",
        "is_published",
        SourceTranslationsColumn("languages", label=gettext_lazy("Texts (edit a language)")),
    ]
    list_filter = ["kind", "is_demo", "is_published"]
    search_fields = ["key"]
    form_fields = FundingSourceAdminForm.Meta.fields

    def get_form_class(self, for_update=False):
        return FundingSourceAdminForm


class _NoteLanguageMixin:
    def get_form_class(self):
        return type(
            "TerritoryNoteForm",
            (TerritoryNoteAdminForm,),
            {"language_code": _language(self.request)},
        )

    def get_object(self, queryset=None):
        note = super().get_object(queryset)
        note.set_current_language(_language(self.request))
        return note

    def get_success_url(self):
        return reverse("project_bank_notes:index")


class TerritoryNoteCreateView(_NoteLanguageMixin, CreateView):
    pass


class TerritoryNoteEditView(_NoteLanguageMixin, EditView):
    def get_edit_url(self):
        return super().get_edit_url() + f"?language={_language(self.request)}"


class NoteTranslationsColumn(Column):
    """Links to edit a note's texts in each language (those with texts are marked ✓)."""

    def get_value(self, instance):
        done = set(instance.get_available_languages())
        url = reverse("project_bank_notes:edit", args=[instance.pk])
        return format_html_join(
            " ",
            '<a href="{}?language={}" lang="{}">{}{}</a>',
            (
                (url, lang.code, lang.code, lang.code, "✓" if lang.code in done else "")
                for lang in LANGUAGES
            ),
        )


class TerritoryNoteViewSet(ModelViewSet):
    """Needs and potential of provinces, as recorded at the regional meetings."""

    model = TerritoryNote
    icon = "site"
    menu_label = gettext_lazy("Needs and potential")
    add_to_admin_menu = True
    menu_order = 265
    add_view_class = TerritoryNoteCreateView
    edit_view_class = TerritoryNoteEditView
    list_display = [
        "__str__",
        "province",
        "kind",
        "sector",
        "is_demo",
        "is_published",
        NoteTranslationsColumn("languages", label=gettext_lazy("Texts (edit a language)")),
    ]
    list_filter = ["kind", "sector", "is_demo", "is_published"]
    search_fields = ["key"]
    form_fields = TerritoryNoteAdminForm.Meta.fields

    def get_form_class(self, for_update=False):
        return TerritoryNoteAdminForm


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (.xlsx or .csv)"))


def _check(request):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied


def import_ideas(request):
    """Step 1: upload and preview (nothing saved); step 2: import what was previewed (by a
    worker, with a progress page, above ``BACKGROUND_FROM_ROWS`` ideas)."""
    _check(request)
    context = {"form": ImportForm(), "page_title": _("Import project ideas")}
    if request.method == "POST" and request.POST.get("confirm") and SESSION_KEY in request.session:
        response = _confirmed(request, context, request.session.pop(SESSION_KEY))
        if response is not None:
            return response
    elif request.method == "POST":
        _previewed(request, context)
    return TemplateResponse(request, "project_bank/admin/import.html", context)


def _confirmed(request, context: dict, stored: dict):
    data = base64.b64decode(stored["data"])
    try:
        rows = rows_read(name=stored["name"], data=data)
        if len(rows) > BACKGROUND_FROM_ROWS:
            return _in_background(request, name=stored["name"], data=data, total=len(rows))
        ideas = ideas_import(rows=rows)
    except ImportRejectedError as error:
        context["problems"] = error.problems
    except ValidationError as error:
        context["file_error"] = " ".join(error.messages)
    else:
        messages.success(request, _("%(count)s ideas imported.") % {"count": len(ideas)})
        return redirect("project_bank_ideas:index")
    return None


def _previewed(request, context: dict) -> None:
    form = ImportForm(request.POST, request.FILES)
    context["form"] = form
    if not form.is_valid():
        return
    upload = form.cleaned_data["file"]
    data = upload.read(MAX_BYTES + 1)
    try:
        rows = rows_read(name=upload.name, data=data)
    except ValidationError as error:
        context["file_error"] = " ".join(error.messages)
        return
    checked, problems = rows_check(rows)
    context.update(preview=checked, problems=problems)
    if not problems:
        request.session[SESSION_KEY] = {
            "name": upload.name,
            "data": base64.b64encode(data).decode(),
        }


def _in_background(request, *, name: str, data: bytes, total: int):
    job = core_imports.import_job_create(
        kind="ideas",
        created_by=request.user,
        file_name=name,
        data=data,
        total=total,
        language=request.LANGUAGE_CODE,
    )
    return redirect("project_bank_import_job", job.uuid)


def import_job(request, uuid):
    """A background ideas import: its progress (the page reloads itself), then its report."""
    _check(request)
    job = get_object_or_404(ImportJob, uuid=uuid, kind="ideas", created_by=request.user)
    context = {
        "job": job,
        "done": core_imports.import_job_done(job=job),
        "page_title": _("Import project ideas"),
    }
    response = TemplateResponse(request, "project_bank/admin/import_job.html", context)
    if not job.is_finished:
        response["Refresh"] = "3"  # polls without JavaScript
    return response


def import_funding_sources(request):
    """Upload a spreadsheet of funding sources: all rows are saved, or none (with the report)."""
    if not request.user.has_perm("project_bank.change_fundingsource"):
        raise PermissionDenied
    context = {"form": ImportForm(), "page_title": _("Import funding sources")}
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        context["form"] = form
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                rows = funding_imports.rows_read(name=upload.name, data=upload.read(MAX_BYTES + 1))
                sources = funding_imports.funding_sources_import(rows=rows)
            except ImportRejectedError as error:
                context["problems"] = error.problems
            except ValidationError as error:
                context["file_error"] = " ".join(error.messages)
            else:
                messages.success(
                    request, _("%(count)s funding sources imported.") % {"count": len(sources)}
                )
                return redirect("project_bank_funding:index")
    return TemplateResponse(request, "project_bank/admin/funding_import.html", context)
