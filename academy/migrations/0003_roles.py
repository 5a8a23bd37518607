"""Groups and permissions of the roles described in academy/roles.py."""

from django.db import migrations

from academy.roles import GROUP_PERMISSIONS

PERMISSION_NAMES = {
    "register_members": "Can register cooperative members",
    "manage_cohorts": "Can manage cohorts and see their progress",
}


def create_roles(apps, schema_editor):
    content_type_model = apps.get_model("contenttypes", "ContentType")
    permission_model = apps.get_model("auth", "Permission")
    group_model = apps.get_model("auth", "Group")
    user_type, _ = content_type_model.objects.get_or_create(app_label="academy", model="user")
    for group_name, codenames in GROUP_PERMISSIONS.items():
        group, _ = group_model.objects.get_or_create(name=group_name)
        for codename in codenames:
            permission, _ = permission_model.objects.get_or_create(
                content_type=user_type,
                codename=codename,
                defaults={"name": PERMISSION_NAMES[codename]},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("academy", "0002_learner_profile"),
        ("wagtailcore", "0002_initial_data"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
