from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.core.languages import field_names
from partnerships.registry.models import Identifier, Organisation, OrganisationName


class OrganisationNameInline(admin.TabularInline):
    model = OrganisationName
    extra = 0


class IdentifierInline(admin.TabularInline):
    model = Identifier
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["key", "name_en", "name_zh", "category", "country", "is_synthetic"]
    list_filter = ["category", "is_synthetic"]
    # A search for 开发署 (a short form) or UNDP (an acronym) finds the organisation.
    search_fields = [
        "key",
        *field_names("name"),
        "other_names__value",
        "identifiers__value",
    ]
    autocomplete_fields = ["parent", "country"]
    inlines = [OrganisationNameInline, IdentifierInline]


@admin.register(OrganisationName)
class OrganisationNameAdmin(SimpleHistoryAdmin):
    list_display = ["value", "kind", "lang", "organisation"]
    list_filter = ["kind", "lang"]
    search_fields = ["value", "organisation__key"]
    autocomplete_fields = ["organisation"]


@admin.register(Identifier)
class IdentifierAdmin(SimpleHistoryAdmin):
    list_display = ["scheme", "value", "organisation"]
    list_filter = ["scheme"]
    search_fields = ["value", "organisation__key"]
    autocomplete_fields = ["organisation"]
