"""The computation over the database: facts read in bulk, versions kept, the visit list."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from scoring import indicators, selectors, services
from scoring.models import FilingKind, Score, ScoringVersion

from .factories import (
    cooperative_make,
    filing_make,
    learner_trained,
    order_make,
    shop_make,
)

pytestmark = pytest.mark.django_db
LONG_AGO = date(2015, 3, 1)


def sound(**fields):
    """A cooperative with nothing to reproach: assemblies and filings on time, women and youth."""
    fields.setdefault("registered_on", LONG_AGO)
    cooperative = cooperative_make(members_count=20, women_count=10, youth_count=4, **fields)
    for year in (2023, 2024):
        filing_make(cooperative, year=year, filed_on=date(year + 1, 6, 1))
        filing_make(cooperative, kind=FilingKind.ACCOUNTS, year=year, filed_on=date(year + 1, 6, 1))
    return cooperative


def score_of(run, cooperative) -> Score:
    return run.scores.get(cooperative=cooperative)


def test_facts_read_from_every_app():
    cooperative = cooperative_make(
        members_count=20, women_count=3, youth_count=1, registered_on=LONG_AGO
    )
    filing_make(cooperative, year=2023, filed_on=date(2024, 7, 2))  # held (late)
    filing_make(cooperative, year=2024)  # not held
    filing_make(cooperative, kind=FilingKind.ACCOUNTS, year=2024, filed_on=date(2025, 6, 1))
    filing_make(cooperative, kind=FilingKind.REPORT, year=2024, filed_on=date(2025, 8, 1))
    learner_trained(cooperative, completed=True, certified=True)
    learner_trained(cooperative, completed=True)
    learner_trained(cooperative)
    shop = shop_make(cooperative=cooperative)
    order_make(shop, total="300.00")
    order_make(shop, total="100.00", status="returned")
    order_make(shop, total="999.00", status="cancelled")  # not an order that counts
    run = services.scores_compute(ids=[cooperative.pk])
    values = score_of(run, cooperative).values
    assert values["assemblies_held"] == 0.5  # 1 of 2
    assert values["filings_on_time"] == 0.5  # accounts on time, report late
    assert values["women_share"] == 0.15
    assert values["youth_share"] == 0.05
    assert values["members_trained"] == 0.15  # 3 of 20
    assert values["training_completion"] == pytest.approx(0.6667, abs=1e-4)  # 2 of 3
    assert values["certificates"] == 0.05  # 1 of 20
    assert values["orders"] == 2
    assert values["delivered_share"] == 0.75  # 300 of 400
    assert values["members_growth"] is None  # the register kept no count a year ago


def test_growth_reads_the_register_history():
    cooperative = cooperative_make(members_count=50, registered_on=LONG_AGO)
    record = cooperative.history.get()
    record.history_date = timezone.now() - timedelta(days=400)
    record.save()
    cooperative.members_count = 45
    cooperative.save()
    run = services.scores_compute(ids=[cooperative.pk])
    assert score_of(run, cooperative).values["members_growth"] == -0.1


def test_a_new_weight_is_a_new_version_and_past_scores_keep_theirs():
    cooperative = cooperative_make(members_count=20, registered_on=LONG_AGO)
    filing_make(cooperative, year=2024)  # assembly not held
    first = services.scores_compute(ids=[cooperative.pk])
    before = score_of(first, cooperative)
    version_one = services.version_current()
    changed = {code: dict(rule) for code, rule in version_one.settings.items()}
    changed["assemblies_held"]["weight"] = 50
    version_two = services.version_create(settings=changed, visit_threshold=40, note="more")
    assert version_two.number == version_one.number + 1
    assert services.version_create(settings=changed, visit_threshold=40) == version_two
    second = services.scores_compute(ids=[cooperative.pk])
    after = score_of(second, cooperative)
    before.refresh_from_db()
    assert (before.version, after.version) == (version_one, version_two)
    assert after.risk > before.risk
    assert before.version.settings["assemblies_held"]["weight"] == 25  # never edited
    assert ScoringVersion.objects.count() == 2


def test_reasons_come_largest_first():
    cooperative = cooperative_make(members_count=20, women_count=10, registered_on=LONG_AGO)
    filing_make(cooperative, year=2024)  # assembly not held: 25 points
    filing_make(cooperative, kind=FilingKind.ACCOUNTS, year=2024, filed_on=date(2025, 9, 1))
    run = services.scores_compute(ids=[cooperative.pk])
    reasons = selectors.reasons_of(score_of(run, cooperative))
    assert [reason.code for reason in reasons] == [
        "assemblies_held",
        "filings_on_time",
        "youth_share",
    ]
    assert [reason.points for reason in reasons] == sorted(
        (reason.points for reason in reasons), reverse=True
    )


def test_training_alone_never_puts_a_cooperative_on_the_visit_list():
    untrained = sound()  # only training is weak
    trained = sound()
    learner_trained(trained, completed=True, certified=True)
    weak = cooperative_make(members_count=20, women_count=10, youth_count=4, registered_on=LONG_AGO)
    filing_make(weak, year=2024)
    filing_make(weak, kind=FilingKind.ACCOUNTS, year=2024)
    run = services.scores_compute(ids=[untrained.pk, trained.pk, weak.pk])
    listed = list(selectors.visit_list(run=run, region="09"))
    assert [score.cooperative for score in listed] == [weak]
    assert score_of(run, untrained).risk == 0
    assert not score_of(run, untrained).flagged


def test_training_lowers_a_weak_cooperatives_rank():
    weak_untrained, weak_trained = sound(), sound()
    for cooperative in (weak_untrained, weak_trained):
        filing_make(cooperative, year=2025, due_on=date(2025, 6, 30))  # assembly not held
        filing_make(cooperative, year=2022, due_on=date(2024, 6, 30))
    for _index in range(10):
        learner_trained(weak_trained, completed=True, certified=True)
    run = services.scores_compute(ids=[weak_untrained.pk, weak_trained.pk])
    assert score_of(run, weak_trained).risk < score_of(run, weak_untrained).risk


def test_the_first_version_holds_the_documented_defaults():
    version = services.version_current()
    assert version.number == 1
    assert version.settings == indicators.defaults()
    assert version.visit_threshold == indicators.VISIT_THRESHOLD


def test_demo_loader_is_idempotent():
    from scoring.demo import load_demo_scoring
    from scoring.models import Filing

    cooperative_make(is_demo=True, members_count=10, registered_on=LONG_AGO)
    load_demo_scoring()
    filings = Filing.objects.count()
    load_demo_scoring()
    assert Filing.objects.count() == filings == 6


@pytest.mark.django_db(transaction=True)
def test_two_staff_saving_weights_at_once_get_two_versions():
    import threading

    from django.db import connection

    services.version_current()
    results, errors = [], []

    def save(weight):
        try:
            settings = indicators.defaults()
            settings["orders"]["weight"] = weight
            results.append(services.version_create(settings=settings, visit_threshold=40).number)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(weight,)) for weight in (11, 12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(results) == [2, 3]
