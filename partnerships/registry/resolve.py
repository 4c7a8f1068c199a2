"""One way to find the organisation a file names, as a careful person would.

The registry's one organisation resolver. The IATI import, the spreadsheet import
(a new row whose names or identifier an organisation already has is refused), the
terminology import and the reading of reports (its gazetteer holds `name_rows`)
all ask it; what a person types into a search box goes to `search.py` instead. A
reference is an identity only when it is shaped like an organisation identifier,
that is a registration agency's prefix from IATI's OrganisationRegistrationAgency
codelist followed by an identifier (`GB-CHC-1079358`, `XM-DAC-41120`), or an id
of IATI's own IATIOrganisationIdentifier list (`XI-IATI-EC_INTPA`). Generic or
malformed references (`22000`, a CRS channel *category*; `N/A`; `DKCVR31378028`
without its hyphen; a name typed in the ref) are never keys: they are kept where
the caller cites them, and the organisation is found by its names. A name is
matched exactly against every name, short form and alias of every organisation
in every language, and only one organisation answering counts as a match.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from lxml import etree

from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation, OrganisationName
from partnerships.registry.selectors import organisation_by_name

IATI_SCHEME = "IATI"
_LISTS = ("OrganisationRegistrationAgency", "IATIOrganisationIdentifier")


@cache
def _codes(name: str) -> frozenset[str]:
    path = (
        Path(settings.DATA_DIR)
        / "reference/iati/codelists/non-embedded"
        / f"{name}.xml"
    )
    tree = etree.parse(str(path), etree.XMLParser(resolve_entities=False))
    return frozenset(code.strip() for code in tree.xpath("//codelist-item/code/text()"))


def is_identifier(ref: str) -> bool:
    """Is `ref` shaped like an organisation identifier (see the module's doc)?"""
    ref = ref.strip()
    if not ref or " " in ref:
        return False
    if ref in _codes("IATIOrganisationIdentifier"):
        return True
    agencies = _codes("OrganisationRegistrationAgency")
    parts = ref.split("-")
    # The agency's code is its first two or three hyphenated parts (GB-COH,
    # XM-DAC, GB-GOV; a few such as NL-KVK-... or US-DOS-...), then the id.
    return any(
        "-".join(parts[:n]) in agencies and "".join(parts[n:]) != ""
        for n in (2, 3)
        if len(parts) > n
    )


@dataclass(frozen=True)
class Found:
    organisation: Organisation
    how: str  # "identifier" or "name"
    matched: str = ""  # the identifier or name that matched


def find_organisation(*, ref: str, names: Iterable[str]) -> Found | None:
    """The organisation the reference (when it is an identifier) or one of the
    names designates, or None (then the caller creates one, or keeps the text)."""
    ref = ref.strip()
    if is_identifier(ref):
        known = Organisation.objects.filter(
            identifiers__scheme=IATI_SCHEME, identifiers__value=ref
        ).first()
        if known is not None:
            return Found(known, "identifier", ref)
    for name in names:
        known = organisation_by_name(name=name) if name.strip() else None
        if known is not None:
            return Found(known, "name", name.strip())
    return None


@dataclass(frozen=True)
class NameRow:
    """One name under which a live organisation is known."""

    key: str
    value: str
    lang: str
    kind: str  # name | acronym | short | alias | former
    category: str


def name_rows() -> list[NameRow]:
    """Every name, in every language, of every organisation not deleted: what a
    reader of running text looks for (ingest's gazetteer is built from it)."""
    out: list[NameRow] = []
    columns = [f"name_{lang}" for lang in UN_LANGUAGES]
    live = Organisation.objects.filter(deleted_at__isnull=True)
    for key, category, *names in live.values_list("key", "category", *columns):
        for lang, value in zip(UN_LANGUAGES, names, strict=True):
            if value:
                out.append(NameRow(key, value, lang, "name", category))
    others = OrganisationName.objects.filter(
        organisation__deleted_at__isnull=True
    ).values_list(
        "organisation__key", "value", "lang", "kind", "organisation__category"
    )
    out.extend(NameRow(*row) for row in others)
    return out
