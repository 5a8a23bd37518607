"""The demo ideas (project_bank/demo/ideas.json): loaded through the same checks as an import."""

import json
from pathlib import Path

from django.db import transaction

from .funding_imports import funding_sources_import
from .imports import ideas_import
from .models import TerritoryNote

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "ideas.json"


def demo_ideas_load() -> int:
    """Create or update the demo ideas (idempotent: the keys are stable); returns how many."""
    rows = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return len(ideas_import(rows=[{"_row": index + 2, **row} for index, row in enumerate(rows)]))


FUNDING_FILE = Path(__file__).resolve().parent / "demo" / "funding.json"


def demo_funding_load() -> int:
    """Create or update the demo funding sources, marked as demo data to be checked (decision
    0026 cites where each fact comes from); returns how many."""
    rows = json.loads(FUNDING_FILE.read_text(encoding="utf-8"))
    rows = [{"_row": index + 2, **row} for index, row in enumerate(rows)]
    return len(funding_sources_import(rows=rows, is_demo=True))


NOTES_FILE = Path(__file__).resolve().parent / "demo" / "territory_notes.json"


@transaction.atomic
def demo_territory_notes_load() -> int:
    """Create or update the demo needs and potential of a few provinces (idempotent by key).

    Every note is marked ``is_demo``: its census figures are HCP's (RGPH 2024), its other
    statements are examples written for the demo, and each says so."""
    entries = json.loads(NOTES_FILE.read_text(encoding="utf-8"))
    for entry in entries:
        note = TerritoryNote.objects.filter(key=entry["key"]).first()
        note = note or TerritoryNote(key=entry["key"])
        note.province_id, note.kind = entry["province"], entry["kind"]
        note.sector, note.is_demo = entry.get("sector", ""), True
        for code, texts in entry["texts"].items():
            note.set_current_language(code)
            for name, text in texts.items():
                setattr(note, name, text)
        note.full_clean(exclude=["picture"])
        note.save()
    return len(entries)
