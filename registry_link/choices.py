"""The register's closed lists: kinds of body, statuses, and a member's role and link state."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    COOPERATIVE = "cooperative", pgettext_lazy("register kind", "Cooperative")
    UNION = "union", pgettext_lazy("register kind", "Union of cooperatives")


class Status(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("register status", "Active")
    LIQUIDATION = "liquidation", pgettext_lazy("register status", "In liquidation")
    STRUCK_OFF = "struck_off", pgettext_lazy("register status", "Struck off")


class Role(models.TextChoices):
    MEMBER = "member", _("member")
    LEADER = "leader", _("leader")


class LinkStatus(models.TextChoices):
    CLAIMED = "claimed", _("waiting for the leader")
    INVITED = "invited", _("invited by the leader")
    CONFIRMED = "confirmed", _("confirmed")
    REFUSED = "refused", _("refused")
    LEFT = "left", _("left")


class LinkSource(models.TextChoices):
    CLAIM = "claim", _("she asked to join")
    INVITATION = "invitation", _("the leader invited her")
    REGISTERED = "registered", _("the leader registered her")
    FOUNDING = "founding", _("founder")
    IMPORT = "import", _("register import")
    APPOINTED = "appointed", _("appointed by ODCO staff")
