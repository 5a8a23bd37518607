"""Thin receivers of the academy's registration signals (sent inside its transaction)."""

from . import services


def member_registered_link(sender, *, registered_by, member, **kwargs) -> None:
    """A member her leader registered is linked to the leader's cooperative."""
    services.registered_member_link(leader=registered_by, member=member)


def member_number_taken_invite(sender, *, registered_by, member, **kwargs) -> str:
    """A number that has an account: invited to the leader's cooperative (its name, or "")."""
    return services.registered_number_invite(leader=registered_by, member=member)
