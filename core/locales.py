"""Wagtail locales for the registered languages."""

from core.languages import CODES, DEFAULT_LANGUAGE


def locales_ensure(*, locale_model, synchronization_model) -> None:
    """Create a locale for every registered language; each other locale mirrors Arabic's tree.

    Takes the model classes so that data migrations can pass their historical models.
    """
    source, _ = locale_model.objects.get_or_create(language_code=DEFAULT_LANGUAGE)
    for code in CODES:
        locale, _ = locale_model.objects.get_or_create(language_code=code)
        if locale.pk != source.pk:
            synchronization_model.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )
