"""Filters of organisation lists (the API's and the exports')."""

from __future__ import annotations

import django_filters as filters
from django.db.models import QuerySet

from partnerships.reference.regions import with_subregions
from partnerships.registry.categories import Category
from partnerships.registry.models import Organisation
from partnerships.registry.search import organisations_matching


class OrganisationFilter(filters.FilterSet):
    q = filters.CharFilter(
        method="search", label="Any name, acronym, short form or identifier"
    )
    category = filters.ChoiceFilter(choices=Category.choices)
    country = filters.CharFilter(field_name="country_id")
    region = filters.CharFilter(
        method="in_region", label="UN M49 region or sub-region code"
    )

    class Meta:
        model = Organisation
        fields = ["q", "category", "country", "region"]

    def search(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(pk__in=organisations_matching(value).values("pk"))

    def in_region(self, qs: QuerySet, name: str, value: str) -> QuerySet:
        return qs.filter(country__un_subregion__in=with_subregions(value))
