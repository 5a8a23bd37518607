"""Each page counts its children again (issue: translated modules and lessons answered 404).

wagtail-localize wrote ``numchild=0`` on pages translated with their subtree (upstream #773);
Wagtail's router then found no children under them. ``courses.page_tree`` now repairs the count
after every page save; this repairs the trees saved before.
"""

from django.db import migrations

from courses.page_tree import pages_numchild_repair_all


def numchild_repair(apps, schema_editor):
    pages_numchild_repair_all(page_model=apps.get_model("wagtailcore", "Page"))


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_cohort_consent_code_unique"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(numchild_repair, migrations.RunPython.noop)]
