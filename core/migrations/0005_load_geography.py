"""Load the 12 regions, 83 provinces and prefectures and 1,503 communes from the census package."""

from django.db import migrations


def load(apps, schema_editor):
    from core.geography.loading import load as load_units

    load_units(
        region_model=apps.get_model("core", "Region"),
        province_model=apps.get_model("core", "Province"),
        commune_model=apps.get_model("core", "Commune"),
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0004_geography")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
