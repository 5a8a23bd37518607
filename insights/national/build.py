"""The national dataset, built in one transaction, step by step, each step timed.

``national_generate(scale=1)`` gives 65,315 cooperatives and their ~790,000 members as learners,
20 courses in eight languages, 10,000 products and 30,000 orders; ``scale`` shrinks every count
but the courses (at least two). ``national_remove`` takes it all away but the courses.
"""

import time
from collections.abc import Callable

from django.core.management import call_command

from .catalogue import TOPICS, courses_ensure
from .integrity import bulk_writes
from .learning import learning_generate
from .market import orders_generate, products_generate, shops_generate
from .people import PASSWORD, PHONE_PREFIX, learners_generate
from .sql import execute, scalar, table

VERSION = 1  # raise when what is generated changes: the benchmark rebuilds its database
COOPERATIVES, SHOPS, PRODUCTS, ORDERS = 65_315, 2_000, 10_000, 30_000
SEED = 65315

COUNTED = (
    ("cooperatives", "registry_link.Cooperative"),
    ("learners", "academy.User"),
    ("memberships", "registry_link.Membership"),
    ("enrolments", "courses.Enrolment"),
    ("lesson_progress", "courses.LessonProgress"),
    ("progress_events", "courses.ProgressEvent"),
    ("attempts", "assessments.Attempt"),
    ("certificates", "assessments.Certificate"),
    ("course_pages", "courses.CoursePage"),
    ("shops", "marketplace.Shop"),
    ("products", "marketplace.Product"),
    ("orders", "marketplace.Order"),
    ("order_lines", "marketplace.OrderLine"),
)


WRITTEN = (
    "academy.User",
    "registry_link.Membership",
    "courses.Enrolment",
    "courses.LessonProgress",
    "courses.ProgressEvent",
    "assessments.Attempt",
    "assessments.Certificate",
    "marketplace.Shop",
    "marketplace.Product",
    "marketplace.Checkout",
    "marketplace.Order",
    "marketplace.OrderLine",
    "marketplace.OrderEvent",
)


def _tables(labels) -> list[str]:
    return [table(label) for label in labels] + [apps_table_translation()]


def scaled(count: int, scale: float, least: int) -> int:
    return max(least, round(count * scale))


def national_generate(*, scale: float = 1.0, seed: int = SEED, courses: int = len(TOPICS),
                      out: Callable[[str], None] = print) -> dict:  # fmt: skip
    """Replace the generated dataset by a new one; returns its row counts and ``seconds``."""
    started = time.monotonic()

    def step(name: str, function, *args, **kwargs):
        begun = time.monotonic()
        result = function(*args, **kwargs)
        out(f"  {name}: {time.monotonic() - begun:.1f} s")
        return result

    step("previous dataset removed", national_remove)
    found = step("courses", courses_ensure, count=max(2, courses))
    step("register", call_command, "generate_register", count=scaled(COOPERATIVES, scale, 20),
         seed=seed, stdout=_Quiet())  # fmt: skip
    with bulk_writes(_tables(WRITTEN)):
        step("learners and memberships", learners_generate, seed=seed)
        step("learning", learning_generate, seed=seed, courses=found)
        step("shops", shops_generate, seed=seed, count=scaled(SHOPS, scale, 4))
        step("products", products_generate, seed=seed, count=scaled(PRODUCTS, scale, 12))
        step("orders", orders_generate, seed=seed, count=scaled(ORDERS, scale, 20))
    step("statistics of the tables", execute, "ANALYZE")
    return {**national_counts(), "seconds": round(time.monotonic() - started, 1)}


class _Quiet:
    def write(self, *args, **kwargs) -> None:
        pass

    def flush(self) -> None:
        pass


def national_counts() -> dict[str, int]:
    return {name: scalar(f"SELECT count(*) FROM {table(label)}") for name, label in COUNTED}  # noqa: S608


def _generated_users() -> str:
    return (
        f"SELECT id FROM {table('academy.User')} "  # noqa: S608
        f"WHERE phone_number LIKE '{PHONE_PREFIX}%%' AND password = '{PASSWORD}'"
    )


def _generated_shops() -> str:
    return (
        f"SELECT s.id FROM {table('marketplace.Shop')} s JOIN "  # noqa: S608
        f"{table('registry_link.Cooperative')} c ON c.id = s.cooperative_id "
        "WHERE c.is_demo AND c.local_number LIKE 'G%%'"
    )


def national_remove() -> None:
    """Remove the generated learners, their learning, the generated shops and the register."""
    users, shops = _generated_users(), _generated_shops()
    orders = f"SELECT id FROM {table('marketplace.Order')} WHERE shop_id IN ({shops})"  # noqa: S608
    products = f"SELECT id FROM {table('marketplace.Product')} WHERE shop_id IN ({shops})"  # noqa: S608
    translations = apps_table_translation()
    with bulk_writes(_tables(WRITTEN)):
        for label, where in (
            ("marketplace.OrderEvent", f"order_id IN ({orders})"),
            ("marketplace.OrderLine", f"order_id IN ({orders})"),
            ("marketplace.Order", f"id IN ({orders})"),
            ("marketplace.Checkout", "phone_number LIKE '+21289%%'"),
            (None, f"master_id IN ({products})"),
            ("marketplace.Product", f"id IN ({products})"),
            ("marketplace.Shop", f"id IN ({shops})"),
            ("assessments.Certificate", f"learner_id IN ({users})"),
            ("assessments.Attempt", f"learner_id IN ({users})"),
            ("courses.ProgressEvent", f"learner_id IN ({users})"),
            ("courses.LessonProgress", f"learner_id IN ({users})"),
            ("courses.Enrolment", f"learner_id IN ({users})"),
            ("registry_link.Membership", f"user_id IN ({users})"),
        ):
            name = table(label) if label else translations
            execute(f"DELETE FROM {name} WHERE {where}")  # noqa: S608
        execute(f"DELETE FROM {table('academy.User')} WHERE id IN ({users})")  # noqa: S608
    call_command("generate_register", remove=True, stdout=_Quiet())


def apps_table_translation() -> str:
    from django.apps import apps

    return apps.get_model("marketplace.Product")._parler_meta.root_model._meta.db_table
