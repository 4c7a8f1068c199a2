"""Import of the spreadsheet template (docs/spreadsheets.md).

The whole workbook is checked first and every problem listed with its sheet, row
and column; nothing is written unless the file is clean. Then, in one transaction,
organisations, engagements and participations are written through the services
that check the actor's permission and record the audit. Only what differs from
the database is written, so importing the same file twice changes nothing.
"""

from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from partnerships.cooperation import services as engagement_services
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
)
from partnerships.cooperation.services import (
    ContributionSpec,
    contribution_ensure,
    participation_ensure,
    place_ensure,
)
from partnerships.cooperation.visibility import can_edit_engagement
from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed, StaleVersion
from partnerships.interop.sheets.checks import Checker
from partnerships.interop.sheets.plan import (
    REASON,
    Change,
    ImportRefused,
    Plan,
)
from partnerships.interop.sheets.template import (
    Problem,
    Rows,
    read_workbook,
)
from partnerships.registry import services as organisation_services
from partnerships.registry.models import Organisation


def plan_import(rows: Rows, actor: Actor) -> Plan:
    """Check every row; the plan of writes, or ImportRefused listing each problem."""
    checker = Checker(rows, actor)
    plan = Plan(
        organisations=checker.organisations(),
        engagements=checker.engagements(),
    )
    plan.participations = checker.participations()
    plan.new_participations = checker.new_participations
    plan.new_contributions = checker.new_contributions
    if checker.problems:
        raise ImportRefused(checker.problems)
    return plan


def _write_organisation(change: Change, actor: Actor) -> None:
    if change.existing is None:
        organisation_services.organisation_create(
            actor=actor, key=change.key, changes=change.changes, reason=REASON
        )
        return
    current = Organisation.objects.get(pk=change.existing.pk)
    # Last write wins: the version is the row's at import time.
    organisation_services.organisation_update(
        actor=actor,
        organisation=current,
        expected_version=current.version,
        changes=change.changes,
        reason=REASON,
    )


def _write_engagement(change: Change, actor: Actor) -> None:
    if change.existing is None:
        engagement = engagement_services.engagement_create(
            actor=actor, key=change.key, changes=change.changes, reason=REASON
        )
    else:
        engagement = Engagement.objects.get(pk=change.existing.pk)
        if change.changes:
            engagement = engagement_services.engagement_update(
                actor=actor,
                engagement=engagement,
                expected_version=engagement.version,
                changes=change.changes,
                reason=REASON,
            )
        elif change.places and not can_edit_engagement(actor, engagement):
            raise NotAllowed(
                _("You may not change the engagement %(key)s.") % {"key": change.key}
            )
    for place in change.places:
        place_ensure(actor=actor, engagement=engagement, spec=place, reason=REASON)


def _write_participations(plan: Plan, actor: Actor) -> None:
    allowed: dict[str, Engagement] = {}
    for (org_key, eng_key, role), money in plan.participations.items():
        engagement = allowed.get(eng_key) or Engagement.objects.get(key=eng_key)
        organisation = Organisation.objects.get(key=org_key)
        lookup = {"engagement": engagement, "organisation": organisation, "role": role}
        exists = Participation.objects.filter(**lookup).first()
        if exists and all(_has(exists, spec) for spec in money):
            continue
        if eng_key not in allowed:
            if not can_edit_engagement(actor, engagement):
                raise NotAllowed(
                    _("You may not change who takes part in the engagement %(key)s.")
                    % {"key": eng_key}
                )
            allowed[eng_key] = engagement
        part, _new = participation_ensure(actor=actor, **lookup, reason=REASON)
        for spec in money:
            contribution_ensure(
                actor=actor, participation=part, spec=spec, reason=REASON
            )


def _has(part: Participation, spec: ContributionSpec) -> bool:
    return Contribution.objects.filter(
        participation=part,
        amount=spec.amount,
        currency_id=spec.currency,
        value_date=spec.value.value if spec.value else None,
    ).exists()


def apply_plan(plan: Plan, actor: Actor) -> None:
    """Write the plan in one transaction: all of it or, on any refusal, nothing."""
    try:
        with transaction.atomic():
            for change in plan.organisations:
                _write_organisation(change, actor)
            for change in plan.engagements:
                _write_engagement(change, actor)
            _write_participations(plan, actor)
    except (NotAllowed, StaleVersion) as error:
        raise ImportRefused([Problem("", 0, "", str(error))]) from error
    except ValidationError as error:
        raise ImportRefused([Problem("", 0, "", "; ".join(error.messages))]) from error


def import_workbook(path: Path | str, actor: Actor, *, dry_run: bool = False) -> Plan:
    rows, problems = read_workbook(path)
    if problems:
        raise ImportRefused(problems)
    plan = plan_import(rows, actor)
    if not dry_run:
        apply_plan(plan, actor)
    return plan
