"""Roles are Django groups with permissions: one place says which group may do what.

- member: any signed-in learner (no group);
- cooperative leader: registers members and follows them ("Cooperative leaders"). The group
  only opens the pages; what a leader sees of members is scoped by her leader role in
  ``registry_link.Membership`` for each cooperative (decision 0033): staff appointing a leader
  do both;
- trainer: authors courses (Wagtail "Editors"), registers members, manages cohorts;
- reviewer: reviews and publishes content (Wagtail "Moderators");
- staff: ODCO staff (``is_staff``), everything in the admin their groups allow.
"""

LEADERS = "Cooperative leaders"
TRAINERS = "Editors"
REVIEWERS = "Moderators"

REGISTER_MEMBERS = "register_members"
MANAGE_COHORTS = "manage_cohorts"

GROUP_PERMISSIONS = {
    LEADERS: (REGISTER_MEMBERS,),
    TRAINERS: (REGISTER_MEMBERS, MANAGE_COHORTS),
}


def can_register_members(user) -> bool:
    return user.is_authenticated and user.has_perm(f"academy.{REGISTER_MEMBERS}")


def can_manage_cohorts(user) -> bool:
    return user.is_authenticated and user.has_perm(f"academy.{MANAGE_COHORTS}")
