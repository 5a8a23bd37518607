"""Signals other apps listen to, and thin handlers that each call one service."""

from django.dispatch import Signal

from .translation import translation_source_sync

# Sent once per enrolment when a course becomes complete, after the transaction commits.
# Arguments: learner, course_key (the course's translation_key), completed_at.
course_completed = Signal()

# Sent after the transaction commits when a trainer invites numbers to a cohort (once per
# number and cohort), so that a layer allowed to send SMS tells the owners of those numbers.
# Arguments: cohort, phone_numbers (E.164; with or without an account: the receiver checks).
cohort_invited = Signal()


def sync_translation_source(sender, instance, **kwargs) -> None:
    translation_source_sync(page=instance)
