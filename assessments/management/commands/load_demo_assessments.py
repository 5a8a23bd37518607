from django.core.management.base import BaseCommand

from assessments.demo.loader import demo_assessments_load


class Command(BaseCommand):
    help = "Load the demo questions, quizzes, tests and learning path (idempotent)."

    def handle(self, *args, **options):
        report = demo_assessments_load()
        self.stdout.write(self.style.SUCCESS(f"Demo assessments: {report}"))
