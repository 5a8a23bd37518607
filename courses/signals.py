"""Signals other apps listen to, and thin handlers that each call one service."""

from django.dispatch import Signal
from wagtail.models import Page

from .page_tree import page_numchild_repair
from .translation import translation_source_sync
from .translation_review import translation_draft_on_convert

# Sent once per enrolment when a course becomes complete, after the transaction commits.
# Arguments: learner, course_key (the course's translation_key), completed_at.
course_completed = Signal()

# Sent after the transaction commits when a trainer invites numbers to a cohort (once per
# number and cohort), so that a layer allowed to send SMS tells the owners of those numbers.
# Arguments: cohort, phone_numbers (E.164; with or without an account: the receiver checks).
cohort_invited = Signal()


def sync_translation_source(sender, instance, **kwargs) -> None:
    translation_source_sync(page=instance)


def repair_numchild(sender, instance, raw=False, **kwargs) -> None:
    if not raw and isinstance(instance, Page):
        page_numchild_repair(page=instance)


def keep_converted_translation_draft(sender, instance, raw=False, update_fields=None, **kwargs):
    """wagtail-localize and Wagtail's "convert alias" both save only ``alias_of_id`` then."""
    if raw or not isinstance(instance, Page) or instance.alias_of_id is not None:
        return
    if update_fields is not None and set(update_fields) == {"alias_of_id"}:
        translation_draft_on_convert(page=instance)
