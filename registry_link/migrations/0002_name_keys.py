"""The keys of the register's names for the name check, with a trigram index on PostgreSQL."""

import django.db.models.deletion
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations, models


class AddIndexOnPostgreSQL(migrations.AddIndex):
    """An index that only PostgreSQL can build (SQLite keeps the model state, not the index)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def keys_fill(apps, schema_editor):
    from registry_link.names.keys import FIELDS, name_key_values

    Cooperative = apps.get_model("registry_link", "Cooperative")
    NameKey = apps.get_model("registry_link", "NameKey")
    rows = Cooperative.objects.values("pk", *FIELDS).iterator(chunk_size=2000)
    NameKey.objects.bulk_create(
        (
            NameKey(cooperative_id=row["pk"], **values)
            for row in rows
            for values in name_key_values(row)
        ),
        batch_size=1000,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("registry_link", "0001_initial"),
    ]

    operations = [
        TrigramExtension(),
        migrations.CreateModel(
            name="NameKey",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "field",
                    models.CharField(
                        choices=[
                            ("name_ar", "name in Arabic"),
                            ("name_latin", "name in Latin letters"),
                            ("name_tfng", "name in Tifinagh"),
                        ],
                        max_length=10,
                        verbose_name="name field",
                    ),
                ),
                ("name", models.CharField(max_length=200, verbose_name="name as registered")),
                ("script", models.CharField(max_length=5, verbose_name="script")),
                (
                    "exact",
                    models.CharField(
                        db_index=True, max_length=200, verbose_name="words that make the name"
                    ),
                ),
                (
                    "latin",
                    models.CharField(
                        db_index=True, max_length=400, verbose_name="in folded Latin letters"
                    ),
                ),
                (
                    "sound",
                    models.CharField(db_index=True, max_length=400, verbose_name="phonetic key"),
                ),
                (
                    "length",
                    models.PositiveSmallIntegerField(
                        db_index=True, verbose_name="letters in folded Latin"
                    ),
                ),
                (
                    "cooperative",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="name_keys",
                        to="registry_link.cooperative",
                        verbose_name="cooperative",
                    ),
                ),
            ],
            options={
                "verbose_name": "name key",
                "verbose_name_plural": "name keys",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("cooperative", "field"), name="name_key_per_field"
                    )
                ],
            },
        ),
        AddIndexOnPostgreSQL(
            model_name="namekey",
            index=GinIndex(
                fields=["latin"], name="name_key_latin_trigram", opclasses=["gin_trgm_ops"]
            ),
        ),
        migrations.RunPython(keys_fill, migrations.RunPython.noop),
    ]
