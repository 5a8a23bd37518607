"""Sizes of downloads as a learner reads them ("1.4 MB"), in units of her own catalogue.

Django's ``filesizeformat`` takes its units from Django's catalogues, which do not know Darija or
the Amazigh languages (their pages would show the units in Arabic); these units are ours.
"""

from django.utils.formats import number_format
from django.utils.translation import gettext

KB, MB, GB = 1024, 1024**2, 1024**3


def human_size(size: int | float | None) -> str:
    size = max(int(size or 0), 0)
    if size < KB:
        return gettext("%(size)s bytes") % {"size": size}
    for unit, text in ((GB, gettext("%(size)s GB")), (MB, gettext("%(size)s MB"))):
        if size >= unit:
            return text % {"size": number_format(size / unit, 1)}
    return gettext("%(size)s KB") % {"size": number_format(size / KB, 1)}
