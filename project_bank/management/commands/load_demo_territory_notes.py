from django.core.management.base import BaseCommand

from project_bank.demo import demo_territory_notes_load


class Command(BaseCommand):
    help = "Load the demo needs and potential of a few provinces (idempotent; marked as examples)."

    def handle(self, *args, **options):
        count = demo_territory_notes_load()
        self.stdout.write(f"{count} demo needs and potentials loaded.")
