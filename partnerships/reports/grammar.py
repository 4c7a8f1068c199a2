"""Grammar the sentence templates cannot carry alone: Russian date cases, French
country prepositions and the gender of Arabic subjects.

Month names come from CLDR (Babel): its Russian stand-alone (nominative) and format
(genitive) forms; CLDR has no prepositional case, which "в июле" needs, so it is
derived from the nominative by the one rule all twelve months follow (-ь/-й become
-е, a consonant takes -е). UN Russian documents write "года" in running text, not
"г.".

French: "au Kenya", "en Équateur", "aux Philippines", "à Cuba", "dans l'État de
Palestine". CLDR does not give the gender of country names, so the rule is the
grammar books' (a name ending in -e is feminine, a vowel takes "en", a plural takes
"aux"), with the exceptions that UN country names meet.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import get_month_names

# Masculine names ending in -e, islands and cities-states without article, plurals.
FR_MASCULINE_E = {
    "Belize", "Cambodge", "Mexique", "Mozambique", "Zimbabwe", "Suriname",
    "Libéria", "Royaume-Uni",
}  # fmt: skip
FR_NO_ARTICLE = {
    "Cuba", "Madagascar", "Chypre", "Malte", "Sri Lanka", "Singapour", "Bahreïn",
    "Haïti", "Maurice", "Monaco", "Oman", "Djibouti", "Kiribati", "Nauru", "Tuvalu",
    "Vanuatu", "Sao Tomé-et-Principe", "Saint-Marin", "Tonga", "Samoa", "Palaos",
    "Saint-Kitts-et-Nevis", "Sainte-Lucie", "Saint-Vincent-et-les Grenadines",
    "Antigua-et-Barbuda", "Trinité-et-Tobago", "la Grenade", "Nioué",
}  # fmt: skip
FR_PLURAL_STARTS = ("États-Unis", "Émirats", "Îles", "Pays-Bas", "Philippines",
                    "Comores", "Maldives", "Seychelles", "Bahamas", "Fidji")  # fmt: skip
FR_DANS = ("État de", "Région administrative")
FR_DANS_LES = ("pays ", "États de ")  # regions named by a plural common noun
VOWELS = "AEIOUYÀÂÉÈÊËÎÏÔÖÙÛÜH"

# Feminine first nouns without ة or ات: broken plurals of things ("الأمم المتحدة",
# "لجان", "دول", "مدن", "مصارف") and a feminine noun without a mark ("أرض").
AR_FEMININE = {"أمم", "لجان", "دول", "مدن", "مصارف", "بنوك", "أرض"}
AR_HARAKAT = "".join(chr(c) for c in range(0x064B, 0x0653)) + "\u0670\u0640"


def ar_gender(name: str) -> str:
    """The gender of an Arabic name's first noun: "f" or "m" (above)."""
    words = name.split()
    if not words:
        return "m"
    first = words[0].translate({ord(c): None for c in AR_HARAKAT})
    first = first.strip('()"«»')
    if first.startswith("ال") and len(first) > 3:
        first = first[2:]
    if first.endswith(("ة", "ات")) or first in AR_FEMININE:
        return "f"
    return "m"


def fr_country(name: str) -> str:
    """A French country name with the preposition of place it takes."""
    base = name.split(" (", 1)[0]
    if base in FR_NO_ARTICLE:
        return f"à {name}"
    if base.startswith("République"):
        return f"en {name}"
    if base.startswith(FR_DANS_LES):
        return f"dans les {name}"
    if base.startswith(FR_DANS):
        return f"dans l'{name}" if name[0] in VOWELS else f"dans la {name}"
    if base.startswith(FR_PLURAL_STARTS) or (
        base.endswith("s") and base not in ("Belarus", "Laos")
    ):
        return f"aux {name}"
    if name[0] in VOWELS:
        return f"en {name}"
    if base.endswith("e") and base not in FR_MASCULINE_E:
        return f"en {name}"
    return f"au {name}"


def ru_prepositional_month(nominative: str) -> str:
    if nominative[-1] in "ьй":
        return nominative[:-1] + "е"
    return nominative + "е"


def ru_date(value: dt.date, precision: str, locale: Locale) -> str:
    """Russian dates as they stand after "в" or alone: "20 декабря 2018 года",
    "июле 2018 года" (after "в"), "2018 году" (after "в")."""
    if precision == "year":
        return f"{value.year} году"
    if precision == "month":
        month = get_month_names("wide", "stand-alone", locale)[value.month]
        return f"{ru_prepositional_month(month)} {value.year} года"
    month = get_month_names("wide", "format", locale)[value.month]
    return f"{value.day} {month} {value.year} года"
