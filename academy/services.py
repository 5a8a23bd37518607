"""Writes about accounts: sign-up, verification, PINs, assisted registration, deletion."""

import contextlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop

from assessments.api import certificates_catch_up
from core.phones import normalise_phone_number

from .models import OneTimeCode, User
from .otp import otp_create, otp_use
from .pins import validate_pin
from .signals import member_number_taken, member_registered
from .sms import send_sms

PROFILE_FIELDS = (
    "first_name",
    "preferred_language",
    "region",
    "gender",
    "birth_year",
    "motivation",
    "province",
    "commune",
    "reads",
)
TERRITORY_FIELDS = ("province", "commune")  # stored by HCP code


# Marked here, translated when sent (in the language of the one who receives it).
CODE_SMS = gettext_noop("Taawounia Academy: your code is %(code)s. Do not share it.")
SIGN_UP_NOTICE_SMS = gettext_noop(
    "Taawounia Academy: someone tried to create an account with your number. "
    "If it was you, sign in, or reset your PIN."
)


def _model_fields(profile: dict) -> dict:
    """Profile answers as model fields: the province and commune are stored by code."""
    return {
        f"{key}_id" if key in TERRITORY_FIELDS else key: value or None
        if key in TERRITORY_FIELDS
        else value
        for key, value in profile.items()
    }


def _new_user(*, phone_number: str, pin: str | None, registered_by=None, **profile) -> User:
    """A checked account, not saved yet: the PIN is hashed here, before any transaction, so that
    no write lock (SQLite's is one for the whole database) is held for the hashing's second."""
    user = User(phone_number=phone_number, registered_by=registered_by, **_model_fields(profile))
    _territory_check(user)
    if pin is None:
        user.set_unusable_password()
    else:
        validate_pin(pin)
        user.set_password(pin)
    user.full_clean(exclude=["password"])
    return user


def text_to_user(*, user: User, message: str, **params) -> None:
    """Text ``user`` a message (a msgid with %(named)s placeholders), in her language.

    Stored in the caller's transaction; it leaves once that commits (``core.outbox``).
    """
    with translation.override(user.preferred_language or translation.get_language()):
        text = _(message) % params
    send_sms(to=user.phone_number, text=text)


def _send_code(*, user: User, purpose: str, ip: str | None) -> None:
    """Text ``user`` a new code for ``purpose``, in her language."""
    code = otp_create(phone_number=user.phone_number, purpose=purpose, ip=ip)
    text_to_user(user=user, message=CODE_SMS, code=code)


def pin_resettable(user: User) -> bool:
    """Whether a code sent by SMS may set her PIN: never for staff and admin users, who sign in
    with a password (a stolen SIM must not open the admin)."""
    return (
        user.is_active
        and not user.is_staff
        and not user.is_superuser
        and not user.has_perm("wagtailadmin.access_admin")
    )


def _pin_set_with_code(*, phone_number: str, code: str, pin: str, purpose: str) -> User:
    """Spend a code sent to (or handed over for) the number, then set her PIN.

    Not in a transaction: the guess is counted (and committed) first, by ``otp_use``.
    """
    number = normalise_phone_number(phone_number)
    validate_pin(pin)
    user = User.objects.filter(phone_number=number).first()
    if user is None or not pin_resettable(user):
        raise ValidationError(
            gettext_lazy("This code is wrong or has expired. Ask for a new one."),
            code="otp_invalid",
        )
    otp_use(phone_number=number, purpose=purpose, code=code)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=user.pk)
        user.set_password(pin)
        fields = ["password"]
        if purpose == OneTimeCode.Purpose.RESET:  # the code came by SMS: the number is hers
            user.phone_verified_at = user.phone_verified_at or timezone.now()
            fields.append("phone_verified_at")
        user.save(update_fields=fields)
    if purpose == OneTimeCode.Purpose.RESET:
        _number_verified(user)
    return user


def learner_sign_up(*, phone_number: str, pin: str, ip: str | None = None, **profile) -> User:
    """Create a learner's account and text her a code to verify the number.

    A number that has an account gets the same answer: a stand-in that is never saved (no
    ``pk``), made with the same work, and its owner is told by SMS instead. Past the limits on
    codes, the account is made without a code (she asks one on the next page).
    """
    number = normalise_phone_number(phone_number)
    validate_pin(pin)
    owner = User.objects.filter(phone_number=number).first()
    if owner is not None:
        stand_in = User(phone_number=number, **_model_fields(profile))
        _territory_check(stand_in)
        stand_in.set_password(pin)  # the same hashing and checks as a new account
        stand_in.full_clean(exclude=["password", "phone_number"])
        try:
            otp_create(phone_number=number, purpose=OneTimeCode.Purpose.VERIFY, ip=ip, live=False)
        except ValidationError:
            pass
        else:
            text_to_user(user=owner, message=SIGN_UP_NOTICE_SMS)
        return stand_in
    user = _new_user(phone_number=number, pin=pin, **profile)
    user.save()
    with contextlib.suppress(ValidationError):  # past the limits: she asks a code later
        _send_code(user=user, purpose=OneTimeCode.Purpose.VERIFY, ip=ip)
    return user


def _number_verified(user: User) -> None:
    """What waited for her number to be proved: the certificates she earned meanwhile."""
    certificates_catch_up(learner=user)


def phone_verify(*, user: User, code: str) -> User:
    otp_use(phone_number=user.phone_number, purpose=OneTimeCode.Purpose.VERIFY, code=code)
    user.phone_verified_at = timezone.now()
    user.save(update_fields=["phone_verified_at"])
    _number_verified(user)
    return user


def verification_resend(*, user: User, ip: str | None = None) -> None:
    """A new verification code; for a sign-up's stand-in, only the same limits (nothing sent)."""
    if user.pk is None:
        otp_create(
            phone_number=user.phone_number, purpose=OneTimeCode.Purpose.VERIFY, ip=ip, live=False
        )
        return
    _send_code(user=user, purpose=OneTimeCode.Purpose.VERIFY, ip=ip)


def pin_reset_request(*, phone_number: str, ip: str | None = None) -> str:
    """Text a reset code if the number has an account that may reset by SMS.

    The answer is the same for every number, past the limits included: nothing says whether the
    number has an account, is staff, or was asked too often.
    """
    number = normalise_phone_number(phone_number)
    user = User.objects.filter(phone_number=number, is_active=True).first()
    eligible = user is not None and pin_resettable(user)
    try:
        code = otp_create(
            phone_number=number, purpose=OneTimeCode.Purpose.RESET, ip=ip, live=eligible
        )
    except ValidationError:
        return number
    if eligible:
        text_to_user(user=user, message=CODE_SMS, code=code)
    return number


def pin_reset(*, phone_number: str, code: str, pin: str) -> User:
    return _pin_set_with_code(
        phone_number=phone_number, code=code, pin=pin, purpose=OneTimeCode.Purpose.RESET
    )


def pin_change(*, user: User, current_pin: str, new_pin: str) -> User:
    if not user.check_password(current_pin):
        raise ValidationError(_("Your current PIN is not right."), code="pin_wrong")
    validate_pin(new_pin)
    user.set_password(new_pin)
    user.save(update_fields=["password"])
    return user


def _territory_check(user: User) -> None:
    """Her province lies in her region, her commune in her province."""
    if user.province_id and not user.province_id.startswith(f"{user.region}."):
        raise ValidationError(
            _("This province is not in your region."),
            code="province_outside_region",
            params={"province": user.province_id, "region": user.region},
        )
    if user.commune_id and not user.commune_id.startswith(f"{user.province_id}."):
        raise ValidationError(
            _("This commune is not in your province."),
            code="commune_outside_province",
            params={"commune": user.commune_id, "province": user.province_id},
        )


def profile_update(*, user: User, **profile) -> User:
    for field, value in profile.items():
        if field not in PROFILE_FIELDS:
            raise ValueError(field)
        if field in TERRITORY_FIELDS:
            setattr(user, f"{field}_id", value or None)
        else:
            setattr(user, field, value)
    _territory_check(user)
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(profile))
    return user


@dataclass(frozen=True)
class Registration:
    """A member registered (with her activation code), or, when her number already had an
    account, invited by SMS to what ``invited_to`` names (no code: she has her PIN)."""

    user: User
    activation_code: str
    invited_to: str = ""


def _activation_code(user: User) -> str:
    return otp_create(
        phone_number=user.phone_number,
        purpose=OneTimeCode.Purpose.ACTIVATE,
        valid_for=timedelta(days=settings.ACTIVATION_CODE_VALID_DAYS),
    )


def _number_taken(*, registered_by: User, owner: User) -> Registration:
    """Her number has an account: the apps above may invite her instead (her cooperative)."""
    answers = member_number_taken.send(sender=User, registered_by=registered_by, member=owner)
    invited_to = [str(answer) for _receiver, answer in answers if answer]
    if not invited_to:
        raise ValidationError(
            gettext_lazy(
                "This number already has an account: she does not need a new one. She can "
                "join your cohorts and your cooperative with it."
            ),
            code="duplicate_phone",
        )
    return Registration(user=owner, activation_code="", invited_to=", ".join(invited_to))


@transaction.atomic
def member_register(*, registered_by: User, phone_number: str, **profile) -> Registration:
    """A leader or trainer opens an account for a member, who sets her PIN with the code.

    A number that already has an account gets no second one: the apps above may invite its
    owner instead (``signals.member_number_taken``); a new member is announced to them
    (``signals.member_registered``), in this transaction."""
    number = normalise_phone_number(phone_number)
    owner = User.objects.filter(phone_number=number).first()
    if owner is not None:
        return _number_taken(registered_by=registered_by, owner=owner)
    user = _new_user(phone_number=number, pin=None, registered_by=registered_by, **profile)
    user.save()
    member_registered.send(sender=User, registered_by=registered_by, member=user)
    return Registration(user=user, activation_code=_activation_code(user))


def account_activate(*, phone_number: str, code: str, pin: str) -> User:
    """The member a leader registered sets her own PIN with the code she was given.

    The code went through the leader's hands, not to the number: her number stays unproved
    until she types a code sent to it (decision 0018)."""
    return _pin_set_with_code(
        phone_number=phone_number, code=code, pin=pin, purpose=OneTimeCode.Purpose.ACTIVATE
    )


@transaction.atomic
def account_delete(*, user: User, pin: str) -> None:
    """Delete the account and everything kept about the learner (law 09-08)."""
    if not user.check_password(pin):
        raise ValidationError(_("Your PIN is not right."), code="pin_wrong")
    OneTimeCode.objects.filter(phone_number=user.phone_number).delete()
    user.delete()
