"""Morocco's territory: the 12 regions, 83 provinces and prefectures, 1,503 communes.

Each unit is keyed by its HCP code (``09``, ``09.581``, ``09.581.01.03``): the code is the
hierarchy and never changes with a name, so other apps keep it as a foreign key. The rows are
loaded from the census package by a data migration (``core.geography.loading``) and are never
edited by hand. See docs/decisions/0025-one-geography.md.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.geography.names import local_name


class Region(models.Model):
    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name_fr = models.CharField(_("name in French"), max_length=80)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    population_2024 = models.PositiveIntegerField(_("population in 2024"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return local_name(kind="region", code=self.code, fr=self.name_fr, ar=self.name_ar)


class Province(models.Model):
    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        PREFECTURE = "prefecture", _("prefecture")
        PREFECTURE_OF_ARRONDISSEMENTS = (
            "prefecture_of_arrondissements",
            _("prefecture of arrondissements"),
        )

    code = models.CharField(_("code"), max_length=12, primary_key=True)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="provinces", verbose_name=_("region")
    )
    # Casablanca's eight prefectures of arrondissements lie inside the prefecture of Casablanca.
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="parts"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=Kind)
    name_fr = models.CharField(_("name in French"), max_length=80)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    population_2024 = models.PositiveIntegerField(_("population in 2024"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("province or prefecture")
        verbose_name_plural = _("provinces and prefectures")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return local_name(kind="province", code=self.code, fr=self.name_fr, ar=self.name_ar)


class Commune(models.Model):
    class Kind(models.TextChoices):
        URBAN = "urban", _("urban commune")
        RURAL = "rural", _("rural commune")

    code = models.CharField(_("code"), max_length=12, primary_key=True)
    province = models.ForeignKey(
        Province, on_delete=models.PROTECT, related_name="communes", verbose_name=_("province")
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind)
    name_fr = models.CharField(_("name in French"), max_length=80)
    name_ar = models.CharField(_("name in Arabic"), max_length=80)
    population_2024 = models.PositiveIntegerField(_("population in 2024"))

    class Meta:
        ordering = ["code"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self) -> str:
        return self.name

    @property
    def region_code(self) -> str:
        return self.code[:2]

    @property
    def name(self) -> str:
        return local_name(kind="commune", code=self.code, fr=self.name_fr, ar=self.name_ar)
