"""Trainers and reviewers (Wagtail's Editors and Moderators groups) manage media assets."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
MODELS = {"mediaasset": "media asset", "subtitletrack": "subtitle track"}
ACTIONS = ("add", "change", "delete", "view")


def grant(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    for model, label in MODELS.items():
        content_type, _ = content_type_model.objects.get_or_create(
            app_label="media_pipeline", model=model
        )
        for action in ACTIONS:
            permission, _ = permission_model.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {label}"},
            )
            for group in group_model.objects.filter(name__in=GROUPS):
                group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("media_pipeline", "0001_initial"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
