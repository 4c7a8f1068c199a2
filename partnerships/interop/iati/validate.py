"""Check an IATI file against the official 2.03 XSD and the codelists.

The schemas are loaded once per folder (settings.DATA_DIR / "reference/iati/schema")
and kept. The codelist check follows the official mapping.xml: every value at a
mapped XPath (with its condition, e.g. sector codes only when @vocabulary is 1) must
be an active code of its codelist; a withdrawn code is an error too.
"""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

from django.conf import settings
from lxml import etree

from partnerships.interop.iati.codelists import codelist, mappings

ACTIVITIES_XSD = "iati-activities-schema.xsd"
ORGANISATIONS_XSD = "iati-organisations-schema.xsd"


def _schema_folder() -> Path:
    return Path(settings.DATA_DIR) / "reference" / "iati" / "schema"


def compile_schema(path: Path) -> etree.XMLSchema:
    """The schema at `path`, compiled anew (a few milliseconds): an XMLSchema
    object keeps its last error log, so each import thread has its own."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.XMLSchema(etree.parse(str(path), parser))


_schema = cache(compile_schema)


def validate_activities(source: bytes | Path) -> list[str]:
    """Errors of an iati-activities file (its bytes, or its path), each with its
    line; empty when valid."""
    return _validate(source, ACTIVITIES_XSD, "iati-activities")


def validate_organisations(source: bytes | Path) -> list[str]:
    """Errors of an iati-organisations file, each with its line; empty when valid."""
    return _validate(source, ORGANISATIONS_XSD, "iati-organisations")


def _validate(source: bytes | Path, xsd: str, root_name: str) -> list[str]:
    """The file is read one record (activity or organisation) at a time: each is
    checked in a file of its own under a copy of the root, so memory holds one
    record however long the file. The schema has no rule across records."""
    stream = io.BytesIO(source) if isinstance(source, bytes) else str(source)
    schema = _schema(_schema_folder() / xsd)
    errors: dict[str, None] = {}  # in order, once each (root errors recur)
    root, records = None, 0
    events = etree.iterparse(
        stream, events=("start", "end"), resolve_entities=False, no_network=True
    )
    try:
        for event, element in events:
            if root is None:
                root = element
                if root.tag != root_name:
                    where = f"line {root.sourceline}"
                    return [f"{where}: the root is <{root.tag}>, not <{root_name}>"]
            elif event == "end" and element.getparent() is root:
                record = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
                record.append(element)  # out of the parsed tree: memory stays flat
                records += 1
                errors.update(dict.fromkeys(_errors(record, schema)))
    except etree.XMLSyntaxError as error:
        errors[f"line {error.lineno}: {error.msg}"] = None
    if root is not None and not records and not errors:
        errors.update(dict.fromkeys(_errors(root, schema)))
    return list(errors)


def _errors(record: etree._Element, schema: etree.XMLSchema) -> list[str]:
    found = []
    if not schema.validate(record):
        found = [f"line {e.line}: {e.message}" for e in schema.error_log]
    return found + codelist_errors(record)


WITHDRAWN = "is withdrawn from"


def is_withdrawn(error: str) -> bool:
    """An error only for a code its codelist has since withdrawn."""
    return f"' {WITHDRAWN} " in error


def codelist_errors(root: etree._Element) -> list[str]:
    """Values that are not active codes of the codelist mapping.xml names."""
    errors = []
    for mapping in mappings():
        for value in root.xpath(mapping.path):
            owner = value.getparent()
            if mapping.condition and not owner.xpath(mapping.condition):
                continue
            listed = codelist(mapping.codelist)
            code = str(value).strip()
            if code in listed.active:
                continue
            where = f"line {owner.sourceline}: {mapping.path}"
            if code in listed.withdrawn:
                errors.append(f"{where} {code!r} {WITHDRAWN} {listed.name}")
            else:
                errors.append(f"{where} {code!r} is not in {listed.name}")
    return errors
