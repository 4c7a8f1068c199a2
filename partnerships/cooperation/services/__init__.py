"""Every write to engagements, participations, places, contributions and change
proposals: permission, validation, version check and audit in one place.

Staff pages, the back office, the API, imports, the review queue and the loaders all
call these (the bulk path is `cooperation/bulk.py`); nothing else writes these
models (a test checks it). A write always names its actor (`core.actor`): a user's,
or a system actor for loaders and commands.
"""

from partnerships.cooperation.services.engagements import (
    EDITABLE,
    engagement_create,
    engagement_delete,
    engagement_restore,
    engagement_update,
)
from partnerships.cooperation.services.loading import (
    ContributionSpec,
    EngagementSpec,
    PlaceSpec,
    contribution_ensure,
    engagement_upsert,
    participation_ensure,
    place_ensure,
)
from partnerships.cooperation.services.parts import (
    contribution_add,
    participation_add,
    participation_remove,
    place_add,
    place_city_name,
    place_remove,
    touch_engagement,
    with_reason,
)
from partnerships.cooperation.services.proposals import (
    proposal_create,
    proposal_decide,
)

__all__ = [
    "EDITABLE",
    "ContributionSpec",
    "EngagementSpec",
    "PlaceSpec",
    "contribution_add",
    "contribution_ensure",
    "engagement_create",
    "engagement_delete",
    "engagement_restore",
    "engagement_update",
    "engagement_upsert",
    "participation_add",
    "participation_ensure",
    "participation_remove",
    "place_add",
    "place_city_name",
    "place_ensure",
    "place_remove",
    "proposal_create",
    "proposal_decide",
    "touch_engagement",
    "with_reason",
]
