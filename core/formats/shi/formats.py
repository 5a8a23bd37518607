"""Formats of this language: the shared Moroccan ones (see core.formats)."""

from ..common import *  # noqa: F403
