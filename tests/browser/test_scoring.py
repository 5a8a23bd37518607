"""A regional delegate opens the visit list on her phone, reads the reasons, opens one score and
downloads the list; the weights page (screenshots in test-artifacts/scoring-*.png)."""

from datetime import date

import pytest

from .conftest import PHONE, sign_in

pytestmark = pytest.mark.browser


def test_a_delegate_reads_her_regions_visit_list(live_demo_academy, browser, shoot):
    from django.contrib.auth.models import Permission

    from registry_link.tests.factories import cooperative_make, user_make
    from scoring.models import FilingKind
    from scoring.services import scores_compute
    from scoring.tests.factories import filing_make

    cooperatives = []
    for index, region in enumerate(("09", "09", "02")):
        cooperative = cooperative_make(
            name_ar=f"تعاونية تيفاوين {index}",
            region_id=region,
            members_count=12,
            women_count=2,
            registered_on=date(2016, 1, 1),
        )
        filing_make(cooperative, year=2024)
        filing_make(cooperative, kind=FilingKind.ACCOUNTS, year=2024, filed_on=date(2025, 9, 1))
        cooperatives.append(cooperative)
    scores_compute(ids=[item.pk for item in cooperatives])
    delegate = user_make(region="09", is_staff=True)
    delegate.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_score", "add_scoringversion"]
        )
    )

    desk = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    sign_in(desk, live_demo_academy, delegate)
    page = desk.new_page()
    page.goto(f"{live_demo_academy.url}/admin/scoring/visits/?region=02")
    rows = page.locator("[data-cooperative]")
    assert rows.count() == 2  # her region's two, whatever the address asks
    assert page.locator(f'[data-cooperative="{cooperatives[2].pk}"]').count() == 0
    assert page.locator('[data-reason="assemblies_held"]').count() == 2
    shoot(page, "scoring-1-visit-list")
    with page.expect_download() as download:
        page.locator('[data-export="xlsx"]').click()
    assert download.value.suggested_filename == "visit-list-09.xlsx"
    page.locator("[data-cooperative] a").first.click()
    page.wait_for_selector("[data-reasons]")
    shoot(page, "scoring-2-score")
    page.goto(f"{live_demo_academy.url}/admin/scoring/weights/")
    shoot(page, "scoring-3-weights")
    desk.close()
