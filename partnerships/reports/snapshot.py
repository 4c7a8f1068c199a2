"""Collect everything a report run needs, through the permission layer, as plain data.

A run stores this snapshot: rendering reads only the snapshot, never the registry, so
a stored run renders the same after the registry changes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

from django.db.models import Prefetch

from partnerships.cooperation.models import Engagement, Participation, Place
from partnerships.cooperation.money import measure_of
from partnerships.cooperation.visibility import (
    contributions_visible_to,
    engagements_visible_to,
    money_lines_visible_to,
)
from partnerships.core.actor import Actor
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.report_sections import provided_figures
from partnerships.reference.models import Theme
from partnerships.reference.unterm import country_names, english_takes_the
from partnerships.registry.models import Organisation
from partnerships.registry.visibility import organisations_visible_to
from partnerships.reports.articles import country_articles
from partnerships.reports.models import ParagraphText, Report
from partnerships.reports.outline import outline_snapshot, read_phrases
from partnerships.reports.regions import dac_region_names, m49_names
from partnerships.sources.models import Evidence
from partnerships.sources.periods import engagements_of_period, undated_left_out
from partnerships.sources.visibility import documents_visible_to, passages_visible_to

SNAPSHOT_SCHEMA = 1


def digest(data: Any) -> str:
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _names(obj: Any, base: str) -> dict[str, str]:
    return {
        lang: text
        for lang in UN_LANGUAGES
        if (text := getattr(obj, f"{base}_{lang}", ""))
    }


def _engagements_of_period(report: Report, actor: Actor) -> list[int]:
    """Ids of the engagements the actor may see that belong to the report's period
    (the rule is `sources.periods.engagements_of_period`)."""
    return list(
        engagements_of_period(
            engagements_visible_to(actor),
            report.period_start,
            report.period_end,
            documents_visible_to(actor),
        ).values_list("pk", flat=True)
    )


def _left_out(report: Report, actor: Actor) -> list[dict[str, Any]]:
    """The undated engagements the period leaves out for lack of dates, for the
    draft's annex (never the public text): key, title and the documents telling
    them."""
    left_out = undated_left_out(
        engagements_visible_to(actor),
        report.period_start,
        report.period_end,
        documents_visible_to(actor),
    ).order_by("key")
    told = Evidence.objects.filter(
        engagement__in=left_out, passage__document__in=documents_visible_to(actor)
    ).values_list("engagement__key", "passage__document__symbol")
    symbols: dict[str, set[str]] = {}
    for key, symbol in told:
        symbols.setdefault(key, set()).add(symbol)
    return [
        {
            "key": e.key,
            "kind": e.kind,
            "title": _names(e, "title"),
            "documents": sorted(symbols.get(e.key, ())),
        }
        for e in left_out
    ]


def _engagements(chosen: list[int], actor: Actor):
    """The chosen engagements with everything their rows read, evidence limited to
    the passages the actor may see."""
    visible_passages = passages_visible_to(actor)
    return (
        Engagement.objects.filter(pk__in=chosen)
        .select_related("parent")
        .prefetch_related(
            "themes",
            "sdg_targets",
            Prefetch(
                "places", queryset=Place.objects.select_related("country", "region")
            ),
            Prefetch(
                "participations",
                queryset=Participation.objects.select_related(
                    "organisation"
                ).prefetch_related("contributions"),
            ),
            Prefetch(
                "evidence",
                queryset=Evidence.objects.filter(
                    passage__in=visible_passages
                ).select_related("passage__document"),
            ),
        )
        .order_by("key")
    )


def _visible_parents(chosen: list[int], actor: Actor) -> set[int]:
    return set(
        engagements_visible_to(actor)
        .filter(children__in=chosen)
        .values_list("pk", flat=True)
    )


def _visible_participants(chosen: list[int], actor: Actor) -> set[int]:
    participant_ids = set(
        Participation.objects.filter(engagement_id__in=chosen).values_list(
            "organisation_id", flat=True
        )
    )
    return set(
        organisations_visible_to(actor)
        .filter(pk__in=participant_ids)
        .values_list("pk", flat=True)
    )


def _participant_row(p: Participation) -> dict[str, Any]:
    return {
        "org": p.organisation.key,
        "role": p.role,
        "money": [
            {
                "amount": str(c.amount),
                "currency": c.currency_id,
                "date": _iso(c.value_date),
                "precision": c.value_precision or None,
            }
            for c in p.contributions.all()
        ],
    }


def _participants(
    engagement: Engagement, visible_orgs: set[int], org_ids: set[int]
) -> list[dict[str, Any]]:
    """The visible participants of the engagement; their organisations are added to
    `org_ids`, the organisations the snapshot describes."""
    participants = []
    for p in engagement.participations.all():
        if p.organisation_id not in visible_orgs:
            continue
        org_ids.add(p.organisation_id)
        participants.append(_participant_row(p))
    participants.sort(key=lambda p: (p["role"], p["org"]))
    return participants


def _place_row(place: Place) -> dict[str, Any]:
    return {
        "country": place.country_id,
        "country_names": country_names(place.country_id) if place.country_id else {},
        "country_the": bool(place.country_id) and english_takes_the(place.country_id),
        "country_articles": country_articles(place.country_id)
        if place.country_id
        else {},
        "region": place.region_id,
        "region_names": (
            dac_region_names(place.region_id, place.region.name_en)
            if place.region_id
            else {}
        ),
        "city": _names(place, "city"),
    }


def _evidence_rows(engagement: Engagement) -> list[dict[str, Any]]:
    ev = sorted(
        engagement.evidence.all(),
        key=lambda e: (e.passage.document.symbol, e.passage.number, e.pk),
    )
    return [
        {
            "document": e.passage.document.symbol,
            "paragraph": e.passage.number,
            "chapter": e.passage.chapter,
            "section": e.passage.section,
            "quote": e.quote,
        }
        for e in ev
    ]


def _parent_row(engagement: Engagement, parents: set[int]) -> dict[str, Any] | None:
    if engagement.parent_id not in parents:
        return None
    return {
        "key": engagement.parent.key,
        "kind": engagement.parent.kind,
        "title": _names(engagement.parent, "title"),
    }


def _engagement_row(
    engagement: Engagement, participants: list[dict[str, Any]], parents: set[int]
) -> dict[str, Any]:
    return {
        "key": engagement.key,
        "kind": engagement.kind,
        "status": engagement.status,
        "start": _iso(engagement.start_date),
        "start_precision": engagement.start_precision or None,
        "end": _iso(engagement.end_date),
        "end_precision": engagement.end_precision or None,
        "title": _names(engagement, "title"),
        "summary": _names(engagement, "summary"),
        "themes": [
            t.code
            for t in sorted(engagement.themes.all(), key=lambda t: (t.position, t.code))
        ],
        "sdg_targets": sorted(t.pk for t in engagement.sdg_targets.all()),
        "places": [_place_row(place) for place in engagement.places.all()],
        "participants": participants,
        "parent": _parent_row(engagement, parents),
        "evidence": _evidence_rows(engagement),
    }


def _organisation_row(org: Organisation) -> dict[str, Any]:
    other: dict[str, dict[str, list[str]]] = {}
    for name in sorted(org.other_names.all(), key=lambda n: (n.kind, n.lang, n.value)):
        other.setdefault(name.kind, {}).setdefault(name.lang, []).append(name.value)
    return {
        "name": _names(org, "name"),
        "short": {lang: values[0] for lang, values in other.get("short", {}).items()},
        "acronym": {
            lang: values[0] for lang, values in other.get("acronym", {}).items()
        },
        "category": org.category,
        "country": org.country_id,
        "region": org.country.un_subregion_id if org.country_id else None,
    }


def _organisations(org_ids: set[int]) -> dict[str, dict[str, Any]]:
    return {
        org.key: _organisation_row(org)
        for org in Organisation.objects.filter(pk__in=org_ids)
        .select_related("country")
        .prefetch_related("other_names")
        .order_by("key")
    }


def _texts(report: Report) -> list[dict[str, Any]]:
    return [
        {
            "lang": t.lang,
            "anchor": t.anchor,
            "text": t.text,
            "fingerprint": t.fingerprint,
        }
        for t in ParagraphText.objects.filter(report=report).order_by("anchor", "lang")
    ]


def collect(report: Report, actor: Actor) -> dict[str, Any]:
    chosen = _engagements_of_period(report, actor)
    engagements = _engagements(chosen, actor)
    parents = _visible_parents(chosen, actor)
    visible_orgs = _visible_participants(chosen, actor)
    org_ids: set[int] = {report.reporter_id}
    rows = []
    for engagement in engagements:
        participants = _participants(engagement, visible_orgs, org_ids)
        rows.append(_engagement_row(engagement, participants, parents))
    used_themes = {code for row in rows for code in row["themes"]}
    themes = {
        t.code: _names(t, "name") for t in Theme.objects.filter(code__in=used_themes)
    }
    documents = sorted({e["document"] for row in rows for e in row["evidence"]})
    organisations = _organisations(org_ids)
    regions = {org["region"] for org in organisations.values() if org["region"]}
    return {
        "schema": SNAPSHOT_SCHEMA,
        "report": report_metadata(report),
        "outline": outline_snapshot(),
        "phrases": read_phrases(),
        "engagements": rows,
        "organisations": organisations,
        # The M49 names of the partners' regions (statistics annex).
        "regions": {code: m49_names(code) for code in sorted(regions)},
        "themes": themes,
        "documents": documents,
        "texts": _texts(report),
        "left_out": _left_out(report, actor),
        # The engagements' money lines, each with its measure (cooperation.money):
        # the statistics annex totals them within one measure and currency.
        "money_lines": _money_lines(chosen, actor),
        # Other apps' figures of the period (core.report_sections): sections
        # VIII.G, VIII.H and IX tell the stakeholder records.
        "provided": provided_figures(report.period_start, report.period_end, actor),
    }


def _money_lines(chosen: list[int], actor: Actor) -> list[dict[str, Any]]:
    """The money lines of the chosen engagements the actor may see, each with its
    measure; a contribution entered by hand that has no line of its own counts as
    the line migration 0007 gave the older ones: an incoming commitment (type 11)."""
    lines = [
        _line_row(line.engagement.key, line.kind, line.type_code, line)
        for line in money_lines_visible_to(actor)
        .filter(engagement_id__in=chosen)
        .select_related("engagement")
        .order_by("engagement__key", "position")
    ]
    unlined = (
        contributions_visible_to(actor)
        .filter(participation__engagement_id__in=chosen, line__isnull=True)
        .select_related("participation__engagement")
        .order_by("participation__engagement__key", "pk")
    )
    for money in unlined:
        key = money.participation.engagement.key
        lines.append(_line_row(key, "transaction", INCOMING_COMMITMENT, money))
    return lines


INCOMING_COMMITMENT = "11"


def _line_row(key: str, kind: str, type_code: str, line: Any) -> dict[str, Any]:
    return {
        "engagement": key,
        "measure": measure_of(kind, type_code),
        "kind": kind,
        "type_code": type_code,
        "period_start": _iso(getattr(line, "period_start", None)),
        "period_end": _iso(getattr(line, "period_end", None)),
        "amount": str(line.amount),
        "currency": line.currency_id,
    }


def report_metadata(report: Report) -> dict[str, Any]:
    return {
        "key": report.key,
        "reporter": report.reporter.key,
        "period_start": report.period_start.isoformat(),
        "period_end": report.period_end.isoformat(),
        "symbol": report.symbol,
        "original_language": report.original_language,
        "distribution": report.distribution,
        "date": _iso(report.date),
        "session_start": _iso(report.session_start),
        "session_end": _iso(report.session_end),
        "agenda_item": report.agenda_item,
        "texts": report.texts,
    }
