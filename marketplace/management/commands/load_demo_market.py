from django.core.management.base import BaseCommand

from marketplace.demo import demo_market_load


class Command(BaseCommand):
    help = "Load the demo marketplace: demo cooperatives, leaders, shops and products (idempotent)."

    def handle(self, *args, **options):
        count = demo_market_load()
        self.stdout.write(f"{count} demo products in the demo shops.")
