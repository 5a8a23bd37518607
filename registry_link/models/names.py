"""The keys of every name in the register, kept for the name check (``registry_link.names``).

One row per name of a cooperative (Arabic, Latin, Tifinagh), written only by the services of
``registry_link/names/keys.py``, which the register's import, the founding file and every save of
a cooperative call. Every lookup of the check is served by one of the b-tree indexes here.
"""

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
    exact = models.CharField(_("words that make the name"), max_length=200)
    words_sorted = models.CharField(_("its words in alphabetical order"), max_length=200)
    latin = models.CharField(_("in folded Latin letters"), max_length=400)
    joined = models.CharField(_("folded, without spaces"), max_length=400)
    tail = models.CharField(_("folded, written backwards"), max_length=400)
    sound = models.CharField(_("phonetic key"), max_length=400)
    length = models.PositiveSmallIntegerField(_("letters in folded Latin"))

    class Meta:
        verbose_name = _("name key")
        verbose_name_plural = _("name keys")
        constraints = [
            models.UniqueConstraint(fields=["cooperative", "field"], name="name_key_per_field"),
        ]
        indexes = [
            models.Index(fields=["exact"], name="name_key_exact"),
            models.Index(fields=["words_sorted"], name="name_key_words_sorted"),
            models.Index(fields=["sound"], name="name_key_sound"),
            # prefix lookups: LIKE 'abc%' on PostgreSQL, a bytewise range on SQLite
            models.Index(
                fields=["joined"], name="name_key_joined", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(fields=["tail"], name="name_key_tail", opclasses=["varchar_pattern_ops"]),
        ]

    def __str__(self) -> str:
        return self.name
