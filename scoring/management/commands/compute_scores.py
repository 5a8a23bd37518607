from django.core.management.base import BaseCommand

from scoring import services


class Command(BaseCommand):
    help = "Score every active cooperative with the current scoring version."

    def handle(self, *args, **options):
        run = services.scores_compute()
        flagged = run.scores.filter(flagged=True).count()
        self.stdout.write(
            f"{run.cooperatives} cooperatives scored in {run.seconds:.1f} s "
            f"(version {run.version.number}); {flagged} to visit."
        )
