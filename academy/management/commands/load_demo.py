from django.conf import settings
from django.core.management.base import BaseCommand

from academy.demo import demo_accounts_ensure
from courses.api import load_demo_academy


class Command(BaseCommand):
    help = "Load the demo academy (idempotent) and, in development, the demo accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-accounts", action="store_true", help="Do not create the demo accounts."
        )

    def handle(self, *args, **options) -> None:
        report = load_demo_academy()
        self.stdout.write(
            f"Demo academy: {report.created_pages} pages and "
            f"{report.created_translations} translations created."
        )
        if options["no_accounts"] or not settings.DEBUG:
            return
        for account in demo_accounts_ensure():
            self.stdout.write(
                f"  {account.role:<9} phone {account.phone_number}  password {account.password}"
            )
