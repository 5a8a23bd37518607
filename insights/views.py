"""The statistics space in the Wagtail admin: the dashboard, the exports and the PDF report.

Every view starts from ``access.scope``: no scope, 403; a regional scope imposes its region on
the filters (``filters.filters_from``), so no address gives another region's figures."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from core.spreadsheets import export_response

from . import figures, report, selectors
from .access import scope
from .conf import setting
from .filters import filters_from
from .tables import suppressed


def _scope(request) -> str:
    region = scope(request.user)
    if region is None:
        raise PermissionDenied
    return region


def dashboard(request):
    region = _scope(request)
    filters, form = filters_from(request.GET, scope=region)
    query = urlencode(filters.query())
    refresh = selectors.last_refresh()
    context = {
        "page_title": _("Statistics"),
        "form": form,
        "filters": filters,
        "region": region,
        "query": query,
        "refresh": refresh,
        "small_count": setting("SMALL_COUNT"),
        "exports": export_links(query),
        **figures.dashboard_figures(filters, region=region, version=refresh and refresh.pk),
    }
    return TemplateResponse(request, "insights/dashboard.html", context)


def export(request, table: str, fmt: str):
    region = _scope(request)
    if table not in selectors.TABLES or fmt not in ("csv", "xlsx"):
        raise Http404
    filters, _form = filters_from(request.GET, scope=region)
    data = suppressed(selectors.TABLES[table](filters), threshold=setting("SMALL_COUNT"))
    rows = [data.values(row) for row in data.rows]
    if data.total:
        rows.append(data.values(data.total))
    header = [column.label for column in data.columns]
    name = f"statistics-{data.key}-{region or 'national'}"
    return export_response(fmt=fmt, name=name, header=header, rows=rows)


def report_pdf(request):
    region = _scope(request)
    filters, _form = filters_from(request.GET, scope=region)
    language = request.GET.get("in", "ar")
    if language not in report.LANGUAGES:
        language = "ar"
    pdf = report.report_pdf(filters=filters, language=language)
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"statistics-report-{region or 'national'}-{language}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def export_links(query: str) -> dict:
    """The table → {format: address} links the page shows under each table."""
    return {
        key: {
            fmt: reverse("insights_export", args=[key, fmt]) + (f"?{query}" if query else "")
            for fmt in ("csv", "xlsx")
        }
        for key in selectors.TABLES
    }
