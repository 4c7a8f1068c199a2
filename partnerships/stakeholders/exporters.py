"""The public list of accredited organisations, as CSV (core.exporters)."""

from __future__ import annotations

import csv
import io
from typing import Any, BinaryIO

from partnerships.core.actor import Actor
from partnerships.core.exporters import Exporter, register
from partnerships.stakeholders.visibility import accreditations_visible_to

COLUMNS = [
    "session",
    "organisation",
    "name",
    "country",
    "stakeholder_category",
    "basis",
]


@register
class AccreditedOrganisations(Exporter):
    identifier = "accredited-organisations"
    verbose_name = "Accredited organisations per session (CSV)"
    extension, mimetype = "csv", "text/csv; charset=utf-8"

    def filename(self, **options: Any) -> str:
        session = options.get("session")
        return f"accredited-{session}.csv" if session else "accredited.csv"

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> int:
        rows = accreditations_visible_to(actor)
        if options.get("session"):
            rows = rows.filter(session__key=options["session"])
        text = io.TextIOWrapper(
            stream, encoding="utf-8", newline="", write_through=True
        )
        writer = csv.writer(text)
        writer.writerow(COLUMNS)
        count = 0
        for row in rows:
            writer.writerow(
                [
                    row.session.key,
                    row.organisation.key,
                    str(row.organisation),
                    row.organisation.country_id or "",
                    row.group,
                    row.basis,
                ]
            )
            count += 1
        text.detach()
        return count
