"""The documented indicators of the score (scoring/README.md says each formula and default).

Each indicator turns one fact of a cooperative into a value; the value becomes a performance
between 0 (at or beyond ``floor``) and 1 (at or beyond ``target``) on a straight line between
them, like a PEARLS ratio against its norm. Risk indicators add ``weight × (1 − performance)``
to the risk; training indicators are protective: they take ``weight × performance`` off it and
never add anything (ICA principle 5: training lowers risk, it never triggers a visit).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

GOVERNANCE = "governance"
MEMBERS = "members"
TRAINING = "training"
ACTIVITY = "activity"
GROUPS = {
    GOVERNANCE: pgettext_lazy("scoring group", "Governance"),
    MEMBERS: pgettext_lazy("scoring group", "Members"),
    TRAINING: pgettext_lazy("scoring group", "Training"),
    ACTIVITY: pgettext_lazy("scoring group", "Activity"),
}


@dataclass(frozen=True)
class Indicator:
    code: str
    group: str
    label: str
    weak: str  # the reason, said when the indicator raises the risk
    weight: float
    floor: float
    target: float
    percent: bool = True  # the value is a share (shown as a percentage)

    @property
    def protective(self) -> bool:
        return self.group == TRAINING


INDICATORS: tuple[Indicator, ...] = (
    Indicator(
        "assemblies_held",
        GOVERNANCE,
        _("General assemblies held"),
        _("General assemblies not held"),
        25,
        0,
        1,
    ),
    Indicator(
        "filings_on_time",
        GOVERNANCE,
        _("Filings on time"),
        _("Filings late or missing"),
        20,
        0,
        1,
    ),
    Indicator(
        "members_growth",
        MEMBERS,
        _("Growth of the members over a year"),
        _("Members leaving"),
        15,
        -0.2,
        0,
    ),
    Indicator("women_share", MEMBERS, _("Share of women"), _("Few women members"), 5, 0, 0.3),
    Indicator(
        "youth_share", MEMBERS, _("Share of young members"), _("Few young members"), 5, 0, 0.1
    ),
    Indicator(
        "orders",
        ACTIVITY,
        _("Marketplace orders over a year"),
        _("Few marketplace orders"),
        10,
        0,
        12,
        percent=False,
    ),
    Indicator(
        "delivered_share",
        ACTIVITY,
        _("Share of the ordered value delivered"),
        _("Orders not delivered"),
        10,
        0.5,
        0.9,
    ),
    Indicator(
        "record_age",
        ACTIVITY,
        _("Years since registration"),
        _("Recently founded"),
        10,
        0,
        3,
        percent=False,
    ),
    Indicator(
        "members_trained",
        TRAINING,
        _("Members trained"),
        _("Members trained"),
        8,
        0,
        0.5,
    ),
    Indicator(
        "training_completion",
        TRAINING,
        _("Completion of the courses followed"),
        _("Courses completed"),
        6,
        0,
        0.8,
    ),
    Indicator(
        "certificates",
        TRAINING,
        _("Members with a certificate"),
        _("Members certified"),
        6,
        0,
        0.3,
    ),
)
BY_CODE = {indicator.code: indicator for indicator in INDICATORS}
VISIT_THRESHOLD = 40.0  # risk (0–100) from which a cooperative is on the visit list


def defaults() -> dict[str, dict[str, float]]:
    """The settings of the first version: weight, floor and target per indicator."""
    return {
        item.code: {"weight": item.weight, "floor": item.floor, "target": item.target}
        for item in INDICATORS
    }
