"""The keys of every name in the register, kept for the name check (``registry_link.names``).

One row per name of a cooperative (Arabic, Latin, Tifinagh), written only by the services of
``registry_link/names/keys.py``, which the register's import, the founding file and every save of
a cooperative call. On PostgreSQL a trigram index (``pg_trgm``) on ``latin`` finds near names.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _


class NameKey(models.Model):
    class Field(models.TextChoices):
        ARABIC = "name_ar", _("name in Arabic")
        LATIN = "name_latin", _("name in Latin letters")
        TIFINAGH = "name_tfng", _("name in Tifinagh")

    cooperative = models.ForeignKey(
        "registry_link.Cooperative",
        verbose_name=_("cooperative"),
        on_delete=models.CASCADE,
        related_name="name_keys",
    )
    field = models.CharField(_("name field"), max_length=10, choices=Field)
    name = models.CharField(_("name as registered"), max_length=200)
    script = models.CharField(_("script"), max_length=5)
    exact = models.CharField(_("words that make the name"), max_length=200, db_index=True)
    latin = models.CharField(_("in folded Latin letters"), max_length=400, db_index=True)
    sound = models.CharField(_("phonetic key"), max_length=400, db_index=True)
    length = models.PositiveSmallIntegerField(_("letters in folded Latin"), db_index=True)

    class Meta:
        verbose_name = _("name key")
        verbose_name_plural = _("name keys")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "field"], name="name_key_per_field"),
        ]
        indexes = [
            GinIndex(name="name_key_latin_trigram", fields=["latin"], opclasses=["gin_trgm_ops"]),
        ]

    def __str__(self) -> str:
        return self.name
