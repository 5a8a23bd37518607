"""What other apps may use of ``academy``."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.phones import phone_number_verified

from .authentication import client_ip
from .otp import otp_create, otp_use
from .services import text_to_user
from .sms import send_sms


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
    "client_ip",
    "otp_create",
    "otp_use",
    "phone_number_verified",
    "send_sms",
    "text_to_user",
    "verified_number_require",
]
