"""Map sizes: the inline SVG of the region and province maps, as sent (gzip, level 6)."""

import gzip
import re

from run import bench, say


def svg_of(level: str) -> str:
    from django.template.loader import render_to_string
    from django.utils import translation

    from core.geography.maps import territory_map

    with translation.override("ar"):
        drawn = territory_map(level=level, values={}, url_for=lambda code: f"?{level}={code}")
        html = render_to_string("core/territory_map.html", {"map": drawn, "LANGUAGE_BIDI": True})
    return re.search(r"<svg.*</svg>", html, re.S).group(0)


def measure_map_sizes() -> None:
    say("== Map sizes (inline SVG, gzip) ==")
    for level, budget in (("region", 15 * 1024), ("province", 40 * 1024)):
        svg = svg_of(level).encode()
        packed = len(gzip.compress(svg, compresslevel=6))
        say(f"{level} map: {len(svg)} bytes, {packed} gzipped (budget {budget})")
        bench(f"map_{level}s_svg_gzip_bytes", packed, "bytes")
