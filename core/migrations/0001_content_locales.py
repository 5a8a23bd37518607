"""Create a Wagtail locale for every registered language; each other locale mirrors Arabic's tree.

Mirroring (wagtail-localize "sync from") gives every locale a full page tree of aliases, so a
learner's URL always exists in her language; the content shown follows the fallback chain.
"""

from django.db import migrations

from core.languages import CODES, DEFAULT_LANGUAGE


def create_locales(apps, schema_editor):
    locale_model = apps.get_model("wagtailcore", "Locale")
    synchronization_model = apps.get_model("wagtail_localize", "LocaleSynchronization")
    source, _ = locale_model.objects.get_or_create(language_code=DEFAULT_LANGUAGE)
    for code in CODES:
        locale, _ = locale_model.objects.get_or_create(language_code=code)
        if locale.pk != source.pk:
            synchronization_model.objects.get_or_create(
                locale=locale, defaults={"sync_from": source}
            )


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
