"""Signals other apps listen to, and thin handlers that each call one service."""

from django.dispatch import Signal

from .translation import translation_source_sync

# Sent once per enrolment when a course becomes complete, after the transaction commits.
# Arguments: learner, course_key (the course's translation_key), completed_at.
course_completed = Signal()


def sync_translation_source(sender, instance, **kwargs) -> None:
    translation_source_sync(page=instance)
