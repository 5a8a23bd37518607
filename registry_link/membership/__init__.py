"""Membership: a learner claims her cooperative or accepts her leader's invitation, the leader
confirms or refuses, and sees her confirmed members' training (decision 0033).

- ``services.py`` — every write: claim, invite, answer, confirm/refuse, leave, appoint a leader;
- ``selectors.py`` — the leader's page (claims, members with their training), her own links;
- ``handlers.py`` — thin receivers of the academy's registration signals.
"""
