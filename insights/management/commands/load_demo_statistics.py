from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from insights.demo import load_demo_statistics


class Command(BaseCommand):
    help = "Demo learners, enrolments and certificates for the statistics (idempotent; DEBUG only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data is loaded only when DEBUG is on.")
        report = load_demo_statistics()
        self.stdout.write(
            f"{report['learners']} demo learners in {report['courses']} courses; "
            f"{report['rows']} summary rows."
        )
        self.stdout.write("Statistics of Souss-Massa: +212600000011 / demo-souss-2026")
        self.stdout.write("Report reader (every region): +212600000012 / demo-reader-2026")
