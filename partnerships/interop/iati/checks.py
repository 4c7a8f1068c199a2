"""Each activity checked against the 2.03 XSD, leniently by default.

An error inside an element the importer maps (identifier, participants, money,
dates ...) skips the activity; errors only in elements it does not map (an empty
`point` in a `location`, an empty `document-link`) are listed, each with its
line, and the activity is imported. `strict` skips on any error (docs/iati.md,
"Lenient or strict").
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from lxml import etree

from partnerships.interop.iati.reader import MAX_DEPTH, FileInfo, InvalidItem

# Children of iati-activity the importer maps: an error inside one of them skips
# the activity; an error only in the others (location, document-link, result ...)
# is listed and the activity imported (docs/iati.md, "Lenient or strict").
MAPPED = frozenset(
    {
        "iati-identifier",
        "reporting-org",
        "title",
        "description",
        "participating-org",
        "activity-status",
        "activity-date",
        "recipient-country",
        "recipient-region",
        "sector",
        "tag",
        "budget",
        "planned-disbursement",
        "transaction",
        "organisation-identifier",
        "name",
    }
)
_CHILD = re.compile(r"/iati-(?:activity|organisation)(?:\[\d+\])?/([a-z-]+)")


def check(
    element: etree._Element, info: FileInfo, *, strict: bool = False
) -> list[str]:
    """Check the element against the 2.03 XSD; return the errors that lie only in
    elements the importer does not map (each with its line), or raise
    InvalidItem listing every error when one lies in what it maps (any error,
    when `strict`).

    The element is validated where it stands (the XSD declares iati-activity and
    iati-organisation as global elements), with the schema compiled once per file.
    """
    if _TOO_DEEP(element):
        raise InvalidItem(
            _("it nests deeper than %(depth)s elements") % {"depth": MAX_DEPTH}
        )
    schema = info.schema
    if schema.validate(element):
        return []
    errors, fatal = [], strict
    for entry in schema.error_log:
        # The schema's own message is libxml2's, in English.
        errors.append(
            _("line %(line)s: XSD: %(message)s")
            % {"line": entry.line, "message": entry.message}
        )
        child = _CHILD.search(entry.path or "")
        fatal = fatal or child is None or child.group(1) in MAPPED
    if fatal:
        raise InvalidItem("; ".join(errors))
    return errors


# Is there an element MAX_DEPTH + 1 levels below the activity? (compiled once)
_TOO_DEEP = etree.XPath("boolean(" + "/".join(["*"] * (MAX_DEPTH + 1)) + ")")
