import time

from django.conf import settings
from django.core.management.base import BaseCommand

from academy.demo import demo_accounts_ensure
from courses.api import load_demo_academy, load_demo_narration


class Command(BaseCommand):
    help = "Load the demo academy (idempotent) and, in development, the demo accounts."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-accounts", action="store_true", help="Do not create the demo accounts."
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Do not record the lessons' narration and video (espeak-ng, ffmpeg).",
        )

    def handle(self, *args, **options) -> None:
        report = load_demo_academy()
        self.stdout.write(
            f"Demo academy: {report.created_pages} pages and "
            f"{report.created_translations} translations created."
        )
        if not options["no_media"]:
            started = time.monotonic()
            narration = load_demo_narration()
            self.stdout.write(
                narration.skipped
                or f"Demo media: {narration.recordings} narrations and {narration.videos} video "
                f"recorded in {time.monotonic() - started:.0f} s."
            )
        if options["no_accounts"] or not settings.DEBUG:
            return
        for account in demo_accounts_ensure():
            self.stdout.write(
                f"  {account.role:<9} phone {account.phone_number}  password {account.password}"
            )
