"""Wagtail admin pages of the scoring: the visit list of a region (and its export), one score
explained, the weights and thresholds (each change a new version), the filings import.

Regional staff see only their region (``User.region``) whatever the address asks; staff with
"Can see the visit list of every region" (or a superuser) choose the region.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from core.regions import Region
from core.spreadsheets.rows import RowsRejectedError
from core.spreadsheets.writing import csv_response, xlsx_response

from . import imports, selectors, services
from .forms import FilingsImportForm, WeightsForm
from .indicators import INDICATORS
from .models import ScoringVersion

PER_PAGE = 50
CHANGE_WEIGHTS = "scoring.add_scoringversion"
IMPORT_FILINGS = "scoring.add_filing"


def _viewer(request) -> None:
    if not selectors.may_see_scores(request.user):
        raise PermissionDenied


def visit_list(request):
    _viewer(request)
    region = selectors.region_for(user=request.user, asked=request.GET.get("region", ""))
    run = selectors.latest_run()
    scores = selectors.visit_list(run=run, region=region) if run else None
    export = request.GET.get("export")
    if export in ("csv", "xlsx") and scores is not None:
        return _export(scores, region=region, kind=export)
    page = None
    if scores is not None:
        page = Paginator(scores, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page_title": _("Cooperatives to visit"),
        "run": run,
        "page": page,
        "rows": [(score, selectors.reasons_of(score)) for score in page] if page else [],
        "region": region,
        "regions": Region.choices if selectors.sees_every_region(request.user) else None,
        "region_name": Region(region).label if region else "",
    }
    return TemplateResponse(request, "scoring/admin/visit_list.html", context)


def _export_rows(scores):
    for rank, score in enumerate(scores.iterator(chunk_size=2000), start=1):
        cooperative = score.cooperative
        yield [
            rank,
            cooperative.name,
            cooperative.registration,
            cooperative.province.name if cooperative.province else "",
            score.region.name,
            score.score,
            score.risk,
            "; ".join(reason.label for reason in selectors.reasons_of(score)),
            score.version.number,
        ]


def _export(scores, *, region: str, kind: str):
    header = [
        _("Rank"),
        _("Cooperative"),
        _("Registration"),
        _("Province"),
        _("Region"),
        _("Score"),
        _("Risk"),
        _("Main reasons"),
        _("Scoring version"),
    ]
    name = f"visit-list-{region or 'all'}.{kind}"
    respond = csv_response if kind == "csv" else xlsx_response
    return respond(filename=name, header=header, rows=list(_export_rows(scores)))


def score_detail(request, pk: int):
    _viewer(request)
    score = selectors.score_for(user=request.user, pk=pk)
    if score is None:
        raise Http404
    points = dict(score.contributions)
    lines = [
        (
            item,
            score.values.get(item.code),
            score.version.settings.get(item.code, {}),
            points.get(item.code, 0) if score.values.get(item.code) is not None else None,
        )
        for item in INDICATORS
    ]
    context = {
        "page_title": _("Score of %(name)s") % {"name": score.cooperative.name},
        "score": score,
        "reasons": selectors.reasons_of(score, limit=None),
        "lines": lines,
        "history": selectors.history_of(score=score)[:12],
    }
    return TemplateResponse(request, "scoring/admin/score.html", context)


def weights(request):
    if not request.user.has_perm(CHANGE_WEIGHTS):
        raise PermissionDenied
    current = services.version_current()
    form = WeightsForm(request.POST or None, version=current)
    if request.method == "POST" and form.is_valid():
        version = services.version_create(
            settings=form.settings(),
            visit_threshold=form.cleaned_data["visit_threshold"],
            user=request.user,
            note=form.cleaned_data["note"],
        )
        if version.pk == current.pk:
            messages.info(request, _("Nothing changed: the version stays the same."))
        else:
            messages.success(
                request,
                _("Version %(number)s saved: the next computation uses it.")
                % {"number": version.number},
            )
        return redirect("scoring_weights")
    context = {
        "page_title": _("Scoring weights and thresholds"),
        "form": form,
        "current": current,
        "versions": ScoringVersion.objects.select_related("created_by")[:20],
    }
    return TemplateResponse(request, "scoring/admin/weights.html", context)


def filings_import(request):
    if not request.user.has_perm(IMPORT_FILINGS):
        raise PermissionDenied
    form = FilingsImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            region = None if selectors.sees_every_region(request.user) else request.user.region
            rows = imports.filings_read(name=upload.name, data=upload.read(), region=region)
            saved = imports.filings_save(rows)
        except ValidationError as error:
            form.add_error("file", error)
        except RowsRejectedError as rejected:
            problems = rejected.problems
        else:
            messages.success(request, _("%(count)s rows imported.") % {"count": saved})
            return redirect("scoring_filings_import")
    context = {
        "page_title": _("Import filings and general assemblies"),
        "form": form,
        "problems": problems,
    }
    return TemplateResponse(request, "scoring/admin/filings_import.html", context)
