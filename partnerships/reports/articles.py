"""Articles before names in English, French and Spanish, as UN editorial style
writes them: "with the United Nations Office for Project Services (UNOPS)", "in the
Syrian Arab Republic", "avec le Programme des Nations Unies pour le développement
(PNUD)", "le PNUD", "en la República Árabe Siria", "con la UNOPS".

**Organisations.** A name takes the article when the organisation is a UN system
entity, an intergovernmental body, a development bank or agency or a national
government (their names are descriptions: "the Economic and Social Council", "the
Government of Kenya", "the European Commission"), or when its English name opens
with a descriptive head ("Office", "Municipality", "Global", "World", ...: "the
Global Land Tool Network"). Never: a one-word name or brand ("UN-Habitat",
"Ericsson", "PAX"), a name that carries its own ("The New School"). English
acronyms and short forms stand bare ("UNOPS", "UN Women"); French and Spanish
acronyms take the article of the full name ("le PNUD", "la CEPAL"), whose gender is
that of its first noun (`FR_GENDER`, `ES_GENDER`; a first word not listed: no
article rather than a wrong one).

**Countries.** English: "the" where the short name is the formal one ("the Syrian
Arab Republic", "the State of Palestine", "the Republic of Korea") or where ISO
3166 marks the short name "(the)" (Philippines, Gambia, Sudan, Niger), both read
from the taxonomy `reference.unterm` ships. French places carry their preposition
(`grammar.fr_country`). Spanish: names opening with a common noun take its article
("la República Árabe Siria", "el Reino Unido", "los Estados Unidos de América");
the others take the article UNTERM gives them in brackets ("Ecuador (el)", "India
(la)"), which the shipped taxonomy strips: `data/reference/es_country_articles.csv`
puts it back ("el Ecuador", "el Perú", "la India"), read when a run is collected.
"""

from __future__ import annotations

import csv
import functools
import re
from pathlib import Path
from typing import Any

from django.conf import settings

from partnerships.reports.runs import Run

ARTICLE_CATEGORIES = {
    "un_principal_organ", "secretariat", "fund_programme", "specialized_agency",
    "related_organization", "regional_commission", "research_training",
    "other_un_entity", "inter_agency_mechanism", "intergovernmental",
    "development_bank", "development_agency", "national_government",
}  # fmt: skip
EN_HEADS = (
    "United Nations ", "Office ", "Municipality ", "Union of ", "Secretariat ",
    "Department ", "Institute ", "Centre ", "Association ", "Group ", "Forum ",
    "Council ", "Committee ", "Commission ", "Ministry ", "Government ", "Global ",
    "International ", "World ", "Economic ", "High-level ", "Inter-agency ",
    "Inter-Agency ", "Advisory ", "Youth Advisory ", "General Assembly ",
    "Regional ", "National ", "European ", "African ",
)  # fmt: skip
# The gender (m, f; mp, fp for plurals) of the first noun of a French or Spanish
# organisation name.
FR_GENDER = {
    **dict.fromkeys(
        "programme bureau fonds conseil comité département secrétariat groupe forum "
        "réseau centre institut gouvernement ministère partenariat mécanisme envoyé "
        "sous-comité système haut-commissariat office cluster secrétaire".split(),
        "m",
    ),
    **dict.fromkeys(
        "commission organisation banque équipe assemblée conférence union alliance "
        "agence association fédération envoyée division coalition fondation "
        "plateforme université initiative entité campagne".split(),
        "f",
    ),
    "équipes": "fp",
}
ES_GENDER = {
    **dict.fromkeys(
        "programa fondo consejo comité departamento banco equipo grupo foro centro "
        "instituto gobierno ministerio enviado organismo secretario mecanismo "
        "sistema".split(),
        "m",
    ),
    **dict.fromkeys(
        "oficina comisión organización asamblea conferencia unión alianza red "
        "enviada secretaría federación asociación fundación junta plataforma "
        "iniciativa universidad entidad convención campaña".split(),
        "f",
    ),
    "equipos": "mp",
}
ES_COUNTRY_HEADS = {
    "República": "la", "Federación": "la", "Reino": "el", "Estado": "el",
    "Estados": "los", "Emiratos": "los", "Islas": "las", "Santa Sede": "la",
}  # fmt: skip
# Regions (reports/regions.py) whose names take an article in running text: "in
# the Americas", "en el Caribe".
REGION_ARTICLES = {
    "en": dict.fromkeys(
        ("Americas", "Caribbean", "Middle East", "Far East",
         "States of the former Yugoslavia"), "the",
    ),
    "es": {"Américas": "las", "Caribe": "el", "Oriente Medio": "el",
           "Lejano Oriente": "el", "países en desarrollo": "los"},
}  # fmt: skip
# Acronyms whose letters spell another noun than the first of the full name, so
# that UN usage gives them that noun's gender: "el ACNUR" (Alto Comisionado …),
# although the Spanish name opens with "Oficina del Alto Comisionado".
ACRONYM_GENDER = {("es", "ACNUR"): "m"}
FR_ARTICLES = {"m": "le ", "f": "la ", "mp": "les ", "fp": "les "}
ES_ARTICLES = {"m": "el ", "f": "la ", "mp": "los ", "fp": "las "}
FR_ELIDED = "AEIOUYÀÂÉÈÊÎÏÔÛaeiouyàâéèêîïôû"


def takes_article(org: dict[str, Any]) -> bool:
    """Whether the organisation's name is written with an article (above)."""
    name = org["name"].get("en", "")
    if " " not in name or name.lower().startswith("the "):
        return False
    return org.get("category") in ARTICLE_CATEGORIES or name.startswith(EN_HEADS)


def _gender(name: str, table: dict[str, str]) -> str | None:
    first = re.split(r"[\s'’]", name, maxsplit=1)[0].lower()
    return table.get(first)


RU_PLURAL_ADJECTIVE = ("ые", "кие", "гие", "хие", "жие", "шие", "щие", "чие")
# English: the head noun is the last word before "of", "in", "for", ..., a comma or
# a bracket ("United Nations country teams", "Darfur land commissions").
EN_HEAD_END = re.compile(r" (?:of|in|for|on|to|at)\b|,| \(")


def _en_plural(name: str) -> bool:
    """An English name is plural when its head noun is a common noun in the
    plural, written in lower case ("country teams", "land commissions"). A
    capitalised plural is part of one body's proper name ("United Nations
    Volunteers"), and a name joining two nouns with "and" names one body
    ("United Cities and Local Governments"): both take the singular."""
    if " and " in name:
        return False
    words = EN_HEAD_END.split(name, maxsplit=1)[0].split()
    head = words[-1] if words else ""
    return (
        head.islower() and head.endswith("s") and not head.endswith(("ss", "us", "is"))
    )


def org_is_plural(org: dict[str, Any], lang: str) -> bool:
    """Whether the organisation's name is grammatically plural, so that a verb
    agrees with it in the plural ("Les équipes de pays … ont dirigé", "Los
    equipos … dirigieron", "Страновые группы … руководили"): French and Spanish
    by its first noun (`FR_GENDER`, `ES_GENDER`: "mp", "fp"); Russian when its
    first word is an adjective in the plural (-ые, or -ие after к, г, х and the
    hushing consonants: "Страновые группы", "Региональные комиссии"; a noun in
    -ие such as "Управление", "Отделение" is singular); English by its head noun
    (`_en_plural`: "United Nations country teams are")."""
    name = org["name"].get(lang, "")
    if lang in ("fr", "es"):
        return org_gender(org, lang) in ("mp", "fp")
    if lang == "ru" and name:
        return name.split()[0].lower().endswith(RU_PLURAL_ADJECTIVE)
    if lang == "en" and name:
        return _en_plural(name)
    return False


def org_gender(org: dict[str, Any], lang: str) -> str | None:
    """The gender of the organisation's name (its first noun) in French or
    Spanish: "m", "f", "mp"; None when not known."""
    name = org["name"].get(lang, "")
    table = FR_GENDER if lang == "fr" else ES_GENDER
    return _gender(name, table) if name else None


def org_article(org: dict[str, Any], lang: str, full: bool) -> str:
    """The article before the organisation's name in `lang` ("" for none):
    `full` when the text shown opens with its full name, else it is an acronym
    (a short form takes none)."""
    if lang not in ("en", "fr", "es") or not takes_article(org):
        return ""
    if lang == "en":
        return "the " if full else ""
    name = org["name"].get(lang, "")
    articles = FR_ARTICLES if lang == "fr" else ES_ARTICLES
    gender = org_gender(org, lang)
    if not full:  # an acronym that stands for another noun than the name's head
        gender = ACRONYM_GENDER.get((lang, org["acronym"].get(lang, "")), gender)
    if not gender:
        return ""
    if lang == "fr" and gender in ("m", "f"):
        shown = name if full else org["acronym"].get("fr", "")
        if shown[:1] in FR_ELIDED:
            return "l'"
    return articles[gender]


@functools.cache
def _es_country_articles() -> dict[str, str]:
    path = Path(settings.DATA_DIR) / "reference" / "es_country_articles.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["article"] for row in csv.DictReader(handle)}


def country_articles(code: str) -> dict[str, str]:
    """The article each language's short name of the country takes from data
    (Spanish, `es_country_articles.csv`), by language; stored in a run's snapshot."""
    article = _es_country_articles().get(code)
    return {"es": article} if article else {}


def country_article(
    name: str, lang: str, english_the: bool, articles: dict[str, str] | None = None
) -> str:
    """The article before a country's (or region's) short name standing alone in
    running text; `articles` are the country's own (`country_articles`)."""
    region = REGION_ARTICLES.get(lang, {}).get(name)
    if region:
        return region + " "
    if lang == "en":
        return "the " if english_the else ""
    if articles and articles.get(lang):
        return articles[lang] + " "
    if lang == "es":
        for head, article in ES_COUNTRY_HEADS.items():
            if name.startswith(head + " ") or name == head:
                return article + " "
    return ""


# French and Spanish contractions of a preposition with the article that an
# organisation's name brings: "à le Bureau" → "au Bureau", "de el" → "del". French
# guillemets inside a name hold their words with no-break spaces, as the quotes
# of the templates do ("le Fonds «\u00a0Unis dans l'action\u00a0»").
CONTRACTIONS = {
    "fr": [(r"\bà le (?=[A-ZÉÈ])", "au "), (r"\bà les (?=[A-Za-zÉé])", "aux "),
           (r"\bde le (?=[A-ZÉÈ])", "du "), (r"\bde les (?=[A-Za-zÉé])", "des "),
           ("« ", "«\u00a0"), (" »", "\u00a0»")],
    "es": [(r"\ba el (?=[A-ZÁÉÍÓÚ])", "al "), (r"\bde el (?=[A-ZÁÉÍÓÚ])", "del ")],
}  # fmt: skip


def contract(text: str, lang: str) -> str:
    for pattern, replacement in CONTRACTIONS.get(lang, []):
        text = re.sub(pattern, replacement, text)
    return text


def finished(runs: list[Run], lang: str) -> list[Run]:
    """A sentence whose names brought articles: contracted after a preposition,
    capitalised at its start ("The Government of Kenya organised …", "Страновые
    группы …") in every language that has capitals."""
    if lang in CONTRACTIONS:
        out = [Run(contract(r.text, lang), r.fallback) for r in runs]
    else:  # a name may open with a small letter: "страновые группы …"
        out = list(runs)
    if out and out[0].text[:1].islower() and not out[0].fallback:
        first = out[0]
        out[0] = Run(first.text[:1].upper() + first.text[1:], first.fallback)
    return out
