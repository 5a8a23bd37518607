"""A translation reaches learners only through review, like the pages it translates.

- Translating a page never publishes it: ``WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE`` is off,
  and a page that was an alias of the source (live, since every locale mirrors Arabic) turns
  into a *draft* when it becomes a translation of its own. Its URL keeps answering with the
  nearest published language and the fallback notice (``LearnerPage.route``).
- A trainer or translator submits the translation to the page's workflow (the same "Moderators
  approval" as the source pages); a reviewer approves, which publishes it.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.models import Translation


class ReviewRefusedError(Exception):
    """A submission refused, with a stable code and a message for the editor."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code

    @property
    def message(self) -> str:
        return str(REFUSALS[self.code])


REFUSALS = {
    "not_a_translation": _("This page is not a translation."),
    "not_allowed": _("You may not edit this translation."),
    "no_workflow": _("No review workflow applies to this page."),
    "already_in_review": _("This translation is already waiting for review."),
    "locked": _("This page is locked."),
}


def translation_draft_on_convert(*, page: Page) -> None:
    """An alias just became a page of its own: it stays a draft until a reviewer publishes it."""
    if page.locale_id is None or not page.live:
        return
    page.live = False
    page.has_unpublished_changes = True
    Page.objects.filter(pk=page.pk).update(live=False, has_unpublished_changes=True)


def page_translation(page: Page) -> Translation | None:
    """The enabled wagtail-localize translation whose target is ``page``, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key,
            target_locale_id=page.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )


@transaction.atomic
def translation_submit(*, page: Page, user) -> Page:
    """Save the translation as it stands as a draft and submit it to the page's workflow.

    Raises ``ReviewRefusedError`` (code ``not_a_translation``, ``not_allowed``, ``locked``,
    ``no_workflow`` or ``already_in_review``).
    """
    page = Page.objects.select_for_update().get(pk=page.pk).specific
    translation = page_translation(page)
    if translation is None or page.alias_of_id is not None:
        raise ReviewRefusedError("not_a_translation")
    permissions = page.permissions_for_user(user)
    if not permissions.can_edit():
        raise ReviewRefusedError("not_allowed")
    if page.workflow_in_progress:
        raise ReviewRefusedError("already_in_review")
    if permissions.page_locked():
        raise ReviewRefusedError("locked")
    workflow = page.get_workflow()
    if workflow is None or not workflow.tasks.exists():  # no task would publish at once
        raise ReviewRefusedError("no_workflow")
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    workflow.start(page, user)
    return page
