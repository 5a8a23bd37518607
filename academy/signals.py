"""Signals the academy sends to the apps above it (which it may not import).

Both are sent inside the transaction of ``services.member_register``, so whatever a receiver
writes is kept or undone with the account; receivers are thin and call a service of their own.
"""

from django.dispatch import Signal

# A leader or trainer registered a new member: ``registered_by``, ``member`` (the new User).
member_registered = Signal()

# A leader or trainer typed a number that already has an account: ``registered_by``,
# ``member`` (its owner). A receiver that invites her somewhere returns what to tell the
# registrar (e.g. the cooperative's name); if none does, the registration is refused.
member_number_taken = Signal()
