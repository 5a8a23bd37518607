"""Words of demo register names and figures, and Latin → Tifinagh as IRCAM writes it.

Made-up data that looks like the register (DOMAIN.md): names built from words that Moroccan
cooperatives use (الأمل / Al Amal, تيفاوين / Tifawin …) and the place they are in; sectors weighted
roughly like ODCO's statistics (agriculture far ahead); courts of first instance of each region.
The weights are approximations for demos and benchmarks, not statistics.
"""

import re

# (Arabic, Latin, Amazigh?): Amazigh words also get a Tifinagh name.
WORDS = (
    ("الأمل", "Al Amal", False),
    ("النور", "Annour", False),
    ("الخير", "Al Khair", False),
    ("الوفاء", "Al Wafae", False),
    ("البركة", "Al Baraka", False),
    ("السلام", "Assalam", False),
    ("المستقبل", "Al Moustakbal", False),
    ("التضامن", "Attadamoun", False),
    ("النجاح", "Annajah", False),
    ("الفتح", "Al Fath", False),
    ("الأطلس", "Al Atlas", False),
    ("الصفاء", "Assafae", False),
    ("الهدى", "Al Houda", False),
    ("الشروق", "Achourouk", False),
    ("الأمانة", "Al Amana", False),
    ("الواحة", "Al Waha", False),
    ("النخيل", "Annakhil", False),
    ("الزيتون", "Azzaitoun", False),
    ("الفلاح", "Al Fallah", False),
    ("الرحمة", "Arrahma", False),
    ("الإخلاص", "Al Ikhlass", False),
    ("الوحدة", "Al Wahda", False),
    ("تيفاوين", "Tifawin", True),
    ("تامونت", "Tamount", True),
    ("تودرت", "Toudert", True),
    ("تافسوت", "Tafsout", True),
    ("أدرار", "Adrar", True),
    ("أسيف", "Assif", True),
    ("أمان", "Aman", True),
    ("تاكمات", "Tagmat", True),
    ("تيويزي", "Tiwizi", True),
    ("إزوران", "Izouran", True),
    ("تامازيرت", "Tamazirt", True),
    ("تيزيري", "Tiziri", True),
    ("أنير", "Anir", True),
    ("إيثري", "Ithri", True),
    ("تافوكت", "Tafoukt", True),
    ("تاركانت", "Targant", True),
    ("أزول", "Azoul", True),
    ("تانميرت", "Tanmirt", True),
)

# Sector → (weight, Arabic phrase, French phrase, object in French).
SECTORS = {
    "agriculture": (60, "الفلاحية", "agricole", "Production et commercialisation agricoles"),
    "handicrafts": (14, "للصناعة التقليدية", "artisanale", "Tissage, broderie et poterie"),
    "housing": (6, "للسكن", "d'habitat", "Construction de logements pour les adhérents"),
    "argan": (4, "لإنتاج زيت الأركان", "d'huile d'argan", "Extraction et vente d'huile d'argan"),
    "food": (2, "للمنتجات الغذائية", "agroalimentaire", "Couscous, amlou et produits du terroir"),
    "aromatic_plants": (
        2,
        "للنباتات العطرية والطبية",
        "des plantes aromatiques",
        "Distillation et séchage de plantes aromatiques",
    ),
    "forestry": (1, "الغابوية", "forestière", "Valorisation des produits forestiers"),
    "fishing": (1, "للصيد البحري", "de pêche", "Pêche artisanale et vente du poisson"),
    "education": (
        1,
        "لمحو الأمية",
        "d'alphabétisation",
        "Cours d'alphabétisation et garde d'enfants",
    ),
    "transport": (2, "للنقل", "de transport", "Transport rural de personnes et de marchandises"),
    "tourism": (1, "السياحية", "touristique", "Gîte et circuits dans la vallée"),
    "consulting": (1, "للاستشارة", "de conseil", "Conseil en gestion aux petites entreprises"),
    "quarries": (1, "للمقالع", "des carrières", "Exploitation de carrière de pierre"),
    "labour": (1, "لليد العاملة", "de main-d'œuvre", "Travaux agricoles à façon"),
    "waste": (1, "لمعالجة النفايات", "de traitement des déchets", "Collecte et tri des déchets"),
    "printing": (1, "للطباعة", "d'imprimerie", "Impression et communication"),
    "retail": (1, "التجارية", "commerciale", "Épicerie solidaire"),
    "arts": (1, "الفنية", "artistique", "Troupe de musique et spectacles"),
    "cosmetics": (1, "لمستحضرات التجميل", "de cosmétiques", "Savons et cosmétiques naturels"),
}

# Region → courts of first instance in that region (real cities).
COURTS = {
    "01": ("Tanger", "Tétouan", "Al Hoceima", "Larache", "Chefchaouen", "Ouezzane"),
    "02": ("Oujda", "Nador", "Berkane", "Taourirt", "Figuig", "Guercif"),
    "03": ("Fès", "Meknès", "Taza", "Sefrou", "Taounate", "Azrou", "Missour"),
    "04": ("Rabat", "Salé", "Kénitra", "Khémisset", "Sidi Kacem", "Sidi Slimane"),
    "05": ("Béni Mellal", "Khénifra", "Khouribga", "Azilal", "Fquih Ben Salah"),
    "06": ("Casablanca", "Settat", "El Jadida", "Berrechid", "Mohammedia", "Benslimane"),
    "07": ("Marrakech", "Safi", "Essaouira", "El Kelâa des Sraghna", "Chichaoua", "Youssoufia"),
    "08": ("Errachidia", "Ouarzazate", "Zagora", "Tinghir", "Midelt"),
    "09": ("Agadir", "Inezgane", "Taroudant", "Tiznit", "Biougra", "Tata"),
    "10": ("Guelmim", "Tan-Tan", "Sidi Ifni", "Assa"),
    "11": ("Laâyoune", "Smara", "Boujdour"),
    "12": ("Dakhla",),
}
# Share of cooperatives per region (rough: the south and the Atlas count many per inhabitant).
REGION_WEIGHTS = {
    "01": 8, "02": 9, "03": 10, "04": 7, "05": 9, "06": 8,
    "07": 12, "08": 10, "09": 12, "10": 6, "11": 5, "12": 4,
}  # fmt: skip

FIRST_NAMES = (
    "Fadma", "Aicha", "Khadija", "Zahra", "Itto", "Fatima", "Naima", "Hafsa", "Mohamed",
    "Ahmed", "Brahim", "Lahcen", "Hassan", "Youssef", "Omar", "Said", "Mina", "Rachida",
)  # fmt: skip
LAST_NAMES = (
    "Ait Ali", "Oubella", "El Idrissi", "Bennani", "Amrani", "Ouhammou", "Boutaleb",
    "Zahraoui", "Ait Baha", "Ouchen", "El Fassi", "Belhaj", "Idbouhou", "Akhiat",
)  # fmt: skip
ROLES = ("président(e)", "trésorier(e)", "secrétaire")

# IRCAM's Latin → Tifinagh (Neo-Tifinagh), digraphs of French spelling first.
TIFINAGH = {
    "gh": "ⵖ", "kh": "ⵅ", "th": "ⵜ", "ch": "ⵛ", "sh": "ⵛ", "ou": "ⵓ", "oo": "ⵓ",
    "a": "ⴰ", "b": "ⴱ", "c": "ⵛ", "d": "ⴷ", "e": "", "f": "ⴼ", "g": "ⴳ", "h": "ⵀ",
    "i": "ⵉ", "j": "ⵊ", "k": "ⴽ", "l": "ⵍ", "m": "ⵎ", "n": "ⵏ", "o": "ⵓ", "p": "ⴱ",
    "q": "ⵇ", "r": "ⵔ", "s": "ⵙ", "t": "ⵜ", "u": "ⵓ", "v": "ⴼ", "w": "ⵡ", "x": "ⵅ",
    "y": "ⵢ", "z": "ⵣ", "ḍ": "ⴹ", "ḥ": "ⵃ", "ɛ": "ⵄ", "ɣ": "ⵖ", "ṛ": "ⵕ", "ṣ": "ⵚ",
    "ṭ": "ⵟ", "ẓ": "ⵥ",
}  # fmt: skip
_LETTERS = re.compile("|".join(sorted(TIFINAGH, key=len, reverse=True)))
COOPERATIVE_TFNG = "ⵜⴰⵎⵢⴰⵡⴰⵙⵜ"  # tamyawast: cooperative
UNION_TFNG = "ⴰⵎⵓⵏ ⵏ ⵜⵎⵢⴰⵡⴰⵙⵉⵏ"  # union of cooperatives


def tifinagh(latin: str) -> str:
    """A word in Latin letters written in Tifinagh (IRCAM), e.g. ``Tifawin`` → ``ⵜⵉⴼⴰⵡⵉⵏ``.

    French spelling is undone first ("ou" is u, "ss" is s, the mute "e" is not written); other
    doubled letters stay doubled (gemination)."""
    text = latin.lower().replace("'", "").replace("-", " ").replace("ss", "s")
    return " ".join(
        "".join(TIFINAGH[match] for match in _LETTERS.findall(word)) for word in text.split()
    )
