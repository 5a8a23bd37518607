"""What other apps may use of ``academy``."""

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.phones import phone_number_verified

from .authentication import client_ip
from .models import Gender, Motivation
from .otp import otp_create, otp_use
from .roles import LEADERS
from .services import text_to_user
from .signals import member_number_taken, member_registered
from .sms import send_sms


def account_for_number(phone_number: str):
    """The account of a normalised (E.164) number, or None. Never for an answer that anyone
    may read (decision 0018): staff tools, and registrars, who learn it when registering."""
    return get_user_model().objects.filter(phone_number=phone_number).first()


def verified_number_require(user) -> None:
    """Refuse, with a translated reason, what needs a number she has not proved yet.

    The view that catches it sends her to ``verify_phone`` (send a code, type it).
    """
    if not phone_number_verified(user):
        raise ValidationError(
            _(
                "First confirm that this phone number is yours: we send you a code by SMS, "
                "you type it."
            ),
            code="phone_unverified",
        )


__all__ = [
    "LEADERS",
    "Gender",
    "Motivation",
    "account_for_number",
    "client_ip",
    "member_number_taken",
    "member_registered",
    "otp_create",
    "otp_use",
    "phone_number_verified",
    "send_sms",
    "text_to_user",
    "verified_number_require",
]
