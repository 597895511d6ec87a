"""The "Archivists" group: may upload and correct articles, may only view the gazetteer."""
from django.db import migrations

GROUP = "أمناء الأرشيف"  # Archivists
PERMISSIONS = [
    "add_article", "change_article", "view_article",
    "view_outlet", "view_speaker", "view_place", "view_force",
]


def create_group(apps, schema_editor):
    # Permissions are normally created after all migrations ran: make them now.
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*Permission.objects.filter(content_type__app_label="archive", codename__in=PERMISSIONS))


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("archive", "0003_weak_alias_help"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
