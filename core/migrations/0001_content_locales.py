"""Create a Wagtail locale for every registered language; each other locale mirrors Arabic's tree.

Mirroring (wagtail-localize "sync from") gives every locale a full page tree of aliases, so a
learner's URL always exists in her language; the content shown follows the fallback chain.
"""

from django.db import migrations

from core.locales import locales_ensure


def create_locales(apps, schema_editor):
    locales_ensure(
        locale_model=apps.get_model("wagtailcore", "Locale"),
        synchronization_model=apps.get_model("wagtail_localize", "LocaleSynchronization"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_locales, migrations.RunPython.noop)]
