from django.core.management.base import BaseCommand

from assessments.demo.loader import demo_assessments_load


class Command(BaseCommand):
    help = "Load the demo questions, a quiz in a lesson and the final test (idempotent)."

    def handle(self, *args, **options):
        report = demo_assessments_load()
        self.stdout.write(self.style.SUCCESS(f"Demo assessments: {report}"))
