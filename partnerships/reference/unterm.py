"""Country and area names in the six UN languages, from UN terminology.

The names come from the HDX countries-and-territories taxonomy that the maintained
`hdx-python-country` package ships: UNTERM's short names (as the UN's documents
write them: "État de Palestine", "République démocratique du Congo") for the 197
countries of the UNTERM list, and the M49 names of the UN Statistics Division for
the other areas (Hong Kong, Åland). A name neither gives (Kosovo and Taiwan have
only the taxonomy's English term) is absent: the caller falls back visibly, it is never invented.

Offline: the package's own `Country` class fetches the live OCHA feed unless told
not to (`use_live=True` by default); the product never fetches at run time, so it
reads the CSV file the package carries (`hdx/location/Countries & Territories
Taxonomy MVP - C&T Taxonomy.csv`) directly and does not use that class.

Other apps (the report, the portal, the API) call `country_names(code)`,
`country_name(code, lang)` or `country_localized(code, lang)`; a `Country` row
names itself from here (`Country.localized_name`), so `core.languages.localized`
and the portal's `{% loc country "name" %}` give these names too.
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources

from partnerships.core.languages import LANGUAGES, Localized, pick

PACKAGE = "hdx.location"
TAXONOMY = "Countries & Territories Taxonomy MVP - C&T Taxonomy.csv"
UNTERM = "UNTERM"
M49 = "M49"
HDX = "HDX"  # the taxonomy's own term, for an area neither UNTERM nor M49 names


@dataclass(frozen=True)
class CountryNames:
    code: str
    short: dict[str, str]  # language code -> name
    formal_en: str
    source: dict[str, str]  # language code -> UNTERM or M49
    iso_alt: str = ""  # ISO 3166's short name, "(the)" where English takes it


def _column(lang_name: str, kind: str) -> str:
    return f"{lang_name} {kind}" if kind == "Short" else f"M49 {lang_name}"


def _row_names(row: dict[str, str]) -> CountryNames:
    short: dict[str, str] = {}
    source: dict[str, str] = {}
    in_unterm = row["Appears in UNTERM list"] == "Y"
    order = (("Short", UNTERM), ("M49", M49)) if in_unterm else (("M49", M49),)
    for lang in LANGUAGES:
        for kind, label in order:
            value = row.get(_column(lang.english_name, kind), "").strip()
            if value:
                short[lang.code], source[lang.code] = value, label
                break
    if "en" not in short and row.get("English Short", "").strip():
        short["en"], source["en"] = row["English Short"].strip(), HDX
    return CountryNames(
        _code(row),
        short,
        row.get("English Formal", "").strip(),
        source,
        row.get("ISO Alt Term", "").strip(),
    )


def _code(row: dict[str, str]) -> str:
    # Kosovo has no ISO code; IATI and the registry use the user-assigned XK.
    return row["ISO 3166-1 Alpha 2-Codes"] or row["x Alpha2 codes"]


@functools.cache
def _taxonomy() -> dict[str, CountryNames]:
    path = resources.files(PACKAGE).joinpath(TAXONOMY)
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if _code(row) and row["Deprecated"] != "Y"
        ]
    return {_code(row): _row_names(row) for row in rows}


def country_names(code: str) -> dict[str, str]:
    """The short names of an ISO 3166-1 alpha-2 code, by language code."""
    found = _taxonomy().get(code.upper())
    return dict(found.short) if found else {}


def country_name(code: str, lang: str) -> str | None:
    return country_names(code).get(lang)


def country_sources(code: str) -> dict[str, str]:
    """Where each language's name comes from: `UNTERM`, `M49` or `HDX`."""
    found = _taxonomy().get(code.upper())
    return dict(found.source) if found else {}


def known_codes() -> set[str]:
    return set(_taxonomy())


def english_takes_the(code: str) -> bool:
    """Whether English running text writes "the" before the short name: the
    short name is the formal one ("the Syrian Arab Republic", "the State of
    Palestine") or ISO 3166 marks it "(the)" ("the Philippines", "the Sudan")."""
    found = _taxonomy().get(code.upper())
    if not found or not found.short.get("en"):
        return False
    short = found.short["en"]
    return found.formal_en == f"the {short}" or found.iso_alt.endswith("(the)")


def country_localized(
    code: str, lang: str, codelist: dict[str, str] | None = None
) -> Localized:
    """The name of `code` in `lang` from UN terminology, else in the language it
    falls back to (marked). `codelist` (language -> name, the IATI codelist's) is
    used only for a code UN terminology does not name at all."""
    return pick(country_names(code) or dict(codelist or {}), lang)


def country_names_in(codes: list[str], lang: str) -> dict[str, str]:
    """The name in `lang` (or its fallback) of each code, the code itself when UN
    terminology does not name it."""
    return {code: country_localized(code, lang).text or code for code in codes}


def codes_named(text: str) -> list[str]:
    """The codes with `text` in their name in any language (case folded)."""
    wanted = text.strip().casefold()
    if not wanted:
        return []
    return [
        code
        for code, names in _taxonomy().items()
        if any(wanted in name.casefold() for name in names.short.values())
    ]
