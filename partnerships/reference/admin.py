from django.contrib import admin

from partnerships.reference.models import (
    Country,
    Currency,
    IatiOrganisationRole,
    OrganisationType,
    Region,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
    Theme,
)


@admin.register(Country, Currency, Region, OrganisationType, IatiOrganisationRole)
class CodelistAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en"]
    search_fields = ["code", "name_en"]


@admin.register(SdgGoal, SdgTarget, SdgIndicator)
class SdgAdmin(admin.ModelAdmin):
    list_display = ["code", "title_en"]
    search_fields = ["code", "title_en", "title_zh"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["code", "name_en", "name_zh", "position"]
