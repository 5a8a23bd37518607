from django.core.management.base import BaseCommand, CommandError

from project_bank.demo import demo_funding_load
from project_bank.imports import ImportRejectedError


class Command(BaseCommand):
    help = "Load the demo funding sources (idempotent; demo data for staff to check)."

    def handle(self, *args, **options):
        try:
            count = demo_funding_load()
        except ImportRejectedError as error:
            lines = [f"row {p.row} {p.column}: {p.message}" for p in error.problems[:20]]
            raise CommandError("\n".join(lines)) from None
        self.stdout.write(f"{count} demo funding sources loaded.")
