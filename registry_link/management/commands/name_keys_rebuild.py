"""Rewrite the name check's keys of every cooperative (after a bulk import or a rule change)."""

from django.core.management.base import BaseCommand

from registry_link.names import name_keys_rebuild


class Command(BaseCommand):
    help = "Rewrite the name check's stored keys of every cooperative in the register."

    def handle(self, *args, **options):
        written = name_keys_rebuild()
        self.stdout.write(f"{written} name keys written.")
