"""The exports of this app, registered with `core.exporters` when the app loads:
IATI activity and organisation files, and the whole-registry dump. (The
spreadsheet exporters register in `sheets/export.py`.)"""

from __future__ import annotations

import io
from collections.abc import Generator
from typing import Any, BinaryIO

from django.db.models import Model, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.core.exporters import Exporter, register
from partnerships.interop.dump import write_dump
from partnerships.interop.iati import export
from partnerships.registry.models import Organisation

XML = "application/xml"


def _chosen(selection: QuerySet | None, model: type[Model]) -> QuerySet:
    """The caller's selection as it is, even empty (never read here: a queryset's
    truth would load every row); every record only when none is given."""
    return model._default_manager.all() if selection is None else selection


@register
class IatiActivities(Exporter):
    """Options: `reporting_org` (an Organisation, required), `engagements` (a
    selection; not given or None: all; an empty one exports nothing), `on_skip`,
    `date_undated_from_source`, `reporting_org_mode`, `on_warning`."""

    identifier = "iati-activities"
    verbose_name = "Engagements as IATI 2.03 activities (XML)"
    extension, mimetype = "xml", XML
    refusals = (export.ExportError,)

    def chunks(self, actor: Actor, **options: Any) -> Generator[bytes, None, int]:
        return export.activity_chunks(
            engagements=_chosen(options.get("engagements"), Engagement),
            actor=actor,
            reporting_org=options["reporting_org"],
            generated=options.get("generated") or timezone.now(),
            on_skip=options.get("on_skip"),
            date_undated_from_source=options.get("date_undated_from_source", False),
            reporting_org_mode=options.get("reporting_org_mode", "as-published"),
            on_warning=options.get("on_warning"),
        )


@register
class IatiOrganisations(Exporter):
    """Options: `organisations` (a selection; not given or None: all; an empty
    one exports nothing), `on_skip`."""

    identifier = "iati-organisations"
    verbose_name = "Organisations as IATI 2.03 organisation files (XML)"
    extension, mimetype = "xml", XML
    refusals = (export.ExportError,)

    def chunks(self, actor: Actor, **options: Any) -> Generator[bytes, None, int]:
        return export.organisation_chunks(
            organisations=_chosen(options.get("organisations"), Organisation),
            actor=actor,
            generated=options.get("generated") or timezone.now(),
            on_skip=options.get("on_skip"),
        )


@register
class Dump(Exporter):
    """Every record, confidential and deleted ones too: administrators only."""

    identifier = "dump"
    verbose_name = "The whole registry (JSON, docs/dump-format.md)"
    extension, mimetype = "json", "application/json"

    def write(self, stream: BinaryIO, actor: Actor, **options: Any) -> None:
        if not actor.is_admin:
            raise NotAllowed(_("Only administrators dump the whole registry."))
        text = io.TextIOWrapper(stream, encoding="utf-8", write_through=True)
        write_dump(text)
        text.detach()
