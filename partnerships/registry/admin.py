from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.core.admin import PolicyScopedAdmin, ReadOnlyInline, VersionedAdmin
from partnerships.core.languages import field_names
from partnerships.registry import services
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.registry.search import organisations_matching
from partnerships.registry.visibility import (
    can_edit_organisation,
    organisations_visible_to,
)


class OrganisationNameInline(ReadOnlyInline):
    model = OrganisationName


class IdentifierInline(ReadOnlyInline):
    model = Identifier


@admin.register(Organisation)
class OrganisationAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = [
        "key",
        "name_en",
        "name_zh",
        "category",
        "country",
        "is_published",
        "deleted_at",
    ]
    list_filter = ["category", "is_published", "is_synthetic"]
    readonly_fields = ["deleted_at"]
    subject = "organisation"
    editable_fields = (
        *field_names("name"),
        "category",
        "country",
        "parent",
        "website",
        "is_published",
    )
    create_service = staticmethod(services.organisation_create)
    update_service = staticmethod(services.organisation_update)
    delete_service = staticmethod(services.organisation_delete)
    restore_service = staticmethod(services.organisation_restore)

    def get_queryset(self, request):
        actor = self.actor(request)
        if actor.is_admin:
            return Organisation.objects.all()
        return organisations_visible_to(actor)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (
            obj is None or can_edit_organisation(self.actor(request), obj)
        )

    # The registry's one search (registry/search.py) answers the search box and
    # the autocomplete of the pickers: 开发署 (a short form) or UNDP (an acronym)
    # finds the organisation. Django shows the box when search_fields is set.
    search_fields = ["key"]

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        found = organisations_matching(search_term).values("pk")
        return queryset.filter(pk__in=found), False

    autocomplete_fields = ["parent", "country"]
    inlines = [OrganisationNameInline, IdentifierInline]


def _names_visible_to(actor):
    return OrganisationName.objects.filter(
        organisation__in=organisations_visible_to(actor)
    )


def _identifiers_visible_to(actor):
    return Identifier.objects.filter(organisation__in=organisations_visible_to(actor))


@admin.register(OrganisationName)
class OrganisationNameAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = _names_visible_to
    list_display = ["value", "kind", "lang", "organisation"]
    list_filter = ["kind", "lang"]
    search_fields = ["value", "organisation__key"]
    autocomplete_fields = ["organisation"]


@admin.register(Identifier)
class IdentifierAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = _identifiers_visible_to
    list_display = ["scheme", "value", "organisation"]
    list_filter = ["scheme"]
    search_fields = ["value", "organisation__key"]
    autocomplete_fields = ["organisation"]
