"""The words the name check sets aside, in Arabic, French, English and Amazigh.

Every list is written as people type the words; ``normalise.py`` reads them through the same
normal form as the names, so accents, Arabic letter forms and capitals do not matter here.
Sources: UK Companies House, "Incorporation and names" (the "same as" rules: legal-form words,
filler words, "&"/"and", plural "s", numbers); Law 112.12 on cooperatives (the legal forms).
"""

# Legal-form words: what kind of body it is, never who it is (Companies House ignores "limited",
# "company", "cooperative"...). Arabic forms lose their article before this list is read.
LEGAL_FORMS = frozenset(
    {
        # French and English
        "cooperative",
        "cooperatives",
        "coop",
        "coops",
        "co-operative",
        "union",
        "unions",
        "groupement",
        "society",
        "societe",
        # Arabic (after the article is set aside: التعاونية → تعاونية)
        "تعاونية",
        "تعاونيات",
        "اتحاد",
        "اتحادات",
        # Amazigh: ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ (tamssudast, cooperative) and its plural, in Tifinagh and Latin
        "ⵜⴰⵎⵙⵙⵓⴷⴰⵙⵜ",
        "ⵜⵉⵎⵙⵙⵓⴷⴰⵙⵉⵏ",
        "tamssudast",
        "tamsudast",
        "timssudasin",
    }
)

# Filler words: linking words and the country's name (Companies House ignores "UK", "and", "of").
FILLERS = frozenset(
    {
        "de",
        "du",
        "des",
        "d",
        "pour",
        "et",
        "and",
        "&",
        "of",
        "for",
        "au",
        "aux",
        "maroc",
        "marocaine",
        "marocain",
        "morocco",
        "moroccan",
        "و",
        "في",
        "ل",
        "مغرب",
        "مغربية",
        "ⵏ",  # n: "of"
        "ⴷ",  # d: "and"
        "ⵍⵎⵖⵔⵉⴱ",
        "lmghrib",
        "n",
    }
)

# Articles written as words of their own: French and English, and the Arabic article in Latin
# letters (al-, el-, l'). The Arabic ال glued to a word is handled in ``normalise.py``.
ARTICLES = frozenset({"al", "el", "l", "le", "la", "les", "the", "il", "ul"})

# Letters that the Arabic article takes the sound of ("ech-Chifa", "en-Nour", "es-Salam").
SUN_LETTERS = ("ch", "sh", "t", "d", "r", "z", "s", "n")

# Numbers written as words, in every language of the register, become digits ("1" = "one").
NUMBERS = {
    **dict.fromkeys(("un", "une", "one", "واحد", "واحدة", "ⵢⴰⵏ", "yan"), "1"),
    **dict.fromkeys(("deux", "two", "اثنان", "اثنين", "اثنتان", "ⵙⵉⵏ"), "2"),
    **dict.fromkeys(("trois", "three", "ثلاث", "ثلاثة", "ⴽⵔⴰⴹ", "krad"), "3"),
    **dict.fromkeys(("quatre", "four", "أربع", "أربعة", "ⴽⴽⵓⵥ", "kkuz"), "4"),
    **dict.fromkeys(("cinq", "five", "خمس", "خمسة", "ⵙⵎⵎⵓⵙ", "smmus"), "5"),
    **dict.fromkeys(("six", "ست", "ستة", "ⵚⴹⵉⵚ"), "6"),
    **dict.fromkeys(("sept", "seven", "سبع", "سبعة"), "7"),
    **dict.fromkeys(("huit", "eight", "ثمان", "ثمانية"), "8"),
    **dict.fromkeys(("neuf", "nine", "تسع", "تسعة"), "9"),
    **dict.fromkeys(("dix", "ten", "عشر", "عشرة", "ⵎⵔⴰⵡ", "mraw"), "10"),
    **dict.fromkeys(("cent", "hundred", "مائة", "مئة"), "100"),
    **dict.fromkeys(("mille", "thousand", "ألف"), "1000"),
}
