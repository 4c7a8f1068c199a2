"""The codes an activity is checked against, loaded once per file: the
registry's own tables (so the foreign keys hold) and IATI's codelists."""

from __future__ import annotations

from dataclasses import dataclass

from partnerships.interop.iati.codelists import active_codes
from partnerships.reference.models import Country, Currency, Region, SdgTarget, Theme


@dataclass
class Codes:
    countries: frozenset[str]
    regions: frozenset[str]
    currencies: frozenset[str]
    roles: frozenset[str]
    statuses: frozenset[str]
    themes: frozenset[str]
    targets: frozenset[str]

    @classmethod
    def load(cls) -> Codes:
        def pks(model: type) -> frozenset[str]:
            return frozenset(model.objects.values_list("pk", flat=True))

        return cls(
            countries=pks(Country),
            regions=pks(Region),
            currencies=pks(Currency),
            roles=active_codes("OrganisationRole"),
            statuses=active_codes("ActivityStatus"),
            themes=pks(Theme),
            targets=pks(SdgTarget),
        )
