"""Write the native reviewers' translations into the message catalogues (before msgfmt)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from courses.interface_strings import catalogue_export


class Command(BaseCommand):
    help = "Write reviewed interface strings into locale/<lang>/LC_MESSAGES/django.po."

    def add_arguments(self, parser):
        parser.add_argument("--locale-dir", type=Path, default=None)

    def handle(self, *args, locale_dir=None, **options):
        for code, count in sorted(catalogue_export(locale_dir=locale_dir).items()):
            self.stdout.write(f"{code}\t{count}")
