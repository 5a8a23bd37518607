"""Which funding sources fit a learner's project, and why (or why not).

A source fits when every condition it sets is met; an empty condition is no condition. The
project's facts: its idea's sector, its region, its stage (draft → idea, gathering founders →
founding), its founders (the members so far: gender, age from the year of birth, motivation) and
their planned number (the larger of the members and the founders needed), and its investment
need (the plan's start-up total). Expired and unpublished sources are never shown.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.regions import Region

from .choices import YOUTH_MAX_AGE, FundingGroup, ProjectStage, Sector
from .models import FundingSource, Project
from .templatetags.project_bank_tags import money

STAGE_OF_STATUS = {
    Project.Status.DRAFT: ProjectStage.IDEA,
    Project.Status.FOUNDING: ProjectStage.FOUNDING,
}


@dataclass
class FundingMatch:
    source: FundingSource
    reasons: list[str] = field(default_factory=list)  # why it fits, in reading order
    problems: list[str] = field(default_factory=list)  # why it does not
    need: Decimal = Decimal(0)  # the plan's start-up total (MAD)
    gap: Decimal | None = None  # need minus the source's maximum, ≥ 0; None: maximum not known

    @property
    def fits(self) -> bool:
        return not self.problems

    @property
    def reason_text(self) -> str:
        return " · ".join(self.reasons)


def mad(value) -> str:
    """An amount with the currency, thousands apart as in the plan ("100 000 MAD")."""
    return _("%(amount)s MAD") % {"amount": money(value)}


def sources_current(*, today=None):
    """Published sources not past their last day."""
    today = today or timezone.localdate()
    return (
        FundingSource.objects.filter(is_published=True)
        .exclude(valid_until__lt=today)
        .prefetch_related("translations")
    )


@dataclass(frozen=True)
class _Founder:
    is_woman: bool
    age: int | None
    is_job_seeker: bool


def _founders(project: Project, year: int) -> list[_Founder]:
    return [
        _Founder(
            is_woman=member.user.gender == "woman",
            age=year - member.user.birth_year if member.user.birth_year else None,
            is_job_seeker=member.user.motivation == "job_seeker",
        )
        for member in project.members.select_related("user")
    ]


def _group_fits(group: str, founders: list[_Founder], source: FundingSource) -> bool:
    if group == FundingGroup.COOPERATIVES:
        return True  # every project of the bank is a cooperative in the making
    if not founders:
        return False
    if group == FundingGroup.WOMEN:
        return all(founder.is_woman for founder in founders)
    if group == FundingGroup.JOB_SEEKERS:
        return all(founder.is_job_seeker for founder in founders)
    high = YOUTH_MAX_AGE if source.age_max is None else source.age_max  # youth
    return all(founder.age is not None and founder.age <= high for founder in founders)


def _groups(match: FundingMatch, founders: list[_Founder]) -> None:
    groups = match.source.groups
    if not groups:
        return
    fitting = [group for group in groups if _group_fits(group, founders, match.source)]
    if fitting:
        match.reasons.append(str(FundingGroup(fitting[0]).label))
    else:
        labels = ", ".join(str(FundingGroup(group).label) for group in groups)
        match.problems.append(_("Only for: %(groups)s.") % {"groups": labels})


def ages_text(low: int | None, high: int | None) -> str:
    """The age bounds in words: "18 to 35 years old", "40 years old or more", "up to 34…"."""
    if low is not None and high is not None:
        return _("%(low)s to %(high)s years old") % {"low": low, "high": high}
    if low is not None:
        return _("%(low)s years old or more") % {"low": low}
    return _("up to %(high)s years old") % {"high": high}


def _ages(match: FundingMatch, founders: list[_Founder]) -> None:
    low, high = match.source.age_min, match.source.age_max
    if low is None and high is None:
        return
    ages_wanted = {"ages": ages_text(low, high)}
    ages = [founder.age for founder in founders]
    if not ages or None in ages:
        match.problems.append(
            _("Founders' age must be %(ages)s: add your year of birth to your profile.")
            % ages_wanted
        )
    elif all((low is None or age >= low) and (high is None or age <= high) for age in ages):
        match.reasons.append(ages_wanted["ages"])
    else:
        match.problems.append(_("Founders' age must be %(ages)s.") % ages_wanted)


def _region(match: FundingMatch, project: Project) -> None:
    regions = match.source.regions
    if not regions:
        match.reasons.append(str(pgettext("funding", "Whole country")))
    elif project.region in regions:
        match.reasons.append(str(Region(project.region).label))
    else:
        labels = ", ".join(str(Region(code).label) for code in regions)
        match.problems.append(_("Only in: %(regions)s.") % {"regions": labels})


def _sector(match: FundingMatch, project: Project) -> None:
    sectors = match.source.sectors
    sector = project.idea.sector if project.idea else ""
    if not sectors:
        return
    if sector in sectors:
        match.reasons.append(str(Sector(sector).label))
    else:
        labels = ", ".join(str(Sector(code).label) for code in sectors)
        match.problems.append(_("Only for these sectors: %(sectors)s.") % {"sectors": labels})


def _stage(match: FundingMatch, project: Project) -> None:
    stages = match.source.stages
    stage = STAGE_OF_STATUS.get(project.status, ProjectStage.IDEA)
    if stages and stage not in stages:
        labels = ", ".join(str(ProjectStage(code).label) for code in stages)
        match.problems.append(
            _("Only for projects at this stage: %(stages)s.") % {"stages": labels}
        )


def _founders_count(match: FundingMatch, project: Project, members: int) -> None:
    planned = max(members, project.min_founders)
    low, high = match.source.founders_min, match.source.founders_max
    if low is not None and planned < low:
        match.problems.append(
            _("Needs at least %(low)s founders; your project has %(count)s.")
            % {"low": low, "count": planned}
        )
    if high is not None and planned > high:
        match.problems.append(
            _("Takes at most %(high)s founders; your project has %(count)s.")
            % {"high": high, "count": planned}
        )


def _amount(match: FundingMatch) -> None:
    low, high = match.source.amount_min, match.source.amount_max
    if low and match.need < low:
        match.problems.append(
            _("Lends or gives from %(low)s; your plan needs %(need)s.")
            % {"low": mad(low), "need": mad(match.need)}
        )
    if high:
        match.reasons.append(_("up to %(amount)s") % {"amount": mad(high)})
        match.gap = max(Decimal(0), match.need - high)


def funding_match(*, source: FundingSource, project: Project, founders=None) -> FundingMatch:
    """Whether ``source`` fits ``project``, with the reasons either way and the gap."""
    year = timezone.localdate().year
    founders = _founders(project, year) if founders is None else founders
    match = FundingMatch(source=source, need=project.plan_result.startup_total)
    _groups(match, founders)
    _ages(match, founders)
    _region(match, project)
    _sector(match, project)
    _stage(match, project)
    _founders_count(match, project, len(founders))
    _amount(match)
    return match


def funding_sources_for_project(*, project: Project, today=None) -> list[FundingMatch]:
    """Every current source with its verdict for ``project``: fitting ones first (the smallest
    gap first), then the others (expired and unpublished sources are left out)."""
    founders = _founders(project, timezone.localdate().year)
    matches = [
        funding_match(source=source, project=project, founders=founders)
        for source in sources_current(today=today)
    ]
    unknown = Decimal(10**12)
    return sorted(
        matches,
        key=lambda m: (not m.fits, m.gap if m.gap is not None else unknown, m.source.key),
    )
