"""The keys of the register's names for the name check, filled for the cooperatives already there."""

import django.db.models.deletion
from django.db import migrations, models


def keys_fill(apps, schema_editor):
    from registry_link.names.keys import FIELDS, name_key_values

    Cooperative = apps.get_model("registry_link", "Cooperative")
    NameKey = apps.get_model("registry_link", "NameKey")
    rows = Cooperative.objects.values("pk", *FIELDS).iterator(chunk_size=2000)
    keys = (NameKey(cooperative_id=row["pk"], **values) for row in rows for values in name_key_values(row))
    NameKey.objects.bulk_create(keys, batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ('registry_link', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='NameKey',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('field', models.CharField(choices=[('name_ar', 'name in Arabic'), ('name_latin', 'name in Latin letters'), ('name_tfng', 'name in Tifinagh')], max_length=10, verbose_name='name field')),
                ('name', models.CharField(max_length=200, verbose_name='name as registered')),
                ('script', models.CharField(max_length=5, verbose_name='script')),
                ('exact', models.CharField(max_length=200, verbose_name='words that make the name')),
                ('words_sorted', models.CharField(max_length=200, verbose_name='its words in alphabetical order')),
                ('latin', models.CharField(max_length=400, verbose_name='in folded Latin letters')),
                ('joined', models.CharField(max_length=400, verbose_name='folded, without spaces')),
                ('tail', models.CharField(max_length=400, verbose_name='folded, written backwards')),
                ('sound', models.CharField(max_length=400, verbose_name='phonetic key')),
                ('length', models.PositiveSmallIntegerField(verbose_name='letters in folded Latin')),
                ('cooperative', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='name_keys', to='registry_link.cooperative', verbose_name='cooperative')),
            ],
            options={
                'verbose_name': 'name key',
                'verbose_name_plural': 'name keys',
                'indexes': [models.Index(fields=['exact'], name='name_key_exact'), models.Index(fields=['words_sorted'], name='name_key_words_sorted'), models.Index(fields=['sound'], name='name_key_sound'), models.Index(fields=['joined'], name='name_key_joined', opclasses=['varchar_pattern_ops']), models.Index(fields=['tail'], name='name_key_tail', opclasses=['varchar_pattern_ops'])],
                'constraints': [models.UniqueConstraint(fields=('cooperative', 'field'), name='name_key_per_field')],
            },
        ),
        migrations.RunPython(keys_fill, migrations.RunPython.noop),
    ]
