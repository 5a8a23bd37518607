"""Celery tasks of the academy: each takes an id and calls one service."""

from celery import shared_task

from . import sms

# Retries wait 5, 10, 20, 40, 80 then 160 s: about five minutes in all, within a code's validity.
SMS_MAX_RETRIES = 6
SMS_FIRST_RETRY_SECONDS = 5


@shared_task(
    name=sms.SEND_TASK,
    bind=True,
    acks_late=True,
    ignore_result=True,
    max_retries=SMS_MAX_RETRIES,
    time_limit=60,
    soft_time_limit=45,
)
def sms_send_task(self, message_id: str) -> None:
    """Send one stored SMS; a gateway that does not take it is tried again, then given up."""
    try:
        sms.sms_deliver(message_id=message_id)
    except sms.SmsDeliveryError as error:
        retries = self.request.retries
        if retries >= self.max_retries:
            sms.sms_give_up(message_id=message_id)
            raise
        raise self.retry(exc=error, countdown=SMS_FIRST_RETRY_SECONDS * 2**retries) from None
