"""Filters of passage lists, and the period filter of engagement lists."""

from __future__ import annotations

import django_filters as filters
from django.db.models import QuerySet

from partnerships.cooperation.filters import EngagementFilter
from partnerships.core.actor import ANONYMOUS
from partnerships.sources.models import Passage
from partnerships.sources.periods import engagements_of_period
from partnerships.sources.visibility import documents_visible_to


class PassageFilter(filters.FilterSet):
    q = filters.CharFilter(field_name="text", lookup_expr="icontains")
    document = filters.CharFilter(field_name="document__symbol")

    class Meta:
        model = Passage
        fields = ["q", "document"]


class EngagementPeriodFilter(EngagementFilter):
    """The engagement filters with the period of `sources.periods`: `start` and
    `end` (either may be left open). The published source documents vouch for
    undated engagements, whoever asks: the same answer for every reader."""

    start = filters.DateFilter(
        method="in_period", label="Belongs to a period beginning on this date"
    )
    end = filters.DateFilter(
        method="in_period", label="Belongs to a period ending on this date"
    )

    def in_period(self, qs: QuerySet, name: str, value: object) -> QuerySet:
        # Both bounds are applied together in filter_queryset.
        return qs

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        start = self.form.cleaned_data.get("start")
        end = self.form.cleaned_data.get("end")
        if start is None and end is None:
            return queryset
        return engagements_of_period(
            queryset, start, end, documents_visible_to(ANONYMOUS)
        )
