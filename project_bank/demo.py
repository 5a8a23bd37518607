"""The demo ideas (project_bank/demo/ideas.json): loaded through the same checks as an import."""

import json
from pathlib import Path

from .funding_imports import funding_sources_import
from .imports import ideas_import

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
