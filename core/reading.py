"""The scripts the current reader reads, like Django's active language (decision 0043).

The academy shell activates them for each request from her profile; content choosers
(``core.content``, quiz texts) read them through ``content_chain``. Outside a request (tasks,
PDFs, tests) nothing is active and the default for the language applies.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar, Token

from core.languages import LISTEN, SCRIPTS, reading_chain

_reads: ContextVar[frozenset[str] | None] = ContextVar("reads", default=None)


def clean(values: Iterable[str] | None) -> frozenset[str] | None:
    """Known script codes and "listen" only; ``None`` when she has said nothing."""
    kept = frozenset(value for value in values or () if value in (*SCRIPTS, LISTEN))
    return kept or None


def activate(values: Iterable[str] | None) -> Token:
    return _reads.set(clean(values))


def deactivate(token: Token) -> None:
    _reads.reset(token)


def active() -> frozenset[str] | None:
    return _reads.get()


@contextmanager
def override(values: Iterable[str] | None) -> Iterator[None]:
    token = activate(values)
    try:
        yield
    finally:
        deactivate(token)


def content_chain(code: str) -> tuple[str, ...]:
    """The fallback chain of text content for the active reader of ``code``."""
    return reading_chain(code, active())
