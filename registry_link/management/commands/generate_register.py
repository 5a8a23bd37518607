"""``manage.py generate_register --count 65315``: a national-scale made-up register for
benchmarks (numbers starting with ``G``, marked as demo); ``--remove`` takes it away again."""

from django.core.management.base import BaseCommand

from registry_link.demo import NATIONAL_COUNT, register_generate, register_generated_remove


class Command(BaseCommand):
    help = "Generate (or --remove) a made-up register at national scale, for benchmarks."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--count", type=int, default=NATIONAL_COUNT)
        parser.add_argument("--seed", type=int, default=65315)
        parser.add_argument("--remove", action="store_true", help="Only remove it.")

    def handle(self, *args, count: int, seed: int, remove: bool, **options) -> None:
        if remove:
            self.stdout.write(f"{register_generated_remove()} generated cooperatives removed.")
            return
        figures = register_generate(count=count, seed=seed, out=self.stdout.write)
        women = 100 * (figures["women"] or 0) / max(figures["members"] or 0, 1)
        self.stdout.write(
            f"{figures['cooperatives']} cooperatives, {figures['members']} members "
            f"({women:.1f}% women, {figures['youth']} youth) in {figures['seconds']} s."
        )
