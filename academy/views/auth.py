"""Sign-up, sign-in with a PIN, shared phones, verification, PIN reset, activation."""

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from .. import services
from ..authentication import client_ip
from ..device import forget_learner, recent_learner_ids, recent_learners, remember_learner
from ..forms import (
    ActivateForm,
    CodeForm,
    PlaceForm,
    ResetForm,
    ResetRequestForm,
    SignInForm,
    SignUpForm,
)
from ..models import User


def _ip(request: HttpRequest) -> str | None:
    return client_ip(request)


def _safe_next(request: HttpRequest) -> str:
    """Where to go after signing in: a path of this site, else her dashboard."""
    target = request.GET.get("next") or request.POST.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ) and target.startswith("/"):
        return target
    return "dashboard"


def _sign_in(request: HttpRequest, user: User, target: str = "dashboard") -> HttpResponse:
    request.session.pop("verifying", None)  # a sign-up left half-way is over
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    response = redirect(target)
    remember_learner(request, response, user)
    return response


def _profile(data: dict) -> dict:
    """The optional profile answers she gave (skipped ones are left out)."""
    return {key: data[key] for key in services.PROFILE_FIELDS if data.get(key) not in (None, "")}


def _run(form, action) -> object | None:
    """Call a service with a valid form; its ValidationErrors become form errors."""
    if not form.is_valid():
        return None
    try:
        return action(form.cleaned_data)
    except ValidationError as error:
        field = "phone_number" if error.code in {"duplicate_phone"} else None
        for message in error.messages:
            form.add_error(field if field in form.fields else None, message)
        return None


@never_cache
def sign_up(request: HttpRequest) -> HttpResponse:
    """Where she lives first (a GET form: her languages come first), then her account."""
    place_form = PlaceForm(request.POST if request.method == "POST" else request.GET)
    form = SignUpForm(
        request.POST or None,
        initial={"preferred_language": get_language()},
        place=place_form.place(),
    )
    if request.method == "POST":
        user = _run(
            form,
            lambda data: services.learner_sign_up(
                phone_number=data["phone_number"],
                pin=data["pin"],
                ip=_ip(request),
                **_profile(data),
            ),
        )
        if user is not None:  # a number that has an account gets the very same answer
            request.session["verifying"] = {
                "user": user.pk,  # None for the stand-in
                "phone_number": user.phone_number,
                "first_name": user.first_name,
            }
            return redirect("verify_phone")
    return render(request, "academy/auth/sign_up.html", {"form": form, "place_form": place_form})


def _verifying(request: HttpRequest) -> User | None:
    """Whose number this page proves: the one who just signed up (or her stand-in, when the
    number had an account already), else the signed-in user whose number is not proved yet."""
    if request.user.is_authenticated:
        return None if request.user.phone_verified_at else request.user
    pending = request.session.get("verifying")
    if not pending:
        return None
    if pending["user"] is None:
        return User(phone_number=pending["phone_number"], first_name=pending["first_name"])
    return User.objects.filter(pk=pending["user"]).first()


def _phone_verify(user: User, code: str) -> User:
    if user.pk is None:  # a stand-in: no code was sent, every code is wrong
        raise ValidationError(
            _("This code is wrong or has expired. Ask for a new one."), code="otp_invalid"
        )
    return services.phone_verify(user=user, code=code)


@never_cache
def verify_phone(request: HttpRequest) -> HttpResponse:
    """Type the code sent by SMS (or ask one): right after sign-up, or later, signed in."""
    user = _verifying(request)
    if user is None:
        return redirect("dashboard" if request.user.is_authenticated else "sign_up")
    signing_up = not request.user.is_authenticated
    sent = signing_up or request.method == "POST"  # a code went with the sign-up, or was asked
    form = CodeForm(request.POST or None)
    if request.method == "POST" and "resend" in request.POST:
        form = CodeForm()
        try:
            services.verification_resend(user=user, ip=_ip(request))
        except ValidationError as error:
            form.add_error(None, error.messages[0])
    elif request.method == "POST" and _run(form, lambda data: _phone_verify(user, data["code"])):
        if signing_up:
            return _sign_in(request, user)
        messages.success(request, _("Thank you: your phone number is confirmed."))
        return redirect("dashboard")
    context = {"form": form, "learner": user, "sent": sent}
    return render(request, "academy/auth/verify.html", context)


@never_cache
def sign_in(request: HttpRequest) -> HttpResponse:
    """Either a learner already known on this device (tap her name, type her PIN) or a number."""
    chosen = request.GET.get("learner") or request.POST.get("learner")
    known = {user.pk: user for user in recent_learners(request)}
    learner = known.get(int(chosen)) if chosen and chosen.isdigit() else None
    data = request.POST.copy() if request.method == "POST" else None
    if data is not None and learner is not None:
        data["phone_number"] = learner.phone_number
    form = SignInForm(data)
    if request.method == "POST" and form.is_valid():
        user = authenticate(
            request,
            phone_number=form.cleaned_data["phone_number"],
            password=form.cleaned_data["pin"],
        )
        if user is not None:
            return _sign_in(request, user, _safe_next(request))
        form.add_error(None, _("This phone number and PIN do not match."))
    return render(
        request,
        "academy/auth/sign_in.html",
        {"form": form, "learner": learner, "recent": known.values()},
    )


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    """Sign out; "switch learner" goes straight to the list of this phone's learners."""
    user_id = request.user.pk
    logout(request)
    messages.info(request, _("You are signed out. Who is learning now?"))
    response = redirect("sign_in")
    if request.POST.get("forget") and user_id in recent_learner_ids(request):
        forget_learner(request, response, user_id)
    return response


@never_cache
def pin_reset_request(request: HttpRequest) -> HttpResponse:
    form = ResetRequestForm(request.POST or None)
    if request.method == "POST":
        number = _run(
            form,
            lambda data: services.pin_reset_request(
                phone_number=data["phone_number"], ip=_ip(request)
            ),
        )
        if number:
            request.session["reset_number"] = number
            return redirect("pin_reset")
    return render(request, "academy/auth/reset_request.html", {"form": form})


def _pin_with_code(request: HttpRequest, form, service, template: str) -> HttpResponse:
    """A code (by SMS, or from a leader) and a new PIN: then she is signed in."""
    if request.method == "POST":
        user = _run(
            form,
            lambda data: service(
                phone_number=data["phone_number"], code=data["code"], pin=data["pin"]
            ),
        )
        if user is not None:
            return _sign_in(request, user)
    return render(request, template, {"form": form})


@never_cache
def pin_reset(request: HttpRequest) -> HttpResponse:
    initial = {"phone_number": request.session.get("reset_number", "")}
    form = ResetForm(request.POST or None, initial=initial)
    return _pin_with_code(request, form, services.pin_reset, "academy/auth/reset.html")


@never_cache
def activate(request: HttpRequest) -> HttpResponse:
    form = ActivateForm(request.POST or None)
    return _pin_with_code(request, form, services.account_activate, "academy/auth/activate.html")
