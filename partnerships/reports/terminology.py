"""Import organisation names per language from a terminology file: TBX (ISO 30042,
the exchange format of terminology databases such as UNTERM) or CSV.

Each term adds or corrects one name of one organisation in one language, with its
source; the source goes into the audit record of the change (the registry's
history), so every name says where it came from. Writes go through
`registry.services`. A bad file changes nothing and says which line or entry is
wrong; importing the same file twice changes nothing the second time.

CSV columns: `organisation` (its key, or its English acronym or name), `lang`,
`kind` (`name`, `short` or `acronym`), `value`, `source`.

TBX: one `conceptEntry` (TBX v3) or `termEntry` (TBX 2) per organisation, a
`langSet` per language, a `tig`/`ntig` per term with `termNote type="termType"`
(`fullForm`, `shortForm`, `acronym`/`abbreviation`); the source is the nearest
`admin`/`descrip`/`note` of type `source` (term, then language, then entry), else
the file's name. The entry's English terms find the organisation.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from defusedxml import ElementTree
from django.db import transaction

from partnerships.core.actor import Actor
from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation
from partnerships.registry.resolve import find_organisation
from partnerships.registry.services import organisation_name_add
from partnerships.reports.content import set_text

KINDS = {
    "name": "name",
    "fullform": "name",
    "short": "short",
    "shortform": "short",
    "acronym": "acronym",
    "abbreviation": "acronym",
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class TerminologyError(ValueError):
    pass


@dataclass(frozen=True)
class Term:
    where: str  # "line 4", "entry 12"
    finder: tuple[str, ...]  # key, acronym or name that finds the organisation
    lang: str
    kind: str
    value: str
    source: str


def _term(where: str, finder, lang: str, kind: str, value: str, source: str) -> Term:
    lang = lang.lower().split("-")[0]
    if lang not in UN_LANGUAGES:
        raise TerminologyError(f"{where}: {lang!r} is not a UN language")
    if kind.lower() not in KINDS:
        raise TerminologyError(f"{where}: unknown kind of name {kind!r}")
    if not value.strip():
        raise TerminologyError(f"{where}: the name is empty")
    return Term(where, tuple(finder), lang, KINDS[kind.lower()], value.strip(), source)


def read_csv(text: str, default_source: str) -> list[Term]:
    reader = csv.DictReader(io.StringIO(text))
    needed = {"organisation", "lang", "kind", "value"}
    if not needed <= set(reader.fieldnames or ()):
        raise TerminologyError(
            f"line 1: the columns {', '.join(sorted(needed))} are needed"
        )
    return [
        _term(
            f"line {n}",
            [row["organisation"].strip()],
            row["lang"],
            row["kind"],
            row["value"],
            (row.get("source") or "").strip() or default_source,
        )
        for n, row in enumerate(reader, start=2)
    ]


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _source(element, fallback: str) -> str:
    for child in element:
        if _local(child.tag) in ("admin", "descrip", "note") and (
            child.get("type") == "source"
        ):
            return (child.text or "").strip() or fallback
    return fallback


def _terms_of(lang_set, where: str, finder, source: str) -> list[Term]:
    lang = lang_set.get(XML_LANG) or lang_set.get("lang") or ""
    source = _source(lang_set, source)
    out = []
    for tig in (t for t in lang_set if _local(t.tag) in ("tig", "ntig", "termSec")):
        term = next((e for e in tig.iter() if _local(e.tag) == "term"), None)
        kind = next(
            (
                e.text or ""
                for e in tig.iter()
                if _local(e.tag) == "termNote" and e.get("type") == "termType"
            ),
            "fullForm",
        )
        if term is not None:
            out.append(
                _term(where, finder, lang, kind, term.text or "", _source(tig, source))
            )
    return out


def read_tbx(data: bytes, default_source: str) -> list[Term]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise TerminologyError(f"not a TBX file: {error}") from error
    entries = [e for e in root.iter() if _local(e.tag) in ("conceptEntry", "termEntry")]
    terms: list[Term] = []
    for n, entry in enumerate(entries, start=1):
        where = f"entry {entry.get('id') or n}"
        lang_sets = [s for s in entry if _local(s.tag) == "langSet"]
        english = [
            (t.text or "").strip()
            for s in lang_sets
            if (s.get(XML_LANG) or "").lower().startswith("en")
            for t in s.iter()
            if _local(t.tag) == "term"
        ]
        source = _source(entry, default_source)
        for lang_set in lang_sets:
            terms += _terms_of(lang_set, where, english, source)
    return terms


def read_terms(path: Path) -> list[Term]:
    data = path.read_bytes()
    if path.suffix.lower() in (".tbx", ".xml"):
        return read_tbx(data, path.name)
    return read_csv(data.decode("utf-8-sig"), path.name)


def _organisation(term: Term) -> Organisation:
    """The one organisation the term's key, acronym or name designates (the
    registry's resolver: an identifier, or any name in any language)."""
    found = find_organisation(ref="", names=term.finder)
    if found is None:
        raise TerminologyError(
            f"{term.where}: no organisation, or more than one, is named {term.finder!r}"
        )
    return found.organisation


def _apply(term: Term, org: Organisation, actor: Actor) -> bool:
    reason = f"terminology: {term.source}"
    if term.kind != "name":
        _, added = organisation_name_add(
            actor=actor,
            organisation=org,
            kind=term.kind,
            lang=term.lang,
            value=term.value,
            reason=reason,
        )
        return added
    return set_text(org, f"name_{term.lang}", term.value, actor, reason)


def import_terms(terms: list[Term], actor: Actor) -> tuple[int, int]:
    """(names written, names already there); all or nothing."""
    written = kept = 0
    with transaction.atomic():
        for term in terms:
            org = Organisation.objects.get(pk=_organisation(term).pk)
            if _apply(term, org, actor):
                written += 1
            else:
                kept += 1
    return written, kept
