"""``manage.py media_sweep``: send again the assets left waiting or abandoned by a worker."""

from django.core.management.base import BaseCommand

from media_pipeline.services.sweep import assets_sweep


class Command(BaseCommand):
    help = "Re-send media assets stuck in a non-final state (also run by Celery beat)."

    def handle(self, *args, **options):
        report = assets_sweep()
        self.stdout.write(
            f"processing: {report.processing} transcribing: {report.transcribing} "
            f"voice-overs: {report.voice_overs}"
        )
