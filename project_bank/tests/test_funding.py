"""Funding sources: who they fit and why, the gap, the admin, the page, the import."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone, translation

from project_bank.funding import funding_sources_for_project
from project_bank.models import FundingSource
from project_bank.services import project_adopt

from .factories import idea_make, user_make

NEED = 12_000  # the factory idea's start-up costs (MAD)


def source_make(*, key: str, name: str = "برنامج", **fields) -> FundingSource:
    codes = {name: fields.pop(name, ()) for name in ("sectors", "regions", "groups", "stages")}
    source = FundingSource(key=key, kind=fields.pop("kind", "public"), **fields)
    for attribute, value in codes.items():
        setattr(source, attribute, value)
    source.set_current_language("ar")
    source.name = name
    source.save()
    return source


@pytest.fixture(autouse=True)
def english():
    """The service's reasons are read in English here (the page tests choose their language)."""
    with translation.override("en"):
        yield


@pytest.fixture
def project(db):
    year = timezone.localdate().year
    learner = user_make(region="09", gender="woman", birth_year=year - 25)
    idea = idea_make(key="honey", sector="agriculture", regions=("09",))
    return project_adopt(idea=idea, user=learner, language_code="ar")


def _by_key(project):
    return {match.source.key: match for match in funding_sources_for_project(project=project)}


def test_a_youth_programme_in_her_region_and_sector_fits_with_its_reasons_and_gap(project):
    source_make(
        key="youth-souss",
        groups=["youth"],
        regions=["09"],
        sectors=["agriculture"],
        age_min=18,
        age_max=35,
        amount_max=10_000,
    )
    match = _by_key(project)["youth-souss"]
    assert match.fits
    assert not match.problems
    assert match.reasons == [
        "Young people",
        "18 to 35 years old",
        "Souss-Massa",
        "Agriculture",
        "up to 10\u202f000 MAD",
    ]
    assert match.need == NEED
    assert match.gap == NEED - 10_000


def test_a_source_covering_the_whole_need_leaves_no_gap_and_an_unknown_maximum_none(project):
    source_make(key="big", amount_max=500_000)
    source_make(key="unknown")
    matches = _by_key(project)
    assert matches["big"].gap == 0
    assert matches["unknown"].gap is None
    assert matches["unknown"].reasons == ["Whole country"]


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"regions": ["01", "02"]}, "Only in: Tanger-Tétouan-Al Hoceïma, L'Oriental."),
        ({"sectors": ["fishing"]}, "Only for these sectors: Fishing."),
        ({"groups": ["job_seekers"]}, "Only for: Job seekers."),
        ({"age_min": 40}, "Founders' age must be 40 years old or more."),
        ({"age_max": 20}, "Founders' age must be up to 20 years old."),
        ({"stages": ["running"]}, "Only for projects at this stage: Already running."),
        ({"founders_min": 7}, "Needs at least 7 founders; your project has 5."),
        ({"founders_max": 3}, "Takes at most 3 founders; your project has 5."),
        (
            {"amount_min": 50_000},
            "Lends or gives from 50\u202f000 MAD; your plan needs 12\u202f000 MAD.",
        ),
    ],
)
def test_a_source_that_does_not_fit_says_why(project, fields, problem):
    source_make(key="other", **fields)
    match = _by_key(project)["other"]
    assert not match.fits
    assert match.problems == [problem]


def test_a_womens_programme_fits_her_but_not_a_mixed_project(project):
    source_make(key="women", groups=["women"])
    assert _by_key(project)["women"].fits
    man = user_make(region="09", gender="man")
    project.members.create(user=man)
    assert _by_key(project)["women"].problems == ["Only for: Women."]


def test_youth_without_a_year_of_birth_asks_for_it(project):
    source_make(key="youth", groups=["youth"], age_max=35)
    member = project.members.get()
    member.user.birth_year = None
    member.user.save()
    match = _by_key(project)["youth"]
    assert "add your year of birth to your profile" in " ".join(match.problems)


def test_expired_and_unpublished_sources_are_hidden(project):
    today = timezone.localdate()
    source_make(key="today", valid_until=today)
    source_make(key="expired", valid_until=today - datetime.timedelta(days=1))
    source_make(key="hidden", is_published=False)
    assert set(_by_key(project)) == {"today"}


def test_fitting_sources_come_first_smallest_gap_first(project):
    source_make(key="a-misfit", regions=["01"], amount_max=900_000)
    source_make(key="b-small", amount_max=1_000)
    source_make(key="c-large", amount_max=12_000)
    keys = [m.source.key for m in funding_sources_for_project(project=project)]
    assert keys == ["c-large", "b-small", "a-misfit"]


def test_staff_add_a_source_in_the_admin_with_its_conditions(admin_client, db):
    response = admin_client.post(
        "/admin/funding-sources/new/?language=fr",
        {
            "key": "forsa-test",
            "name": "Programme test",
            "kind": "public",
            "sector_codes": ["agriculture", "argan"],
            "region_codes": ["09"],
            "group_codes": ["youth"],
            "amount_max": "100000",
            "phone": "0522 00 00 00",
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    source = FundingSource.objects.get(key="forsa-test")
    assert source.sectors == ["agriculture", "argan"]
    assert source.regions == ["09"]
    assert source.groups == ["youth"]
    source.set_current_language("fr")
    assert source.name == "Programme test"
    assert "Programme test" in admin_client.get("/admin/funding-sources/").content.decode()


def test_her_project_page_shows_the_fitting_sources_with_reason_gap_and_phone(client, project):
    source_make(
        key="youth-souss",
        name="برنامج الشباب",
        groups=["youth"],
        regions=["09"],
        amount_max=10_000,
        phone="0522 12 34 56",
    )
    source_make(key="north-only", name="برنامج الشمال", regions=["01"])
    client.force_login(project.members.get().user)
    page = client.get(f"/ar/projects/{project.public_id}/").content.decode()
    assert "برنامج الشباب" in page
    assert "برنامج الشمال" not in page  # does not fit: not listed
    assert 'href="tel:0522123456"' in page
    assert "أين تطلبون التمويل" in page  # "Where to ask for money", in her language
    english = client.get(f"/en/projects/{project.public_id}/").content.decode()
    assert "Young people · Souss-Massa · up to 10\u202f000 MAD" in english
    assert "Still to find after this source: 2\u202f000 MAD." in english


def test_someone_elses_project_page_and_its_sources_are_not_reachable(client, project):
    source_make(key="youth-souss", name="برنامج الشباب")
    client.force_login(user_make(region="09"))
    response = client.get(f"/ar/projects/{project.public_id}/")
    assert response.status_code == 404
    assert "برنامج الشباب" not in response.content.decode()


HEADER = (
    "key,kind,sectors,regions,groups,age_min,age_max,amount_max,phone,website,valid_until,"
    "name_ar,name_fr,how_to_apply_fr"
)
GOOD = (
    "youth-souss,public,agriculture argan,09,youth,18,35,100000,0522 00 00 00,"
    "https://example.org/,2030-12-31,برنامج الشباب,Programme jeunes,Au guichet de la province"
)
SECOND = "micro,microfinance,,,women,,,,,,,قرض صغير,,"


def _upload(admin_client, *lines):
    data = "\n".join((HEADER, *lines)).encode()
    return admin_client.post(
        "/admin/funding-sources-import/", {"file": SimpleUploadedFile("sources.csv", data)}
    )


def test_staff_import_a_good_file_and_a_reimport_updates(admin_client, db):
    response = _upload(admin_client, GOOD, SECOND)
    assert response.status_code == 302
    source = FundingSource.objects.get(key="youth-souss")
    assert source.sectors == ["agriculture", "argan"]
    assert source.regions == ["09"]
    assert source.groups == ["youth"]
    assert (source.age_min, source.age_max, source.amount_max) == (18, 35, 100_000)
    assert source.valid_until == datetime.date(2030, 12, 31)
    source.set_current_language("fr")
    assert source.how_to_apply == "Au guichet de la province"
    assert FundingSource.objects.get(key="micro").groups == ["women"]
    _upload(admin_client, GOOD.replace("100000", "80000"))
    assert FundingSource.objects.get(key="youth-souss").amount_max == 80_000
    assert FundingSource.objects.count() == 2


def test_one_bad_row_imports_nothing_and_the_report_names_row_and_column(admin_client, db):
    bad = "broken,lottery,fishing,13,,40,20,lots,,not a url,31-31-2030,,,"
    response = _upload(admin_client, GOOD, bad)
    assert response.status_code == 200
    assert FundingSource.objects.count() == 0
    problems = {(p.row, p.column) for p in response.context["problems"]}
    assert problems == {
        (3, "kind"),
        (3, "regions"),
        (3, "age_max"),
        (3, "amount_max"),
        (3, "website"),
        (3, "valid_until"),
        (3, "name_ar"),
    }
    assert "data-problems" in response.content.decode()


def test_the_demo_sources_load_twice_without_duplicates_and_are_marked_to_check(db):
    call_command("load_demo_funding", stdout=io.StringIO())
    call_command("load_demo_funding", stdout=io.StringIO())
    sources = FundingSource.objects.all()
    assert sources.count() == 3
    assert all(source.is_demo for source in sources)
    forsa = sources.get(key="demo-forsa")
    assert forsa.amount_max == 100_000
    indh = sources.get(key="demo-indh-youth")
    assert indh.amount_max is None  # not known: left empty
    assert (indh.age_min, indh.age_max) == (18, 34)
