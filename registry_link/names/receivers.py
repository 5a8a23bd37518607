"""One receiver, no logic: a saved cooperative gets the keys of its names (``keys.py``)."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from ..models import Cooperative
from .keys import name_keys_update


@receiver(post_save, sender=Cooperative, dispatch_uid="registry_link_name_keys")
def cooperative_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        name_keys_update(cooperative=instance)
