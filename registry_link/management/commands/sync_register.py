"""``manage.py sync_register [--since 2025-01-01]``: apply the register API's changes now."""

from django.core.management.base import BaseCommand

from registry_link.sync import register_sync


class Command(BaseCommand):
    help = "Apply the changes of the register's API since the last synchronisation."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--since", default=None, help="Start from this marker or ISO date.")

    def handle(self, *args, since=None, **options) -> None:
        run = register_sync(cursor=since)
        self.stdout.write(
            f"{run.state}: {run.pages} pages, {run.created} created, {run.updated} updated"
            f"{' (' + run.error_code + ')' if run.error_code else ''}; next from “{run.cursor_to}”"
        )
