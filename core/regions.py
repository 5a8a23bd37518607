"""The 12 regions of Morocco (Decree 2-15-40, 2015). Names are translatable: no official Tifinagh
names were found, so each catalogue carries them."""

from django.db import models
from django.utils.translation import pgettext_lazy


class Region(models.TextChoices):
    TANGER_TETOUAN_AL_HOCEIMA = "01", pgettext_lazy("region", "Tanger-Tétouan-Al Hoceïma")
    ORIENTAL = "02", pgettext_lazy("region", "L'Oriental")
    FES_MEKNES = "03", pgettext_lazy("region", "Fès-Meknès")
    RABAT_SALE_KENITRA = "04", pgettext_lazy("region", "Rabat-Salé-Kénitra")
    BENI_MELLAL_KHENIFRA = "05", pgettext_lazy("region", "Béni Mellal-Khénifra")
    CASABLANCA_SETTAT = "06", pgettext_lazy("region", "Casablanca-Settat")
    MARRAKECH_SAFI = "07", pgettext_lazy("region", "Marrakech-Safi")
    DRAA_TAFILALET = "08", pgettext_lazy("region", "Drâa-Tafilalet")
    SOUSS_MASSA = "09", pgettext_lazy("region", "Souss-Massa")
    GUELMIM_OUED_NOUN = "10", pgettext_lazy("region", "Guelmim-Oued Noun")
    LAAYOUNE_SAKIA_EL_HAMRA = "11", pgettext_lazy("region", "Laâyoune-Sakia El Hamra")
    DAKHLA_OUED_ED_DAHAB = "12", pgettext_lazy("region", "Dakhla-Oued Ed-Dahab")
