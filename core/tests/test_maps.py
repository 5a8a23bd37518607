import gzip
import re

import pytest
from defusedxml import ElementTree
from django.template.loader import render_to_string
from django.utils import translation

from core.geography.maps import COLOURS, territory_map
from core.models import Province, Region

SVG = "{http://www.w3.org/2000/svg}"
BUDGET = {"region": 15 * 1024, "province": 40 * 1024}


def _render(level, values=None, language="ar", within=""):
    with translation.override(language):
        drawn = territory_map(
            level=level,
            values=values or {},
            url_for=lambda code: f"/ideas/?{level}={code}",
            within=within,
        )
        html = render_to_string(
            "core/territory_map.html", {"map": drawn, "LANGUAGE_BIDI": language == "ar"}
        )
    return html, re.search(r"<svg xmlns.*?</svg>", html, re.S).group(0)  # the map, not a swatch


def _links(svg: str) -> dict[str, object]:
    root = ElementTree.fromstring(svg)
    links = root.findall(f"{SVG}a")
    codes = [link.get("data-code") for link in links]
    assert len(codes) == len(set(codes)), "a place is drawn twice"
    return {link.get("data-code"): link for link in links}


@pytest.mark.parametrize("level", ["region", "province"])
def test_the_map_is_valid_svg_within_budget_with_every_place_once(db, level, capsys):
    html, svg = _render(level)
    links = _links(svg)  # parses: a malformed SVG fails here
    units = Region.objects.all() if level == "region" else Province.objects.all()
    codes = set(units.values_list("code", flat=True))
    listed = set(re.findall(rf'href="/ideas/\?{level}=([\d.]+)"', html.split("<figcaption>")[1]))
    assert set(links) | listed == codes
    if level == "region":
        assert len(links) == 12
    else:  # the 75 provinces and prefectures; Casablanca's 8 prefectures are in the list
        assert len(links) == 75
        parts = Province.objects.filter(kind=Province.Kind.PREFECTURE_OF_ARRONDISSEMENTS)
        assert set(parts.values_list("code", flat=True)) <= listed
    for code, link in links.items():
        assert link.get("href") == f"/ideas/?{level}={code}"
        assert link.find(f"{SVG}path").get("d").startswith("M")
    packed = len(gzip.compress(svg.encode(), compresslevel=6))
    with capsys.disabled():
        print(f"\n{level} map: {len(svg.encode())} bytes, {packed} gzipped")  # noqa: T201
    assert packed <= BUDGET[level]


def test_a_value_colours_its_own_shape_and_the_legend_explains_it(db):
    html, svg = _render("region", {"09": 12, "02": 3})
    links = _links(svg)
    fill = {code: link.find(f"{SVG}path").get("fill") for code, link in links.items()}
    assert fill["09"] == COLOURS[-1]
    assert fill["02"] not in {COLOURS[0], COLOURS[-1]}
    assert {fill[code] for code in links if code not in {"09", "02"}} == {COLOURS[0]}
    legend = html.split('class="territory-legend"')[1].split("</ul>")[0]
    steps = re.findall(r'fill="(#\w+)"/></svg>([\d.–]+)</li>', legend, re.S)
    shown = dict(steps)
    assert shown[COLOURS[-1]].endswith("12")  # the darkest colour stands for 12, Souss-Massa
    low, _, high = shown[fill["02"]].partition("–")
    assert int(low) <= 3 <= int(high or low)  # and 3, L'Oriental, is in its colour's range


def test_small_places_are_reachable_from_a_list_with_big_targets(db):
    html, _svg = _render("province")
    listed = html.split("<figcaption>")[1]
    assert 'href="/ideas/?province=04.421"' in listed  # Rabat: a few pixels on a phone


def test_a_regions_provinces_fill_the_map_and_only_the_tiny_ones_are_listed(db):
    html, svg = _render("province", within="09")
    assert set(_links(svg)) == {"09.001", "09.273", "09.163", "09.541", "09.581", "09.551"}
    listed = html.split("<figcaption>")[1]
    assert 'href="/ideas/?province=09.541"' not in listed  # Taroudannt: big enough to tap
    assert 'href="/ideas/?province=09.273"' in listed  # Inezgane-Aït Melloul: too small


def test_labels_are_in_the_readers_language_and_right_to_left_in_arabic(db):
    _html, svg = _render("region", language="ar")
    labels = ElementTree.fromstring(svg).findall(f"{SVG}text")
    assert labels
    assert all(label.get("direction") == "rtl" for label in labels)
    assert "سوس-ماسة" in {label.text for label in labels}
    _html, svg = _render("region", language="fr")
    labels = ElementTree.fromstring(svg).findall(f"{SVG}text")
    assert all(label.get("direction") == "ltr" for label in labels)
