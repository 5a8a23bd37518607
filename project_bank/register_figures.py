"""Figures from the cooperative register, for the needs-and-potential page, when one is plugged in.

The project bank does not know where the register's figures come from: whoever has them hands a
callable to ``cooperatives_by_sector_provide`` (the registry link, once it offers
``cooperatives_by_sector(province_code=...)``, wired in ``project_bank.apps`` with one line).
Until then the page leaves the register's section out. No setting, nothing imported from here.
"""

from typing import Protocol


class CooperativesBySector(Protocol):
    def __call__(self, *, province_code: str) -> dict[str, int]: ...


_provider: list[CooperativesBySector] = []


def cooperatives_by_sector_provide(provider: CooperativesBySector | None) -> None:
    """Plug in (or, with None, unplug) the callable that counts a province's cooperatives."""
    _provider.clear()
    if provider is not None:
        _provider.append(provider)


def cooperatives_by_sector(*, province_code: str) -> dict[str, int] | None:
    """Registered cooperatives of the province by sector, or None when no register is plugged in.

    The provider's keys are its sector codes or names; counts of 0 and below are dropped.
    """
    if not _provider:
        return None
    counts = _provider[0](province_code=province_code) or {}
    return {str(sector): int(count) for sector, count in counts.items() if count and count > 0}


def is_provided() -> bool:
    return bool(_provider)
