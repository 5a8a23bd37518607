import time

from django.core.management.base import BaseCommand

from assessments.demo.loader import demo_assessments_load
from assessments.demo.voices import demo_voices_load


class Command(BaseCommand):
    help = "Load the demo questions, quizzes, tests and learning path (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="Keep stand-in tones instead of recording the questions (espeak-ng, ffmpeg).",
        )

    def handle(self, *args, **options):
        report = demo_assessments_load()
        self.stdout.write(self.style.SUCCESS(f"Demo assessments: {report}"))
        if options["no_media"]:
            return
        started = time.monotonic()
        recorded = demo_voices_load()
        self.stdout.write(
            f"Demo question recordings: {recorded} in {time.monotonic() - started:.0f} s."
        )
