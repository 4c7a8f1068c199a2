"""Staff decisions on near matches (near.py): the same organisation, or not.

- **Same**: when the import created an organisation for the name, it is merged
  into the registry's (`curation.merge.organisation_merge`: participations,
  names, evidence move; the created record is soft-deleted, its name kept as an
  alias); when it created none (a provider or receiver of money), the name is
  added to the registry's organisation as an alias, so the next import of the
  file links the lines to it.
- **Different**: nothing changes but the proposal's status; the pair is not
  proposed again (one proposal per name and organisation).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.core.actor import Actor
from partnerships.core.errors import NotAllowed
from partnerships.curation.merge import organisation_merge
from partnerships.interop.models import MatchStatus, NameMatch
from partnerships.registry.models import NameKind
from partnerships.registry.services import organisation_name_add


def match_decide(*, actor: Actor, match: NameMatch, same: bool) -> NameMatch:
    if not actor.is_staff_role:
        raise NotAllowed(_("Only editors and administrators decide on near matches."))
    if match.status != MatchStatus.PENDING:
        raise ValidationError(_("This near match was already decided."))
    why = f"IATI near match {match.pk} ({match.file_name})"
    with transaction.atomic():
        created = match.created
        if same and created is not None and created.deleted_at is None:
            organisation_merge(
                actor=actor,
                source=created,
                target=match.organisation,
                expected_version=created.version,
                reason=why,
            )
        elif same:
            organisation_name_add(
                actor=actor,
                organisation=match.organisation,
                kind=NameKind.ALIAS,
                lang=match.lang,
                value=match.name,
                reason=why,
            )
        match.status = MatchStatus.SAME if same else MatchStatus.DIFFERENT
        match.decided_by_id = actor.user_id
        match.decided_at = timezone.now()
        match.save(update_fields=["status", "decided_by", "decided_at"])
    return match
