"""Thin signal handlers: each calls one service."""

from .translation import translation_source_sync


def sync_translation_source(sender, instance, **kwargs) -> None:
    translation_source_sync(page=instance)
