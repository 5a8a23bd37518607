"""Who sees which statistics (decision 0038).

- ``insights.view_statistics`` opens the statistics space;
- with ``insights.view_all_regions`` (or as a superuser) she sees the whole country;
- without it, only the region in her profile (``User.region``), as the founding files' regional
  reviewers do (decision 0034); without a region, nothing;
- the "Report readers" group holds the two permissions and nothing else: it reads, exports and
  prints, and changes nothing anywhere.
"""

VIEW = "insights.view_statistics"
ALL_REGIONS = "insights.view_all_regions"
REPORT_READERS = "Report readers"
NATIONAL = ""


def scope(user) -> str | None:
    """``NATIONAL`` (the whole country), a region code, or None (no access)."""
    if not (user.is_authenticated and user.is_active and user.has_perm(VIEW)):
        return None
    if user.is_superuser or user.has_perm(ALL_REGIONS):
        return NATIONAL
    return user.region or None
