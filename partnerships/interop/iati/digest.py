"""Activities a re-import skips unread (`interop.ActivityDigest`).

For each activity it writes, the import keeps, by its file's source document and
its number in the file, a digest and the version the import left its engagement
at. The digest is the SHA-256 of the activity's XML (as lxml writes it), its number
and line, and the file's defaults (version, languages, currency) and the
strictness of the check: everything the import of one activity reads from the
file. On a re-import, an activity whose digest is the one kept, while its
engagement is not deleted and still at that version (nobody has changed it, its
places, money or participants since), and while the registry's organisations,
names and identifiers are as that import left them (a reviewer's new alias may
resolve a name otherwise: `registry_state`), is counted unchanged before it is checked,
mapped or looked up: an unchanged file is parsed, hashed and nothing more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import F, Max
from lxml import etree

from partnerships.interop.iati.reader import FileInfo
from partnerships.interop.models import ActivityDigest
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.sources.models import SourceDocument

if TYPE_CHECKING:
    from partnerships.interop.iati.chunk import Item


class Digests:
    def __init__(
        self, info: FileInfo, document: SourceDocument, *, strict: bool
    ) -> None:
        self.document = document
        context = (
            info.version,
            info.lang,
            info.text_lang,
            info.currency,
            "strict" if strict else "lenient",
        )
        self.context = "|".join(context).encode()
        self.known = dict(
            ActivityDigest.objects.filter(
                document=document,
                engagement__deleted_at=None,
                engagement__version=F("engagement_version"),
                registry=registry_state(),
            ).values_list("number", "digest")
        )
        self.written: list[int] = []

    def of(self, number: int, element: etree._Element) -> str:
        found = hashlib.sha256(self.context)
        found.update(b"|%d|%d|" % (number, element.sourceline or 0))
        # As lxml writes the element, not C14N (twice the cost): the same file
        # gives the same bytes; one differing only in form is read again, and
        # that writes nothing.
        found.update(etree.tostring(element))
        return found.hexdigest()

    def unchanged(self, number: int, digest: str) -> bool:
        return self.known.get(number) == digest

    def keep(self, items: Sequence[Item], engagements: Mapping[str, Any]) -> None:
        """Remember the items just written, with their engagements' versions."""
        if not items:
            return
        rows = []
        for item in items:
            engagement = engagements[item.spec.key]
            version = (
                engagement.get("version", 1)
                if isinstance(engagement, dict)
                else engagement.version
            )
            rows.append(
                ActivityDigest(
                    document=self.document,
                    number=item.number,
                    digest=item.digest,
                    engagement_id=engagement.pk,
                    engagement_version=version,
                )
            )
        ActivityDigest.objects.filter(
            document=self.document, number__in=[row.number for row in rows]
        ).delete()
        ActivityDigest.objects.bulk_create(rows)
        self.written += [row.number for row in rows]

    def finish(self) -> None:
        """Stamp what this import wrote with the registry as it leaves it."""
        state = registry_state()
        for start in range(0, len(self.written), 500):
            ActivityDigest.objects.filter(
                document=self.document, number__in=self.written[start : start + 500]
            ).update(registry=state)


def registry_state() -> str:
    """The last history row of the organisations, their names and identifiers:
    any change to them (a name added by a reviewer, a merge) moves it."""
    return ":".join(
        str(model.history.aggregate(last=Max("history_id"))["last"] or 0)
        for model in (Organisation, OrganisationName, Identifier)
    )
