"""Filters of passage lists."""

from __future__ import annotations

import django_filters as filters

from partnerships.sources.models import Passage


class PassageFilter(filters.FilterSet):
    q = filters.CharFilter(field_name="text", lookup_expr="icontains")
    document = filters.CharFilter(field_name="document__symbol")

    class Meta:
        model = Passage
        fields = ["q", "document"]
