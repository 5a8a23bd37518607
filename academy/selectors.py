"""Reads about accounts."""

from .models import User


def account_data(user: User) -> dict:
    """What the academy keeps about her account (law 09-08: she may download it)."""
    return {
        "account": {
            "phone_number": user.phone_number,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "email": user.email,
            "preferred_language": user.preferred_language,
            "region": user.region,
            "province": user.province_id,
            "commune": user.commune_id,
            "gender": user.gender,
            "birth_year": user.birth_year,
            "motivation": user.motivation,
            "phone_verified_at": user.phone_verified_at,
            "date_joined": user.date_joined,
            "registered_by": str(user.registered_by) if user.registered_by_id else None,
        }
    }


def registered_members(user: User):
    return User.objects.filter(registered_by=user).order_by("first_name", "phone_number")
