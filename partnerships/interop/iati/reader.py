"""Read an IATI file safely, one activity (or organisation) at a time.

Hostile files are refused before anything is parsed: a file over MAX_BYTES, a file
declaring a DOCTYPE (the door to external entities and "billion laughs"). The
parser never resolves entities, loads a DTD or touches the network, keeps
libxml2's limits (no `huge_tree`), and each element is freed once read, so memory
stays bounded by one activity whatever the file's size (docs/iati.md, Import).
Each activity is checked against the 2.03 XSD (validate.py's cached schema) and
turned into a plain `Record`: the importer never sees XML.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree

from partnerships.interop.iati import as_published, validate
from partnerships.interop.iati.as_published import code as lang_code
from partnerships.interop.iati.as_published import un_language
from partnerships.interop.iati.records import Money, OrgRef, Record

MAX_BYTES = 200 * 1024 * 1024  # 200 MB; IATI's registry splits bigger publishers
MAX_DEPTH = 32  # below the root; IATI activities nest about 5 deep
HEAD_BYTES = 64 * 1024  # where a DOCTYPE would have to be
VERSIONS = ("2.01", "2.02", "2.03")
ACTIVITIES, ORGANISATIONS = "iati-activities", "iati-organisations"
ITEMS = {ACTIVITIES: "iati-activity", ORGANISATIONS: "iati-organisation"}
SCHEMAS = {
    ACTIVITIES: validate.ACTIVITIES_XSD,
    ORGANISATIONS: validate.ORGANISATIONS_XSD,
}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PRECISION_NOTE = re.compile(r"Known to the (year|month) only")
_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
    "remove_blank_text": True,  # layout whitespace, by libxml2 (as_published)
}


class ReaderError(Exception):
    """The file is refused as a whole; the message names it and says why."""


class InvalidItem(Exception):
    """One activity or organisation is invalid; the others may still go in."""


@dataclass(frozen=True)
class FileInfo:
    path: Path
    root: str
    version: str
    lang: str
    currency: str
    generated: str
    warnings: tuple[str, ...] = ()
    # The root's xml:lang as written (any language, "fi", "nl" ...), else "en":
    # the language of a narrative that names none.
    text_lang: str = "en"

    @property
    def item(self) -> str:
        return ITEMS[self.root]

    @cached_property
    def schema(self) -> etree.XMLSchema:
        """The 2.03 XSD for this file's items, compiled for this file alone."""
        return validate.compile_schema(validate._schema_folder() / SCHEMAS[self.root])


def inspect(path: Path) -> FileInfo:
    """Refuse an oversized file, a DOCTYPE or a root that is not IATI's."""
    name = path.name
    if not path.is_file():
        raise ReaderError(_("%(name)s: there is no such file.") % {"name": name})
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ReaderError(
            _("%(name)s: the file is %(size)s bytes, over the limit of %(limit)s.")
            % {"name": name, "size": size, "limit": MAX_BYTES}
        )
    with path.open("rb") as stream:
        head = stream.read(HEAD_BYTES)
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        raise ReaderError(
            _(
                "%(name)s: the file declares a DOCTYPE or entities, which IATI "
                "files never need; it is refused for safety (XXE, entity "
                "expansion)."
            )
            % {"name": name}
        )
    root = _first_element(path)
    if root.getroottree().docinfo.doctype:
        raise ReaderError(
            _("%(name)s: the file declares a DOCTYPE; it is refused.") % {"name": name}
        )
    if root.tag not in ITEMS:
        raise ReaderError(
            _(
                "%(name)s: line %(line)s: the root is <%(root)s>, not "
                "<iati-activities> or <iati-organisations>."
            )
            % {"name": name, "line": root.sourceline, "root": root.tag}
        )
    version, warnings = _version(name, root)
    return FileInfo(
        path=path,
        root=root.tag,
        version=version,
        lang=_lang(root.get(XML_LANG)) or "en",
        currency=root.get("default-currency") or "",
        generated=root.get("generated-datetime") or "",
        warnings=warnings,
        text_lang=lang_code(root.get(XML_LANG)) or "en",
    )


def _version(name: str, root: etree._Element) -> tuple[str, tuple[str, ...]]:
    """The file's IATI version and its warning; ReaderError for another."""
    version = (root.get("version") or "").strip()
    warnings: tuple[str, ...] = ()
    if not version:
        # IATI Datastore output leaves @version off; its content is 2.03, and
        # each activity is still checked against the 2.03 XSD.
        version = "2.03"
        warnings = (
            _(
                "%(name)s: the root has no @version; read as 2.03, each activity "
                "checked against the 2.03 schema."
            )
            % {"name": name},
        )
    if version not in VERSIONS:
        raise ReaderError(
            _(
                "%(name)s: IATI version %(version)s is not supported; only %(versions)s are."
            )
            % {
                "name": name,
                "version": version or _("(none)"),
                "versions": ", ".join(VERSIONS),
            }
        )
    return version, warnings


def _first_element(path: Path) -> etree._Element:
    with path.open("rb") as stream:
        events = etree.iterparse(stream, events=("start",), **_PARSER_OPTIONS)
        try:
            for _, element in events:
                return element
        except etree.XMLSyntaxError as error:
            raise _syntax(path, error) from error
    raise ReaderError(
        _("%(name)s: the file holds no XML element.") % {"name": path.name}
    )


def _syntax(path: Path, error: etree.XMLSyntaxError) -> ReaderError:
    return ReaderError(
        _("%(name)s: not well-formed XML at line %(line)s: %(message)s")
        % {"name": path.name, "line": error.lineno, "message": error.msg}
    )


def items(info: FileInfo) -> Iterator[etree._Element]:
    """Each activity (or organisation) element, freed once the caller moves on."""
    with info.path.open("rb") as stream:
        events = etree.iterparse(
            stream, events=("end",), tag=info.item, **_PARSER_OPTIONS
        )
        try:
            for _, element in events:
                parent = element.getparent()
                if parent is None or parent.getparent() is not None:
                    continue  # nested where IATI never puts it; the XSD says so
                yield element
                element.clear(keep_tail=False)
                # Drop the siblings already read, so the root does not grow.
                while element.getprevious() is not None:
                    del parent[0]
        except etree.XMLSyntaxError as error:
            raise _syntax(info.path, error) from error


def _lang(value: str | None) -> str:
    return un_language(value)


def _narratives(parent: etree._Element | None, lang: str) -> dict[str, str]:
    """Text per UN language; several narratives in one language are joined.
    `lang` is the activity's language as written, for narratives naming none;
    narratives in other languages are left to the published elements (ECHOED)."""
    out: dict[str, str] = {}
    if parent is None:
        return out
    for narrative in parent.findall("narrative"):
        code = _lang(narrative.get(XML_LANG) or lang)
        text = " ".join((narrative.text or "").split())
        if code and text:
            out[code] = f"{out[code]}\n\n{text}" if code in out else text
    return out


def _org(element: etree._Element, lang: str) -> OrgRef:
    return OrgRef(
        ref=(element.get("ref") or "").strip(),
        type=(element.get("type") or "").strip(),
        names=_narratives(element, lang),
        activity_id=(
            element.get("provider-activity-id")
            or element.get("receiver-activity-id")
            or element.get("activity-id")
            or ""
        ).strip(),
    )


def activity_record(element: etree._Element, info: FileInfo) -> Record:
    lang = lang_code(element.get(XML_LANG)) or info.text_lang
    as_published.settle(element, lang)
    record = Record(
        line=element.sourceline or 0,
        identifier=(element.findtext("iati-identifier") or "").strip(),
        lang=_lang(lang) or "en",
        title=_narratives(element.find("title"), lang),
    )
    descriptions = element.findall("description")
    general = [d for d in descriptions if d.get("type", "1") == "1"] or descriptions
    for description in general:
        for code, text in _narratives(description, lang).items():
            old = record.summary.get(code)
            record.summary[code] = f"{old}\n\n{text}" if old else text
    reporting = element.find("reporting-org")
    record.reporting = _org(reporting, lang) if reporting is not None else None
    record.status = element.find("activity-status").get("code", "")
    record.dates = activity_dates(element.findall("activity-date"), lang)
    for org in element.findall("participating-org"):
        record.participants.append((org.get("role", ""), _org(org, lang)))
    _geography(element, record)
    record.sectors = [
        (s.get("vocabulary", "1"), s.get("code", "")) for s in element.findall("sector")
    ]
    record.tags = [
        (t.get("vocabulary", ""), t.get("code", "")) for t in element.findall("tag")
    ]
    currency = element.get("default-currency") or info.currency
    for child in element.iterchildren(*_MONEY):
        record.money.append(_money(child, currency, lang))
    record.kept = as_published.kept(element)
    return record


def activity_dates(
    dates: list[etree._Element], lang: str
) -> dict[str, tuple[str, str]]:
    """(iso-date, precision) by ActivityDateType, the first of each type."""
    out: dict[str, tuple[str, str]] = {}
    for date in dates:
        note = " ".join(_narratives(date, lang).values())
        found = _PRECISION_NOTE.search(note)
        precision = found.group(1) if found else "day"
        out.setdefault(date.get("type", ""), (date.get("iso-date", ""), precision))
    return out


def _geography(element: etree._Element, record: Record) -> None:
    countries, regions = record.countries, record.regions
    seen: set[str] = set()  # one BEIS activity names 175 countries
    for country in element.iterchildren("recipient-country"):
        code = country.get("code", "").strip().upper()
        if code not in seen:
            seen.add(code)
            countries.append(code)
    seen = set()
    for region in element.iterchildren("recipient-region"):
        vocabulary, code = region.get("vocabulary", "1"), region.get("code", "").strip()
        if vocabulary != "1":
            record.dropped.append(f"recipient-region {vocabulary}/{code}")
        elif code not in seen:
            seen.add(code)
            regions.append(code)


_MONEY = ("budget", "planned-disbursement", "transaction")


def _money(element: etree._Element, currency: str, lang: str) -> Money:
    # One pass over the line's children (the first of each name counts, as
    # `find` would give it): it runs for every line of every activity.
    first: dict[str, etree._Element] = {}
    for child in element:
        first.setdefault(child.tag, child)
    value = first.get("value")
    try:
        amount = Decimal((value.text or "").strip())
    except InvalidOperation as error:
        raise InvalidItem(
            _("line %(line)s: %(text)r is no amount")
            % {"line": value.sourceline, "text": value.text}
        ) from error
    kind = element.tag
    if kind == "transaction":
        type_code = first["transaction-type"].get("code", "")
    else:
        type_code = element.get("type", "1" if kind == "budget" else "")
    published = value.get("currency")
    money = Money(
        kind=kind,
        type_code=type_code.strip(),
        amount=amount,
        currency=(published or currency).strip().upper(),
        value_date=(value.get("value-date") or "")[:10],
        line=element.sourceline or 0,
        status=element.get("status", ""),
        period=(_iso(first.get("period-start")), _iso(first.get("period-end"))),
        date=_iso(first.get("transaction-date")),
    )
    provider, receiver = first.get("provider-org"), first.get("receiver-org")
    if provider is not None:
        money.provider = _org(provider, lang)
    if receiver is not None:
        money.receiver = _org(receiver, lang)
    if not published and money.currency:
        # The default currency written out, as the export writes it: the line
        # then reads back from an export as the same text.
        value.set("currency", money.currency)
    money.xml = etree.tostring(element, encoding="unicode", with_tail=False)
    return money


def _iso(element: etree._Element | None) -> str:
    return "" if element is None else (element.get("iso-date") or "")[:10]


def organisation_record(element: etree._Element, info: FileInfo) -> Record:
    lang = _lang(element.get(XML_LANG)) or info.lang
    reporting = element.find("reporting-org")
    return Record(
        line=element.sourceline or 0,
        identifier=(element.findtext("organisation-identifier") or "").strip(),
        lang=lang,
        title=_narratives(element.find("name"), lang),
        reporting=_org(reporting, lang) if reporting is not None else None,
    )
