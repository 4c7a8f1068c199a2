"""Small builders shared by the activity and organisation files."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from decimal import ROUND_DOWN, Decimal
from typing import Any

from lxml import etree

from partnerships.core.dates import Precision, format_fuzzy
from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.iati.mapping import DEFAULT_LANG
from partnerships.registry.models import Organisation

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
IATI_SCHEME = "IATI"
CRS_SCHEME = "CRS"
# The default language first, then the others in the UN's order.
LANG_ORDER = (DEFAULT_LANG, *(lang for lang in UN_LANGUAGES if lang != DEFAULT_LANG))
# Characters XML 1.0 cannot carry; a stray one in a summary must not break a file.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HUNDRED = Decimal(100)
_CENT = Decimal("0.01")


def clean(text: str) -> str:
    return _NOT_XML.sub("", text).strip()


def texts(obj: object, base: str) -> list[tuple[str, str]]:
    """(language, text) of every non-empty translation of `base`, default first."""
    out = []
    for lang in LANG_ORDER:
        raw = getattr(obj, f"{base}_{lang}", "")
        if raw and (text := clean(raw)):
            out.append((lang, text))
    return out


def add_narratives(parent: etree._Element, items: list[tuple[str, str]]) -> None:
    """One <narrative> per language; xml:lang only where it is not the default."""
    for lang, text in items:
        narrative = etree.SubElement(parent, "narrative")
        narrative.text = text
        if lang != DEFAULT_LANG:
            narrative.set(XML_LANG, lang)


def prefetched(obj: Any, name: str) -> Iterable[Any]:
    """The related records `name` of `obj`: the prefetched list when there is
    one (read directly: a manager made for each call costs more than writing
    the element), else the manager's query."""
    cache = getattr(obj, "_prefetched_objects_cache", None) or {}
    found = cache.get(name)
    return found if found is not None else getattr(obj, name).all()


def identifier(org: Organisation, scheme: str) -> str | None:
    # Reads the prefetched identifiers when there are some, so no query per row.
    for item in prefetched(org, "identifiers"):
        if item.scheme == scheme:
            return item.value
    return None


def org_element(
    parent: etree._Element, tag: str, org: Organisation, **attrs: str
) -> etree._Element:
    """An organisation reference: @ref (its IATI identifier) when it has one,
    @type always, and its name in each language it has one in."""
    element = etree.SubElement(parent, tag)
    ref = identifier(org, IATI_SCHEME)
    if ref:
        element.set("ref", ref)
    element.set("type", org.iati_type_code)
    for name, value in attrs.items():
        element.set(name.replace("_", "-"), value)
    add_narratives(element, texts(org, "name"))
    return element


def iso_datetime(value: dt.datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def precision_note(value: dt.date, precision: str) -> str | None:
    """Words saying a date is known only to the year or month, else None."""
    if precision == Precision.YEAR:
        return f"Known to the year only: {format_fuzzy(value, precision)}"
    if precision == Precision.MONTH:
        return f"Known to the month only: {format_fuzzy(value, precision)}"
    return None


def shares(count: int) -> list[Decimal]:
    """`count` percentages with two decimals that sum to exactly 100."""
    base = (_HUNDRED / count).quantize(_CENT, rounding=ROUND_DOWN)
    out = [base] * count
    out[0] += _HUNDRED - base * count
    return out
