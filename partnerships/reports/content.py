"""Write one language's text of a registry record (an organisation's name, an
engagement's title) through its domain service, when it differs: the terminology
import and the translation import share this."""

from __future__ import annotations

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.services.engagements import engagement_update
from partnerships.core.actor import Actor
from partnerships.registry.models import Organisation
from partnerships.registry.services import organisation_update


def set_text(
    record: Organisation | Engagement, field: str, value: str, actor: Actor, reason: str
) -> bool:
    """Set `field` (`name_fr`, `title_ru`) to `value`; False when it already is."""
    if getattr(record, field) == value:
        return False
    if isinstance(record, Organisation):
        service, subject = organisation_update, "organisation"
    else:
        service, subject = engagement_update, "engagement"
    service(
        actor=actor,
        expected_version=record.version,
        changes={field: value},
        reason=reason,
        **{subject: record},
    )
    return True
