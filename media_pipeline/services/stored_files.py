"""Files written for rows that may yet be rolled back.

A file is written before the row that names it (the row needs its name), and a file system knows
no transactions. So a write block records each file it stores; when the block fails (its
transaction rolled back, the commit included) those files are removed, or moved back to where
they came from. Used around the outermost transaction of a write; see
docs/decisions/0022-writes-that-survive.md.
"""

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.core.files.storage import default_storage

logger = logging.getLogger(__name__)


@dataclass
class Written:
    """What a write block stored: new files (by storage name) and moved files (from, to)."""

    names: list[str] = field(default_factory=list)
    moves: list[tuple[Path, Path]] = field(default_factory=list)

    def stored(self, name: str) -> None:
        self.names.append(name)

    def move(self, source: Path, target: Path) -> None:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(source, target)
        self.moves.append((source, target))

    def undo(self) -> None:
        for name in self.names:
            _quietly(default_storage.delete, name)
        for source, target in reversed(self.moves):
            _quietly(os.replace, target, source)


def _quietly(action, *args) -> None:
    try:
        action(*args)
    except OSError:
        logger.exception("Could not undo a stored file: %s", args)


@contextmanager
def undone_on_failure() -> Iterator[Written]:
    """Record the files a block stores; remove (or move back) each of them if the block fails."""
    written = Written()
    try:
        yield written
    except BaseException:
        written.undo()
        raise
