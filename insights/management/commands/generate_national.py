"""``manage.py generate_national [--scale 0.01]``: a made-up national dataset for benchmarks
(insights/national/README.md); ``--remove`` takes it away again (the courses stay)."""

from django.core.management.base import BaseCommand

from insights.national.build import SEED, national_generate, national_remove


class Command(BaseCommand):
    help = "Generate (or --remove) the national dataset: register, learners, learning, market."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--scale", type=float, default=1.0, help="1 = national size.")
        parser.add_argument("--seed", type=int, default=SEED)
        parser.add_argument("--courses", type=int, default=20, help="2 to 20.")
        parser.add_argument("--remove", action="store_true", help="Only remove it.")

    def handle(self, *args, scale: float, seed: int, courses: int, remove: bool, **options):
        if remove:
            national_remove()
            self.stdout.write("The national dataset was removed.")
            return
        figures = national_generate(scale=scale, seed=seed, courses=courses, out=self.stdout.write)
        seconds = figures.pop("seconds")
        for name, count in figures.items():
            self.stdout.write(f"  {name}: {count}")
        self.stdout.write(f"Built in {seconds} s.")
