"""A trainer's invitation to a cohort reaches the learner by SMS, in her language, after commit;
numbers without a verified account and staff accounts get nothing."""

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone

from academy.models import User
from academy.roles import TRAINERS

pytestmark = pytest.mark.django_db


def test_invited_learners_get_an_sms_after_the_invitation_is_saved(
    client, outbox, demo_academy, django_capture_on_commit_callbacks
):
    trainer = User.objects.create_user("+212600000201", "8461", first_name="Youssef")
    trainer.groups.add(Group.objects.get(name=TRAINERS))
    now = timezone.now()
    User.objects.create_user(
        "+212611223344", "8461", preferred_language="fr", phone_verified_at=now
    )
    User.objects.create_user("+212611223345", "8461")  # never verified
    User.objects.create_superuser("+212600000999", "admin-pass", phone_verified_at=now)
    client.force_login(trainer)
    response = client.post("/en/cohorts/", {"name": "Souss session"})
    numbers = "0611223344\n0611223345\n0600000999\n0677889900"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(response["Location"], {"action": "phones", "phone_numbers": numbers})
    assert outbox() == []  # nothing goes out before the invitations are committed
    for callback in callbacks:
        callback()
    (sms,) = outbox()
    assert sms["to"] == "+212611223344"
    assert "Youssef" in sms["text"]
    assert "Souss session" in sms["text"]
