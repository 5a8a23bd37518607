"""Pages of the project bank: browse ideas, an idea, her projects, invitations, staff figures."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from core.regions import Region

from . import selectors, services, statistics, territories
from .forms import IdeaFilterForm, InviteForm, ProjectForm, plan_from_post, plan_rows
from .funding import funding_sources_for_project
from .map import region_map
from .models import IdeaEvent, Invitation
from .recommend import learn_first


def _filters(request: HttpRequest) -> tuple[IdeaFilterForm, selectors.IdeaFilters]:
    data = request.GET.copy()
    if "region" not in data and request.user.is_authenticated:
        data["region"] = request.user.region  # her region by default; "All regions" clears it
    form = IdeaFilterForm(data)
    form.is_valid()
    clean = {name: form.cleaned_data.get(name) or "" for name in form.fields}
    filters = selectors.IdeaFilters(
        region=clean["region"],
        province=clean["province"] if clean["region"] else "",
        sector=clean["sector"],
        investment=clean["investment"],
        target_group=clean["group"],
        query=clean["q"],
    )
    return form, filters


def idea_list(request: HttpRequest) -> HttpResponse:
    form, filters = _filters(request)
    ideas = list(selectors.ideas_filtered(filters))
    return render(
        request,
        "project_bank/idea_list.html",
        {
            "form": form,
            "ideas": ideas,
            "region_map": region_map(selectors.region_counts(), request.GET, filters.region),
            "region_label": Region(filters.region).label if filters.region else "",
            "province": filters.province,
        },
    )


def territory_index(request: HttpRequest) -> HttpResponse:
    """The map of needs and potential: the regions, then the chosen region's provinces."""
    region = request.GET.get("region")
    if region is None and request.user.is_authenticated:
        region = request.user.region  # her region first; "All regions" clears it
    region = region if region in Region.values else ""
    return render(
        request,
        "project_bank/territory_index.html",
        {
            "region": region,
            "region_label": Region(region).label if region else "",
            "needs_map": territories.needs_map(region),
            "provinces": territories.provinces_of(region),
            "her_province": getattr(request.user, "province_id", None),
        },
    )


def territory_detail(request: HttpRequest, code: str) -> HttpResponse:
    """A province's needs and potential: census, register, staff notes, the ideas that fit."""
    page = territories.province_page(code)
    if page is None:
        raise Http404
    return render(request, "project_bank/territory_detail.html", {"page": page})


def idea_detail(request: HttpRequest, key: str) -> HttpResponse:
    idea = selectors.idea_by_key(key)
    if idea is None:
        raise Http404
    services.idea_event_record(idea=idea, kind=IdeaEvent.Kind.VIEW, user=request.user)
    return render(
        request,
        "project_bank/idea_detail.html",
        {
            "idea": idea,
            "result": idea.plan_result,
            "plan": idea.plan,
            "steps": learn_first(idea=idea, user=request.user, language_code=get_language()),
        },
    )


@require_POST
@login_required
def idea_adopt(request: HttpRequest, key: str) -> HttpResponse:
    idea = selectors.idea_by_key(key)
    if idea is None:
        raise Http404
    project = services.project_adopt(idea=idea, user=request.user, language_code=get_language())
    messages.success(request, _("Your project is saved as a draft. Adapt it to your place."))
    return redirect(project.get_absolute_url())


@never_cache
@login_required
def project_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "project_bank/project_list.html",
        {
            "projects": selectors.projects_of(request.user),
            "invitations": selectors.invitations_for(request.user),
        },
    )


def _project_or_404(request: HttpRequest, public_id):
    project = selectors.project_for_member(public_id=public_id, user=request.user)
    if project is None:
        raise Http404  # not hers: the same answer as a project that does not exist
    return project


def _project_save(request: HttpRequest, project, form: ProjectForm) -> bool:
    if not form.is_valid():
        return False
    plan = plan_from_post(request.POST)
    try:
        services.project_update(project=project, user=request.user, plan=plan, **form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


@never_cache
@login_required
def project_detail(request: HttpRequest, public_id) -> HttpResponse:
    project = _project_or_404(request, public_id)
    form = ProjectForm(
        request.POST or None,
        initial={"name": project.name, "place": project.place, "region": project.region},
    )
    if request.method == "POST" and _project_save(request, project, form):
        messages.success(request, _("Saved. The plan is recalculated."))
        return redirect(project.get_absolute_url())
    return render(
        request,
        "project_bank/project_detail.html",
        {
            "project": project,
            "form": form,
            "rows": plan_rows(plan_from_post(request.POST) if request.POST else project.plan),
            "result": project.plan_result,
            "invite_form": InviteForm(),
            "funding": [m for m in funding_sources_for_project(project=project) if m.fits],
            "founders_needed": services.founders_needed(project),
            "pending": [
                i for i in project.invitations.all() if i.status == Invitation.Status.PENDING
            ],
        },
    )


@require_POST
@login_required
def project_invite(request: HttpRequest, public_id) -> HttpResponse:
    project = _project_or_404(request, public_id)
    form = InviteForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(
                project=project,
                invited_by=request.user,
                phone_number=form.cleaned_data["phone_number"],
            )
            messages.success(request, _("Invitation sent by SMS. She answers after signing in."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, " ".join(form.errors["phone_number"]))
    return redirect(project.get_absolute_url())


@never_cache
@login_required
def project_print(request: HttpRequest, public_id) -> HttpResponse:
    project = _project_or_404(request, public_id)
    return render(
        request,
        "project_bank/project_print.html",
        {
            "project": project,
            "result": project.plan_result,
            "founders_needed": services.founders_needed(project),
        },
    )


@require_POST
@login_required
def invitation_answer(request: HttpRequest, public_id, answer: str) -> HttpResponse:
    if answer not in {"accept", "decline"}:
        raise Http404
    invitation = get_object_or_404(Invitation, public_id=public_id)
    try:
        if answer == "accept":
            services.invitation_accept(invitation=invitation, user=request.user)
            messages.success(request, _("Welcome among the founders."))
            return redirect(invitation.project.get_absolute_url())
        services.invitation_decline(invitation=invitation, user=request.user)
        messages.success(request, _("Invitation declined."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        if error.code == "phone_unverified":  # the way on: send a code to the number, type it
            return redirect("verify_phone")
    return redirect("project_bank:projects")


@never_cache
@login_required
def staff_statistics(request: HttpRequest) -> HttpResponse:
    if not request.user.is_staff:
        return HttpResponseForbidden(_("Only ODCO staff see these figures."))
    by = request.GET.get("by", "idea")
    table = statistics.interest_table(by=by if by in statistics.GROUPINGS else "idea")
    if request.GET.get("format") == "csv":
        return statistics.csv_response(table)
    return render(
        request, "project_bank/statistics.html", {"table": table, "groupings": statistics.GROUPINGS}
    )
