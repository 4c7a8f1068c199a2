"""Check an IATI file against the official 2.03 XSD and the codelists.

The schemas are loaded once per folder (settings.DATA_DIR / "reference/iati/schema")
and kept. The codelist check follows the official mapping.xml: every value at a
mapped XPath (with its condition, e.g. sector codes only when @vocabulary is 1) must
be an active code of its codelist; a withdrawn code is an error too.
"""

from __future__ import annotations

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


def validate_activities(data: bytes) -> list[str]:
    """Errors of an iati-activities file, each with its line; empty when valid."""
    return _validate(data, ACTIVITIES_XSD, "iati-activities")


def validate_organisations(data: bytes) -> list[str]:
    """Errors of an iati-organisations file, each with its line; empty when valid."""
    return _validate(data, ORGANISATIONS_XSD, "iati-organisations")


def _validate(data: bytes, xsd: str, root_name: str) -> list[str]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return [f"line {error.lineno}: {error.msg}"]
    if root.tag != root_name:
        return [f"line {root.sourceline}: the root is <{root.tag}>, not <{root_name}>"]
    schema = _schema(_schema_folder() / xsd)
    errors = []
    if not schema.validate(root):
        errors = [f"line {e.line}: {e.message}" for e in schema.error_log]
    return errors + codelist_errors(root)


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
                errors.append(f"{where} {code!r} is withdrawn from {listed.name}")
            else:
                errors.append(f"{where} {code!r} is not in {listed.name}")
    return errors
