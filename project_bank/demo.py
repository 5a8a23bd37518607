"""The demo ideas (project_bank/demo/ideas.json): loaded through the same checks as an import."""

import json
from pathlib import Path

from .imports import ideas_import

DEMO_FILE = Path(__file__).resolve().parent / "demo" / "ideas.json"


def demo_ideas_load() -> int:
    """Create or update the demo ideas (idempotent: the keys are stable); returns how many."""
    rows = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
    return len(ideas_import(rows=[{"_row": index + 2, **row} for index, row in enumerate(rows)]))
