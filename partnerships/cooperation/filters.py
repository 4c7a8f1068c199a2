"""Filters of engagement and participation lists (the API's and the exports').

The period (`start`, `end`) is added by `sources.filters.EngagementPeriodFilter`:
the period rule needs the source documents.

Joins go through EXISTS subqueries, so no row repeats.
"""

from __future__ import annotations

import django_filters as filters
from django.db.models import Exists, OuterRef, Q, QuerySet

from partnerships.cooperation.models import (
    Engagement,
    Kind,
    Participation,
    Place,
    Role,
    Status,
)
from partnerships.core.actor import ANONYMOUS, Actor
from partnerships.core.languages import UN_LANGUAGES
from partnerships.reference.regions import with_subregions
from partnerships.registry.categories import Category
from partnerships.registry.search import organisations_matching
from partnerships.registry.visibility import organisations_visible_to

PARTNER_LIMIT = 1000


class EngagementFilter(filters.FilterSet):
    """Filters by partners follow only the organisations and participations the
    `actor` may see, so a filter answers for a hidden organisation as for an
    unknown one."""

    takes_actor = True
    q = filters.CharFilter(
        method="search", label="Words of a title or summary, or a partner's name"
    )
    kind = filters.ChoiceFilter(choices=Kind.choices)
    status = filters.ChoiceFilter(choices=Status.choices)
    theme = filters.CharFilter(method="by_theme")
    sdg_target = filters.CharFilter(method="by_target")
    organisation = filters.CharFilter(
        method="by_organisation", label="Key of a participating organisation"
    )
    role = filters.ChoiceFilter(choices=Role.choices, method="by_role")
    category = filters.ChoiceFilter(choices=Category.choices, method="by_category")
    country = filters.CharFilter(method="by_country")
    region = filters.CharFilter(
        method="by_region", label="UN M49 region or sub-region code"
    )

    class Meta:
        model = Engagement
        fields = ["q", "kind", "status"]

    def __init__(self, *args: object, actor: Actor = ANONYMOUS, **kwargs: object):
        super().__init__(*args, **kwargs)
        self.actor = actor

    def _partners(self) -> QuerySet:
        # The engagements are already those the actor may see; their partners
        # must be too.
        # Asked per participation (EXISTS on the organisation's key), not as an IN
        # list: SQLite would probe the (engagement, organisation, role) index once
        # per visible organisation for every engagement it tests.
        return Participation.objects.filter(
            Exists(
                organisations_visible_to(self.actor).filter(
                    pk=OuterRef("organisation_id")
                )
            )
        )

    def _with(self, qs: QuerySet, model: type, **lookup: object) -> QuerySet:
        rows = self._partners() if model is Participation else model.objects.all()
        return qs.filter(Exists(rows.filter(engagement=OuterRef("pk"), **lookup)))

    def search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        condition = Q(key=value.strip())
        for lang in UN_LANGUAGES:
            condition |= Q(**{f"title_{lang}__icontains": value})
            condition |= Q(**{f"summary_{lang}__icontains": value})
        # The partners are looked up once, not once per engagement; a word that
        # names more than PARTNER_LIMIT organisations is too vague to follow them all.
        partners = list(
            organisations_matching(value)
            .filter(pk__in=organisations_visible_to(self.actor).values("pk"))
            .values_list("pk", flat=True)[:PARTNER_LIMIT]
        )
        if partners:
            with_partner = self._partners().filter(organisation_id__in=partners)
            condition |= Q(pk__in=with_partner.values("engagement_id"))
        return qs.filter(condition)

    def by_theme(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(
            Exists(
                Engagement.themes.through.objects.filter(
                    engagement_id=OuterRef("pk"), theme_id=value
                )
            )
        )

    def by_target(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        through = Engagement.sdg_targets.through
        return qs.filter(
            Exists(
                through.objects.filter(engagement_id=OuterRef("pk"), sdgtarget_id=value)
            )
        )

    def by_organisation(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return self._with(qs, Participation, organisation__key=value)

    def by_role(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        organisation = self.data.get("organisation")
        lookup: dict[str, object] = {"role": value}
        if organisation:
            lookup["organisation__key"] = organisation
        return self._with(qs, Participation, **lookup)

    def by_category(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return self._with(qs, Participation, organisation__category=value)

    def by_country(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return self._among(qs, Place.objects.filter(country_id=value))

    def by_region(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        subregions = with_subregions(value)
        return self._among(
            qs, Place.objects.filter(country__un_subregion__in=subregions)
        )

    @staticmethod
    def _among(qs: QuerySet, rows: QuerySet) -> QuerySet:
        """`pk IN (engagements of these rows)`: the database starts from the
        rows' own index (a country's places) rather than testing every engagement,
        which a rare country would make a scan of them all."""
        return qs.filter(pk__in=rows.values("engagement_id"))


class ParticipationFilter(filters.FilterSet):
    engagement = filters.CharFilter(field_name="engagement__key")
    organisation = filters.CharFilter(field_name="organisation__key")
    role = filters.ChoiceFilter(choices=Role.choices)

    class Meta:
        model = Participation
        fields = ["engagement", "organisation", "role"]
