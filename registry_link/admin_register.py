"""Admin pages of the register: cooperatives (list, filters, edit), the changes of one
cooperative as the history keeps them (who, when, what), and the spreadsheet import."""

import base64

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from core import imports as core_imports
from core import outbox
from core.models import ImportJob
from core.spreadsheets.rows import RowsRejectedError

from . import imports
from .imports import (
    BACKGROUND_FROM_ROWS,
    JOB_KIND,
    MAX_BYTES,
    register_rows_save,
    rows_preview,
    rows_read,
)
from .models import Cooperative, RegisterSync
from .sync import sync_configured
from .tasks import SYNC_TASK

CHANGE = "registry_link.change_cooperative"
SESSION_KEY = "registry_link_import"
VIEWSET = "registry_cooperatives"
PREVIEW_ROWS = 200


class ChangesColumn(Column):
    """A link to the cooperative's changes (the register history)."""

    def get_value(self, instance):
        url = reverse(f"{VIEWSET}:changes", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Changes"))


class CooperativeAdminForm(WagtailAdminModelForm):
    """The register's edit form: the seat's commune, province and region must agree."""

    def clean(self):
        data = super().clean()
        region, province, commune = data.get("region"), data.get("province"), data.get("commune")
        if commune and province and commune.province_id != province.pk:
            self.add_error(
                "commune",
                ValidationError(
                    _("This commune is not in that province."), code="commune_not_in_province"
                ),
            )
        if province and region and province.region_id != region.pk:
            self.add_error(
                "province",
                ValidationError(
                    _("This province is not in that region."), code="province_not_in_region"
                ),
            )
        return data


class CooperativeIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("region")


class _AfterSaveMixin:
    """An edit in the admin is followed by what follows every write of the register."""

    def save_instance(self):
        instance = super().save_instance()
        imports._after_save([instance])
        return instance


class CooperativeCreateView(_AfterSaveMixin, CreateView):
    pass


class CooperativeEditView(_AfterSaveMixin, EditView):
    pass


class CooperativeViewSet(ModelViewSet):
    model = Cooperative
    index_view_class = CooperativeIndexView
    add_view_class = CooperativeCreateView
    edit_view_class = CooperativeEditView
    icon = "group"
    menu_label = gettext_lazy("Register of cooperatives")
    add_to_admin_menu = True
    menu_order = 270
    copy_view_enabled = False
    list_display = [
        "__str__",
        "name_latin",
        "registration",
        "kind",
        "sector",
        "region",
        "members_count",
        "status",
        ChangesColumn("changes", label=gettext_lazy("History")),
    ]
    list_filter = ["region", "sector", "status", "kind", "is_demo"]
    search_fields = ["name_ar", "name_latin", "name_tfng", "local_number", "court"]
    list_per_page = 50
    form_fields = [
        "kind",
        "name_ar",
        "name_latin",
        "name_tfng",
        "sector",
        "address",
        "region",
        "province",
        "commune",
        "court",
        "local_number",
        "registered_on",
        "object",
        "capital",
        "share_value",
        "members_count",
        "women_count",
        "youth_count",
        "managers",
        "union",
        "status",
        "status_changed_on",
    ]

    def get_form_class(self, for_update=False):
        return type(
            "CooperativeForm",
            (CooperativeAdminForm,),
            {"Meta": type("Meta", (), {"model": Cooperative, "fields": self.form_fields})},
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("changes/<int:pk>/", cooperative_changes, name="changes"),
        ]


def _shown(field, value):
    """A value as staff read it: a place or union by its name, a choice by its label."""
    if value in (None, ""):
        return value
    if field is not None and field.is_relation:
        found = field.related_model._default_manager.filter(pk=value).first()
        return str(found) if found else value
    if field is not None and field.choices:
        return dict(field.flatchoices).get(value, value)
    return value


def _changes(record, previous) -> list[dict]:
    """What a history record changed, field by field (nothing listed for the first one)."""
    fields = {field.name: field for field in Cooperative._meta.fields}
    if previous is None:
        return []
    delta = record.diff_against(previous)
    return [
        {
            "field": fields[change.field].verbose_name if change.field in fields else change.field,
            "old": _shown(fields.get(change.field), change.old),
            "new": _shown(fields.get(change.field), change.new),
        }
        for change in delta.changes
    ]


def cooperative_changes(request, pk: int):
    """Every change of one cooperative: when, by whom (or which import), what changed."""
    if not request.user.has_perm("registry_link.view_cooperative") and not request.user.has_perm(
        CHANGE
    ):
        raise PermissionDenied
    cooperative = get_object_or_404(Cooperative, pk=pk)
    records = cooperative.history.select_related("history_user").order_by("-history_date")
    page = Paginator(records, 30).get_page(request.GET.get("p"))
    items = list(page.object_list)
    entries = []
    for index, record in enumerate(items):
        previous = items[index + 1] if index + 1 < len(items) else record.prev_record
        entries.append({"record": record, "changes": _changes(record, previous)})
    context = {
        "cooperative": cooperative,
        "entries": entries,
        "page": page,
        "page_title": _("Changes of %(name)s") % {"name": cooperative},
    }
    return TemplateResponse(request, "registry_link/register/admin/changes.html", context)


# Import ----------------------------------------------------------------------------------


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Spreadsheet (.xlsx or .csv)"))


def _check(request):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied


def register_import(request):
    """Step 1: upload and preview (nothing saved); step 2: import what was previewed (by a
    worker, with a progress page, above ``BACKGROUND_FROM_ROWS`` rows)."""
    _check(request)
    context = {"form": ImportForm(), "page_title": _("Import the register")}
    if request.method == "POST" and request.POST.get("confirm") and SESSION_KEY in request.session:
        response = _confirmed(request, context, request.session.pop(SESSION_KEY))
        if response is not None:
            return response
    elif request.method == "POST":
        _previewed(request, context)
    return TemplateResponse(request, "registry_link/register/admin/import.html", context)


def _confirmed(request, context: dict, stored: dict):
    data = base64.b64decode(stored["data"])
    try:
        rows = rows_read(name=stored["name"], data=data)
        if len(rows) > BACKGROUND_FROM_ROWS:
            job = core_imports.import_job_create(
                kind=JOB_KIND,
                created_by=request.user,
                file_name=stored["name"],
                data=data,
                total=len(rows),
                language=request.LANGUAGE_CODE,
            )
            return redirect("registry_link_import_job", job.uuid)
        reason = _("Import of %(file)s") % {"file": stored["name"]}
        result = register_rows_save(rows=rows, user=request.user, reason=reason)
    except RowsRejectedError as error:
        context["problems"] = error.problems
    except ValidationError as error:
        context["file_error"] = " ".join(error.messages)
    else:
        messages.success(
            request,
            _("Register imported: %(created)s new, %(updated)s updated, %(unchanged)s unchanged.")
            % result.counts,
        )
        return redirect(f"{VIEWSET}:index")
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
    checked, problems = rows_preview(rows=rows)
    actions = [row.action for row in checked]
    context.update(
        preview=checked[:PREVIEW_ROWS],
        problems=problems,
        total=len(checked),
        counts={action: actions.count(action) for action in ("new", "update", "same")},
    )
    if not problems:
        request.session[SESSION_KEY] = {
            "name": upload.name,
            "data": base64.b64encode(data).decode(),
        }


def register_import_job(request, uuid):
    """A background register import: its progress (the page reloads itself), then its report."""
    _check(request)
    job = get_object_or_404(ImportJob, uuid=uuid, kind=JOB_KIND, created_by=request.user)
    context = {
        "job": job,
        "done": core_imports.import_job_done(job=job),
        "page_title": _("Import the register"),
    }
    response = TemplateResponse(request, "registry_link/register/admin/import_job.html", context)
    if not job.is_finished:
        response["Refresh"] = "3"  # polls without JavaScript
    return response


# Synchronisation with the register's API ----------------------------------------------------


def register_syncs(request):
    """The last synchronisations (state, counts, problems) and a button to run one now."""
    _check(request)
    if request.method == "POST" and sync_configured():
        outbox.enqueue(SYNC_TASK, user_id=request.user.pk)
        messages.success(request, _("A synchronisation will start in a moment."))
        return redirect("registry_link_syncs")
    context = {
        "runs": RegisterSync.objects.select_related("started_by")[:30],
        "configured": sync_configured(),
        "page_title": _("Synchronisations with the register"),
    }
    return TemplateResponse(request, "registry_link/register/admin/syncs.html", context)
