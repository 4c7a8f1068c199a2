"""IATI 2.03 activity and organisation files (mapping in docs/iati.md).

Everything is read through the permission layer: an engagement, a participant,
money, a place or a related activity the actor may not see never reaches the
file. Activities are written one at a time with lxml's incremental writer and
handed out in pieces (`activity_chunks`), so the memory held is one activity,
one piece and one chunk of prefetched rows.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Generator, Iterable
from typing import Any, BinaryIO

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.utils.translation import gettext as _
from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.visibility import (
    contributions_visible_to,
    engagements_visible_to,
    money_lines_visible_to,
    participations_visible_to,
    places_visible_to,
)
from partnerships.core.actor import Actor
from partnerships.core.exporters import PIECE, Pieces, drain
from partnerships.interop.iati.activity import (
    AS_PUBLISHED,
    REPORTING_ORG_MODES,
    Context,
    OnSkip,
    build_activity,
)
from partnerships.interop.iati.codelists import active_codes
from partnerships.interop.iati.elements import (
    IATI_SCHEME,
    XML_LANG,
    add_narratives,
    identifier,
    iso_datetime,
    org_element,
    texts,
)
from partnerships.interop.iati.mapping import (
    DEFAULT_LANG,
    IDENTIFIER_FORBIDDEN,
    VERSION,
)
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to
from partnerships.sources.models import SourceDocument
from partnerships.sources.visibility import documents_visible_to

CHUNK = 500


class ExportError(Exception):
    """The export cannot be made; the message says why, as a full sentence."""


def _ignore(key: str, reason: str) -> None:
    return None


def activities_xml(
    *,
    engagements: QuerySet[Engagement],
    actor: Actor,
    reporting_org: Organisation,
    generated: dt.datetime,
    on_skip: OnSkip | None = None,
    date_undated_from_source: bool = False,
    reporting_org_mode: str = AS_PUBLISHED,
    on_warning: OnSkip | None = None,
) -> bytes:
    """The engagements the actor may see, as an iati-activities file."""
    buffer = io.BytesIO()
    write_activities(
        buffer,
        engagements=engagements,
        actor=actor,
        reporting_org=reporting_org,
        generated=generated,
        on_skip=on_skip,
        date_undated_from_source=date_undated_from_source,
        reporting_org_mode=reporting_org_mode,
        on_warning=on_warning,
    )
    return buffer.getvalue()


def write_activities(stream: BinaryIO, **options: Any) -> int:
    """Write the iati-activities file to `stream`; returns how many activities
    (the options are `activity_chunks`'s)."""
    return drain(activity_chunks(**options), stream)


def activity_chunks(
    *,
    engagements: QuerySet[Engagement],
    actor: Actor,
    reporting_org: Organisation,
    generated: dt.datetime,
    on_skip: OnSkip | None = None,
    date_undated_from_source: bool = False,
    reporting_org_mode: str = AS_PUBLISHED,
    on_warning: OnSkip | None = None,
) -> Generator[bytes, None, int]:
    """The iati-activities file in pieces, written one activity at a time with
    lxml's incremental writer; returns how many activities.

    `on_skip(key, reason)` hears of every engagement, or part of one, left out.
    With `date_undated_from_source`, an engagement without dates takes the
    reporting period of the source documents citing it as planned dates, with a
    note saying so (docs/iati.md). `reporting_org_mode` "as-published" (the
    default) writes an imported activity's reporting-org as it was published,
    "export" the `reporting_org` in every activity; `on_warning(key, message)`
    hears of what is written although IATI's rules frown on it. ExportError
    when none can be written (at the end: the file is then incomplete and must
    be dropped).
    """
    if reporting_org_mode not in REPORTING_ORG_MODES:
        raise ExportError(
            _("Unknown reporting-org mode %(mode)s.") % {"mode": reporting_org_mode}
        )
    ctx = Context(
        reporting_org=reporting_org,
        reporting_ref=_reporting_ref(reporting_org, actor),
        generated=generated,
        crs_codes=active_codes("CRSChannelCode"),
        on_skip=on_skip or _ignore,
        date_from_source=date_undated_from_source,
        reporting_org_mode=reporting_org_mode,
        on_warning=on_warning,
    )
    rows = _activity_rows(engagements, actor, from_source=date_undated_from_source)
    count = yield from activity_pieces(rows.iterator(chunk_size=CHUNK), ctx)
    if not count:
        raise ExportError(
            _(
                "No engagement can be exported: none matches, the reader may see "
                "none, or none has what IATI requires (a date and a participant)."
            )
        )
    return count


def activity_pieces(
    engagements: Iterable[Engagement], ctx: Context
) -> Generator[bytes, None, int]:
    """Engagements read with what the reader may see (`_activity_rows`) as an
    iati-activities file, in pieces; returns how many activities it holds."""
    root = {"version": VERSION, "generated-datetime": iso_datetime(ctx.generated)}
    count = 0
    sink = Pieces()
    with etree.xmlfile(sink, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", root):
            xf.write("\n")
            for engagement in engagements:
                activity = build_activity(engagement, ctx)
                if activity is not None:
                    xf.write(activity, pretty_print=True)
                    count += 1
                    if sink.size >= PIECE:
                        yield sink.take()
    yield sink.take()
    return count


def _reporting_ref(org: Organisation, actor: Actor) -> str:
    if not organisations_visible_to(actor).filter(pk=org.pk).exists():
        raise ExportError(
            _("The reporting organisation %(key)s cannot be seen.") % {"key": org.key}
        )
    ref = org.identifiers.filter(scheme=IATI_SCHEME).values_list("value", flat=True)
    value = ref.first()
    if not value:
        raise ExportError(
            _(
                "The reporting organisation %(key)s has no IATI organisation "
                "identifier, which IATI requires of a publisher: add an identifier "
                "with scheme IATI (for example XM-DAC-41120) first."
            )
            % {"key": org.key}
        )
    if IDENTIFIER_FORBIDDEN & set(value):
        raise ExportError(
            _(
                "The IATI identifier %(value)s of %(key)s holds a character "
                "IATI identifiers may not contain."
            )
            % {"value": repr(value), "key": org.key}
        )
    return value


def _activity_rows(
    engagements: QuerySet[Engagement], actor: Actor, *, from_source: bool = False
) -> QuerySet[Engagement]:
    visible = engagements_visible_to(actor)
    # Related activities are named only when the reader may see them and they
    # can be exported at all (IATI needs a date, or with `from_source` a source
    # document with a reporting period).
    dated = Q(start_date__isnull=False) | Q(end_date__isnull=False)
    if from_source:
        cited = _sources(actor).filter(passages__evidence__engagement=OuterRef("pk"))
        dated |= Exists(cited)
    related = visible.filter(dated)
    participations = (
        participations_visible_to(actor)
        .select_related("organisation")
        .prefetch_related(
            "organisation__identifiers",
            "organisation__other_names",
            Prefetch(
                "contributions",
                # Those that have a money line are written from it.
                queryset=contributions_visible_to(actor).filter(line__isnull=True),
                to_attr="visible_contributions",
            ),
        )
    )
    rows = visible.filter(pk__in=engagements.values("pk"))
    if from_source:
        rows = _with_source_period(rows, actor)
    return (
        rows.select_related("published")
        .annotate(
            parent_key=Subquery(
                related.filter(pk=OuterRef("parent_id")).values("key")[:1]
            )
        )
        .prefetch_related(
            Prefetch(
                "participations",
                queryset=participations,
                to_attr="visible_participations",
            ),
            Prefetch(
                "places", queryset=places_visible_to(actor), to_attr="visible_places"
            ),
            Prefetch(
                "money",
                queryset=money_lines_visible_to(actor),
                to_attr="visible_money",
            ),
            Prefetch(
                "children",
                queryset=related.order_by("key").only("pk", "key", "parent_id"),
                to_attr="visible_children",
            ),
            "themes",
            "sdg_targets",
        )
        .order_by("key")
    )


def _sources(actor: Actor) -> QuerySet[SourceDocument]:
    """Documents the reader may see that have a reporting period."""
    return documents_visible_to(actor).filter(
        Q(period_start__isnull=False) | Q(period_end__isnull=False)
    )


def _with_source_period(
    rows: QuerySet[Engagement], actor: Actor
) -> QuerySet[Engagement]:
    """`source_start` and `source_end`: the span of the reporting periods of the
    documents citing each engagement; `source_symbol`, the one whose period starts
    first, and `source_count`, how many there are."""
    citing = _sources(actor).filter(passages__evidence__engagement=OuterRef("pk"))

    def first(field: str, order: str) -> Subquery:
        found = citing.exclude(**{f"{field}__isnull": True}).order_by(order, "symbol")
        return Subquery(found.values(field)[:1])

    count = (
        citing.order_by()
        .values(marker=Value(1))
        .annotate(n=Count("symbol", distinct=True))
        .values("n")
    )
    return rows.annotate(
        source_start=first("period_start", "period_start"),
        source_end=first("period_end", "-period_end"),
        source_symbol=first("symbol", "period_start"),
        source_count=Subquery(count[:1]),
    )


def organisations_xml(
    *,
    organisations: QuerySet[Organisation],
    actor: Actor,
    generated: dt.datetime,
    on_skip: OnSkip | None = None,
) -> bytes:
    """The organisations the actor may see, as an iati-organisations file."""
    buffer = io.BytesIO()
    write_organisations(
        buffer,
        organisations=organisations,
        actor=actor,
        generated=generated,
        on_skip=on_skip,
    )
    return buffer.getvalue()


def write_organisations(stream: BinaryIO, **options: Any) -> int:
    """Write the iati-organisations file to `stream` (`organisation_chunks`)."""
    return drain(organisation_chunks(**options), stream)


def organisation_chunks(
    *,
    organisations: QuerySet[Organisation],
    actor: Actor,
    generated: dt.datetime,
    on_skip: OnSkip | None = None,
) -> Generator[bytes, None, int]:
    """Each organisation reports on itself, as IATI's organisation files do; one
    without an IATI identifier cannot be named in the file and is left out."""
    skip = on_skip or _ignore
    rows = (
        organisations_visible_to(actor)
        .filter(pk__in=organisations.values("pk"))
        .prefetch_related("identifiers")
        .order_by("key")
    )
    root = {"version": VERSION, "generated-datetime": iso_datetime(generated)}
    count = 0
    sink = Pieces()
    with etree.xmlfile(sink, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-organisations", root):
            xf.write("\n")
            for org in rows.iterator(chunk_size=CHUNK):
                element = _organisation(org)
                if element is None:
                    skip(org.key, "organisation left out: no IATI identifier")
                    continue
                xf.write(element, pretty_print=True)
                count += 1
                if sink.size >= PIECE:
                    yield sink.take()
    yield sink.take()
    if not count:
        raise ExportError(
            _(
                "No organisation can be exported: none the reader may see has an "
                "IATI organisation identifier."
            )
        )
    return count


def _organisation(org: Organisation) -> etree._Element | None:
    ref = identifier(org, IATI_SCHEME)
    if not ref:
        return None
    element = etree.Element(
        "iati-organisation", {"last-updated-datetime": iso_datetime(org.updated_at)}
    )
    element.set(XML_LANG, DEFAULT_LANG)
    etree.SubElement(element, "organisation-identifier").text = ref
    add_narratives(etree.SubElement(element, "name"), texts(org, "name"))
    org_element(element, "reporting-org", org)
    return element
