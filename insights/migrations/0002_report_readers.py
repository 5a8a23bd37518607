"""The "Report readers" group: the statistics of every region, read-only (insights/access.py)."""

from django.db import migrations

PERMISSIONS = {
    ("insights", "learningsummary", "view_statistics"): "Can see the statistics",
    ("insights", "learningsummary", "view_all_regions"): "Can see the statistics of every region",
    ("wagtailadmin", "admin", "access_admin"): "Can access Wagtail admin",
}


def create_group(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name="Report readers")
    for (app_label, model, codename), name in PERMISSIONS.items():
        content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = permission_model.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("insights", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
