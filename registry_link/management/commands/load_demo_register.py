"""``manage.py load_demo_register``: a few hundred made-up cooperatives (idempotent)."""

from django.core.management.base import BaseCommand, CommandError

from core.spreadsheets.rows import RowsRejectedError
from registry_link.demo import demo_accounts_link, demo_register_load


class Command(BaseCommand):
    help = "Load the demo register: a few hundred made-up cooperatives in the 12 regions."

    def handle(self, *args, **options) -> None:
        try:
            count = demo_register_load()
        except RowsRejectedError as error:
            lines = [f"row {p.row} {p.column}: {p.message}" for p in error.problems[:20]]
            raise CommandError("\n".join(lines)) from None
        self.stdout.write(f"{count} demo cooperatives and unions in the register.")
        cooperative = demo_accounts_link()
        if cooperative is not None:
            self.stdout.write(f"The demo leader leads {cooperative.registration}.")
