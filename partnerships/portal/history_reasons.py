"""The reasons the system writes in a history ("merged X into Y", "participant UNDP
(funder) added", "import-iati"), in the reader's language.

The services write them in English, as data (they are stored, searched and cut at
100 characters). Here each known form is recognised and said again through
gettext; what a person typed after it ("...: named in the report") stays as
written, and a reason of no known form (typed by hand, or cut short) is shown as
it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships.cooperation.models import Role

ROLES = dict(Role.choices)
# Whole reasons written by loaders and services, by their code.
FIXED = {
    "added": gettext_lazy("added"),
    "removed": gettext_lazy("removed"),
    "proposed": gettext_lazy("proposed"),
    "ingested": gettext_lazy("read from a report"),
    "ingest review": gettext_lazy("accepted in the review of a report"),
    "load-demo": gettext_lazy("loaded with the demonstration data"),
    "load": gettext_lazy("loaded from a data file"),
    "import-iati": gettext_lazy("imported from an IATI file"),
    "import-sheets": gettext_lazy("imported from a spreadsheet"),
    "short form given in the report": gettext_lazy("short form given in the report"),
    "told in the report": gettext_lazy("told in the report"),
    "amount given in the report": gettext_lazy("amount given in the report"),
}


def _role(code: str) -> str:
    return str(ROLES.get(code, code))


Say = Callable[[dict[str, str]], str]
FORMS: list[tuple[re.Pattern[str], Say]] = [
    (
        re.compile(r"merged (?P<source>\S+) into (?P<target>\S+)"),
        lambda m: _("merged %(source)s into %(target)s") % m,
    ),
    (
        re.compile(r"merged into (?P<target>\S+)"),
        lambda m: _("merged into %(target)s") % m,
    ),
    (
        re.compile(r"participant (?P<key>\S+) \((?P<role>[\w-]+)\) added"),
        lambda m: (
            _("participant %(key)s (%(role)s) added") % {**m, "role": _role(m["role"])}
        ),
    ),
    (
        re.compile(r"participant (?P<key>\S+) \((?P<role>[\w-]+)\) removed"),
        lambda m: (
            _("participant %(key)s (%(role)s) removed")
            % {**m, "role": _role(m["role"])}
        ),
    ),
    (
        re.compile(r"place (?P<place>\S+) added"),
        lambda m: _("place %(place)s added") % m,
    ),
    (
        re.compile(r"place (?P<place>\S+) removed"),
        lambda m: _("place %(place)s removed") % m,
    ),
    (
        re.compile(
            r"(?P<currency>[A-Z]{3}) (?P<amount>[0-9.]+) from (?P<key>\S+) added"
        ),
        lambda m: _("%(currency)s %(amount)s from %(key)s added") % m,
    ),
    (
        re.compile(r"evidence (?P<symbol>.+) ¶(?P<number>\d+) added"),
        lambda m: _("evidence %(symbol)s ¶%(number)s added") % m,
    ),
    (
        re.compile(r"proposal (?P<number>\d+) approved"),
        lambda m: _("proposal %(number)s approved") % m,
    ),
    (
        re.compile(r"accepted from (?P<passage>.+)"),
        lambda m: _("accepted from %(passage)s") % m,
    ),
    (
        re.compile(r"name used in (?P<passage>.+)"),
        lambda m: _("name used in %(passage)s") % m,
    ),
]


def _said(head: str) -> str | None:
    if head in FIXED:
        return str(FIXED[head])
    for pattern, say in FORMS:
        found = pattern.fullmatch(head)
        if found:
            return say(found.groupdict())
    return None


def reason_in_words(reason: str) -> str:
    """The reason in the reader's language when the system wrote it; the words a
    person added after a colon as they were typed."""
    if not reason:
        return reason
    said = _said(reason)
    if said is not None:
        return said
    head, sep, rest = reason.partition(": ")
    said = _said(head) if sep else None
    return f"{said}{_(': ')}{rest}" if said is not None else reason
