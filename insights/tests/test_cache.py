"""The dashboard's figures are computed once per refresh and filter set (decision 0038): a
refresh shows its new figures at once, and a regional reader never gets another region's."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from insights import figures, selectors
from insights.filters import Filters
from insights.services import refresh_summaries

from .factories import COURSE_A, enrol, learner, small_world, staff_make

pytestmark = pytest.mark.django_db
DASHBOARD = "/admin/statistics/"


def learners_shown(client, params=None) -> int:
    response = client.get(DASHBOARD, params or {})
    assert response.status_code == 200
    return response.context["learning"].total["learners"]


def test_a_second_view_reads_the_cache_and_a_refresh_shows_new_figures_at_once(client):
    small_world()
    client.force_login(staff_make(national=True))
    before = learners_shown(client)
    version = selectors.last_refresh().pk
    assert cache.get(figures.cache_key(Filters(), region="", version=version)) is not None
    computed = []
    original = figures.compute
    figures.compute = lambda *args, **kwargs: computed.append(1) or original(*args, **kwargs)
    try:
        assert learners_shown(client) == before
        assert computed == []  # the second view computed nothing
        person = learner("Fresh", region="09", province_id="09.001", gender="woman")
        enrol(person, COURSE_A, month=3)
        assert learners_shown(client) == before  # until the refresh: the same figures
        refresh_summaries()
        assert learners_shown(client) == before + 1  # at once after it
        assert computed == [1]
    finally:
        figures.compute = original


def test_a_regional_reader_never_gets_another_regions_cached_figures(client):
    small_world()
    national, souss = staff_make(national=True), staff_make(region="09", national=False)
    oriental = staff_make(region="02", national=False)
    client.force_login(national)
    everyone = learners_shown(client)
    client.force_login(souss)
    in_souss = learners_shown(client)
    client.force_login(oriental)
    in_oriental = learners_shown(client)
    # The same address asking for Souss-Massa: L'Oriental's reader still sees her region only.
    assert learners_shown(client, {"region": "09"}) == in_oriental
    assert {everyone, in_souss, in_oriental} == {6, 4, 2}
    client.force_login(souss)
    assert learners_shown(client, {"region": "02"}) == in_souss
    assert learners_shown(client) == in_souss


def test_the_key_holds_the_version_the_scope_the_filters_and_the_language():
    plain = figures.cache_key(Filters(), region="", version=1)
    assert plain != figures.cache_key(Filters(), region="", version=2)
    assert plain != figures.cache_key(Filters(), region="09", version=1)
    assert plain != figures.cache_key(Filters(gender="woman"), region="", version=1)
    from django.utils import translation

    with translation.override("fr"):
        assert plain != figures.cache_key(Filters(), region="", version=1)
    assert reverse("insights_dashboard") == DASHBOARD
