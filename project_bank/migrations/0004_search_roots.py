"""Store the roots of Arabic words with each idea's search text (core.arabic.search_document)."""

from django.db import migrations

from core.arabic import search_document

FIELDS = ("title", "summary", "description", "skills", "local_need")


def refresh(apps, schema_editor):
    Idea = apps.get_model("project_bank", "Idea")
    Translation = apps.get_model("project_bank", "IdeaTranslation")
    texts: dict[int, list[str]] = {}
    for row in Translation.objects.values("master_id", *FIELDS):
        texts.setdefault(row["master_id"], []).extend(row[field] for field in FIELDS)
    for idea in Idea.objects.only("pk", "key"):
        parts = [idea.key, *texts.get(idea.pk, [])]
        idea.search_text = search_document(" ".join(part for part in parts if part))
        idea.save(update_fields=["search_text"])


class Migration(migrations.Migration):
    dependencies = [("project_bank", "0003_territory_notes")]

    operations = [migrations.RunPython(refresh, migrations.RunPython.noop)]
