"""The founders' pages of the founding file (issue 12 item 4), and the public check of a name
approval certificate. Founders see only their own file; staff of its region may open its PDFs
and documents too (``founding.selectors``)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.staticfiles import finders
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .founding import pdf, rules, selectors, services, steps
from .founding.forms import DocumentForm, FileForm, FounderForm
from .models.founding import FileStatus, StepStatus


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


def _file_or_404(request: HttpRequest, public_id, *, staff_too: bool = False):
    file = selectors.file_for_founder(public_id=public_id, user=request.user)
    if file is None and staff_too:
        candidate = selectors.file_for_reviewer(public_id=public_id, user=request.user)
        file = candidate
    if file is None:
        raise Http404  # not hers: the same answer as a file that does not exist
    return file


def _step_audio(kind: str) -> str:
    """A recorded explanation for this step in the page's language, if one was added
    (``static/registry_link/founding/audio/<language>/<step>.mp3``); "" otherwise."""
    path = f"registry_link/founding/audio/{get_language()}/{kind}.mp3"
    return static(path) if finders.find(path) else ""


def _steps(file) -> list[dict]:
    rows = []
    for step in file.steps.all():
        rule = steps.rule_of(step.kind)
        rows.append(
            {
                "step": step,
                "rule": rule,
                "audio": _step_audio(step.kind),
                "can_send": file.status in (FileStatus.NAME_APPROVED, FileStatus.REGISTERED)
                and rule.founders_upload
                and step.status in (StepStatus.TODO, StepStatus.SENT),
            }
        )
    return rows


@require_POST
@login_required
def founding_start(request: HttpRequest, project_id) -> HttpResponse:
    try:
        file = services.file_start(project_public_id=project_id, user=request.user)
    except ValidationError as error:
        messages.error(request, _error_text(error))
        return redirect("verify_phone")
    except PermissionDenied:
        raise Http404 from None
    return redirect("registry_link:founding", public_id=file.public_id)


def _file_initial(file) -> dict:
    names = [*file.names, "", "", ""][:3]
    return {
        "name_1": names[0],
        "name_2": names[1],
        "name_3": names[2],
        "object": file.object,
        "sector": file.sector,
        "address": file.address,
        "region": file.region_id,
        "share_value": file.share_value,
    }


def _founder_initial(founder) -> dict:
    return {
        "full_name": founder.full_name,
        "id_number": founder.id_number,
        "occupation": founder.occupation,
        "address": founder.address,
        "shares": founder.shares,
        "is_leader": founder.is_leader,
    }


@never_cache
@login_required
def founding_file(request: HttpRequest, public_id) -> HttpResponse:
    file = _file_or_404(request, public_id)
    form = FileForm(request.POST or None, initial=_file_initial(file), prefix="file")
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.file_update(
                file=file,
                user=request.user,
                names=form.names(),
                share_value=data["share_value"],
                object=data["object"],
                sector=data["sector"],
                address=data["address"],
                region_code=data["region"].code if data["region"] else None,
            )
            messages.success(request, _("Saved. Each name was checked in the register."))
            return redirect("registry_link:founding", public_id=file.public_id)
        except ValidationError as error:
            form.add_error(None, error)
    file.refresh_from_db()
    founders = list(file.founders.select_related("user"))
    founder_forms = [
        (founder, FounderForm(initial=_founder_initial(founder), prefix=f"f{founder.pk}"))
        for founder in founders
    ]
    comments = list(file.comments.all())
    context = {
        "file": file,
        "form": form,
        "founder_forms": founder_forms,
        "problems": rules.file_problems(file) if file.is_editable else [],
        "steps": _steps(file),
        "comments": comments,
        "document_form": DocumentForm(),
        "capital": file.share_value * sum(f.shares for f in founders),
        "shares_total": sum(f.shares for f in founders),
        "capital_min": rules.CAPITAL_MIN,
        "share_min": rules.SHARE_MIN,
    }
    return render(request, "registry_link/founding/file.html", context)


@require_POST
@login_required
def founding_founder(request: HttpRequest, public_id, founder_id: int) -> HttpResponse:
    file = _file_or_404(request, public_id)
    form = FounderForm(request.POST, prefix=f"f{founder_id}")
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
    else:
        try:
            services.founder_update(
                file=file, user=request.user, founder_id=founder_id, **form.cleaned_data
            )
            messages.success(request, _("Founder saved."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
        except PermissionDenied:
            raise Http404 from None
    return redirect(
        reverse("registry_link:founding", kwargs={"public_id": file.public_id}) + "#founders"
    )


@require_POST
@login_required
def founding_submit(request: HttpRequest, public_id) -> HttpResponse:
    file = _file_or_404(request, public_id)
    try:
        services.file_submit(file=file, user=request.user)
        messages.success(
            request, _("Sent to the regional delegation. You will get an SMS at each change.")
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    return redirect("registry_link:founding", public_id=file.public_id)


@require_POST
@login_required
def founding_document_send(request: HttpRequest, public_id, kind: str) -> HttpResponse:
    file = _file_or_404(request, public_id)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to send."))
    else:
        try:
            services.step_document_send(
                file=file, user=request.user, kind=kind, upload=form.cleaned_data["document"]
            )
            messages.success(request, _("Document sent. The delegation checks it."))
        except ValidationError as error:
            messages.error(request, _error_text(error))
    return redirect(
        reverse("registry_link:founding", kwargs={"public_id": file.public_id}) + "#steps"
    )


def _private(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def founding_document(request: HttpRequest, public_id, kind: str) -> HttpResponse:
    """A step's document, to its founders and the region's staff only, with the type read from
    its bytes when it was sent; always as an attachment."""
    file = _file_or_404(request, public_id, staff_too=True)
    step = file.steps.filter(kind=kind).first()
    if step is None or not step.has_document:
        raise Http404
    extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}[
        step.document_type
    ]
    response = HttpResponse(bytes(step.document), content_type=step.document_type)
    response["Content-Disposition"] = f'attachment; filename="{kind}.{extension}"'
    return _private(response)


@login_required
def founding_pdf(request: HttpRequest, public_id, document: str) -> HttpResponse:
    file = _file_or_404(request, public_id, staff_too=True)
    if document not in pdf.DOCUMENTS:
        raise Http404
    response = HttpResponse(
        pdf.document_pdf(file=file, document=document), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'inline; filename="{document}.pdf"'
    return _private(response)


def verify_url(request: HttpRequest, code: str) -> str:
    return request.build_absolute_uri(
        reverse("registry_link:founding_verify", kwargs={"code": code})
    )


@login_required
def founding_certificate(request: HttpRequest, public_id) -> HttpResponse:
    file = _file_or_404(request, public_id, staff_too=True)
    if not file.certificate_code:
        raise Http404
    data = pdf.certificate_pdf(file=file, verify_url=verify_url(request, file.certificate_code))
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="name-{file.certificate_code}.pdf"'
    return _private(response)


def founding_verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public, no account: is this name approval certificate genuine? (No founder's data.)"""
    file = selectors.certificate_get(code=code)
    response = render(request, "registry_link/founding/verify.html", {"code": code, "file": file})
    response["X-Robots-Tag"] = "noindex"
    return response
