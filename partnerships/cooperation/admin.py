from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.core.languages import field_names


class PlaceInline(admin.TabularInline):
    model = Place
    extra = 0
    autocomplete_fields = ["country"]
    fields = ["country", "region", "city_en", "city_zh"]


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 0
    autocomplete_fields = ["organisation"]
    show_change_link = True


class ContributionInline(admin.TabularInline):
    model = Contribution
    extra = 0


@admin.register(Engagement)
class EngagementAdmin(SimpleHistoryAdmin):
    list_display = ["key", "title_en", "kind", "status", "start_date", "end_date"]
    list_filter = ["kind", "status", "themes", "is_synthetic"]
    search_fields = [
        "key",
        *field_names("title"),
        "participations__organisation__name_en",
        "participations__organisation__name_zh",
        "participations__organisation__other_names__value",
    ]
    autocomplete_fields = ["parent"]
    filter_horizontal = ["themes", "sdg_targets"]
    inlines = [PlaceInline, ParticipationInline]


@admin.register(Participation)
class ParticipationAdmin(SimpleHistoryAdmin):
    list_display = ["engagement", "organisation", "role"]
    list_filter = ["role"]
    search_fields = ["engagement__key", "organisation__key", "organisation__name_en"]
    autocomplete_fields = ["engagement", "organisation"]
    inlines = [ContributionInline]


@admin.register(Contribution)
class ContributionAdmin(SimpleHistoryAdmin):
    list_display = ["participation", "amount", "currency", "value_date"]
    list_filter = ["currency"]
    autocomplete_fields = ["participation"]


@admin.register(Place)
class PlaceAdmin(SimpleHistoryAdmin):
    list_display = ["engagement", "country", "region", "city_en"]
    list_filter = ["region"]
    search_fields = ["engagement__key", "city_en", "city_zh", "country__name_en"]
    autocomplete_fields = ["engagement", "country"]
