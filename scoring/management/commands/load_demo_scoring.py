from django.core.management.base import BaseCommand

from scoring.demo import load_demo_scoring


class Command(BaseCommand):
    help = "Demo filings for the demo cooperatives, then the scores (idempotent)."

    def handle(self, *args, **options):
        count = load_demo_scoring()
        self.stdout.write(f"Demo filings for {count} cooperatives; scores computed.")
