"""The scoring in the Wagtail admin: one menu ("Cooperative scoring") with the visit list, the
weights, the filings and their import."""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.views.generic import DeleteView, EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views, selectors
from .forms import FilingForm
from .models import Filing


class _Item(MenuItem):
    def __init__(self, *args, shown, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown = shown

    def is_shown(self, request) -> bool:
        return self.shown(request.user)


def _in_region(request, filings):
    """Regional staff see and change only their region's filings (another's answers 404)."""
    if selectors.sees_every_region(request.user):
        return filings
    return filings.filter(cooperative__region_id=request.user.region or "-")


class FilingIndexView(IndexView):
    def get_base_queryset(self):
        filings = super().get_base_queryset().select_related("cooperative")
        return _in_region(self.request, filings)


class FilingEditView(EditView):
    def get_queryset(self):
        return _in_region(self.request, super().get_queryset())


class FilingDeleteView(DeleteView):
    def get_object(self, queryset=None):
        filing = super().get_object(queryset)
        if not _in_region(self.request, Filing.objects.filter(pk=filing.pk)).exists():
            raise Http404
        return filing


class FilingViewSet(ModelViewSet):
    model = Filing
    icon = "date"
    menu_label = _("Filings and general assemblies")
    add_to_admin_menu = False
    copy_view_enabled = False
    list_display = ["cooperative", "kind", "year", "due_on", "filed_on"]
    list_filter = ["kind", "year"]
    search_fields = ["cooperative__name_ar", "cooperative__name_latin", "cooperative__local_number"]
    index_view_class = FilingIndexView
    edit_view_class = FilingEditView
    delete_view_class = FilingDeleteView

    def get_form_class(self, for_update=False):
        return FilingForm


filing_viewset = FilingViewSet("scoring_filings", url_prefix="scoring/filings")


@hooks.register("register_admin_viewset")
def register_filing_viewset():
    return filing_viewset


@hooks.register("register_admin_urls")
def register_scoring_urls():
    return [
        path("scoring/visits/", admin_views.visit_list, name="scoring_visit_list"),
        path("scoring/scores/<int:pk>/", admin_views.score_detail, name="scoring_score"),
        path("scoring/weights/", admin_views.weights, name="scoring_weights"),
        path("scoring/filings-import/", admin_views.filings_import, name="scoring_filings_import"),
    ]


@hooks.register("register_admin_menu_item")
def register_scoring_menu():
    items = [
        _Item(
            _("Cooperatives to visit"),
            reverse("scoring_visit_list"),
            icon_name="warning",
            order=1,
            shown=selectors.may_see_scores,
        ),
        _Item(
            _("Weights and thresholds"),
            reverse("scoring_weights"),
            icon_name="cogs",
            order=2,
            shown=lambda user: user.has_perm(admin_views.CHANGE_WEIGHTS),
        ),
        _Item(
            _("Filings and general assemblies"),
            reverse("scoring_filings:index"),
            icon_name="date",
            order=3,
            shown=lambda user: user.has_perm("scoring.view_filing"),
        ),
        _Item(
            _("Import filings"),
            reverse("scoring_filings_import"),
            icon_name="upload",
            order=4,
            shown=lambda user: user.has_perm(admin_views.IMPORT_FILINGS),
        ),
    ]
    return SubmenuMenuItem(
        _("Cooperative scoring"), Menu(items=items), icon_name="warning", order=280
    )
