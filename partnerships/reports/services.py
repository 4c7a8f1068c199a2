"""Report runs: compose from the registry (through the permission layer), store the
snapshot, render it again at will, compare runs, keep staff-written paragraphs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db import transaction

from partnerships.accounts.actors import actor_for
from partnerships.core.actor import ANONYMOUS, Actor, system_actor
from partnerships.core.languages import UN_LANGUAGES
from partnerships.core.versioned import audited_save
from partnerships.registry.models import Organisation
from partnerships.reports.compose import compose
from partnerships.reports.models import ParagraphText, Report, ReportRun
from partnerships.reports.snapshot import collect, digest

# Who writes a paragraph when no signed-in user does (the command line).
WRITER = system_actor("report")


def audience(actor: Actor) -> str:
    return actor.role if actor.user_id is None else f"{actor.role}:{actor.user_id}"


def run_readable_by(run: ReportRun, actor: Actor) -> bool:
    """Who composed a run and administrators read it; other editors only when it
    was composed with the public view (it holds no more than the public sees)."""
    if actor.is_admin:
        return True
    if actor.user_id is not None and run.created_by_id == actor.user_id:
        return True
    return actor.is_editor and run.audience == audience(ANONYMOUS)


@transaction.atomic
def create_run(report: Report, actor: Actor, user: Any = None) -> ReportRun:
    snapshot = collect(report, actor)
    return ReportRun.objects.create(
        report=report,
        created_by=user if getattr(user, "is_authenticated", False) else None,
        audience=audience(actor),
        snapshot=snapshot,
        digest=digest(snapshot),
    )


def report_for_period(
    start: dt.date, end: dt.date, reporter_key: str, symbol: str = ""
) -> Report:
    """The report of exactly this period, made with default metadata when missing."""
    existing = Report.objects.filter(period_start=start, period_end=end).first()
    if existing:
        return existing
    reporter = Organisation.objects.get(key=reporter_key)
    key = f"report-{start:%Y%m%d}-{end:%Y%m%d}"
    return Report.objects.create(
        key=key,
        reporter=reporter,
        period_start=start,
        period_end=end,
        symbol=symbol or f"DRAFT/{start:%Y}-{end:%Y}",
    )


def save_paragraph_text(
    report: Report, lang: str, anchor: str, text: str, user: Any, run: ReportRun | None
) -> ParagraphText:
    """Keep a staff-written paragraph; it records the data it was written against."""
    if lang not in UN_LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    fingerprint = ""
    if run is not None:
        for paragraph in compose(run.snapshot).paragraphs():
            if paragraph.anchor == anchor:
                fingerprint = paragraph.fingerprint
                break
        else:
            if not anchor.partition("/")[2].startswith("text-"):
                raise ValueError(f"no paragraph {anchor!r} in run {run.pk}")
    item, _ = ParagraphText.objects.get_or_create(
        report=report, lang=lang, anchor=anchor, defaults={"text": text}
    )
    item.text = text
    item.fingerprint = fingerprint
    item.written_by = user if getattr(user, "is_authenticated", False) else None
    audited_save(
        item,
        actor=actor_for(item.written_by) if item.written_by else WRITER,
        reason=f"paragraph {anchor} [{lang}] written",
    )
    return item
