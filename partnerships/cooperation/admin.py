from django.contrib import admin, messages
from simple_history.admin import SimpleHistoryAdmin

from partnerships.cooperation import services
from partnerships.cooperation.models import (
    ChangeProposal,
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.cooperation.visibility import (
    can_edit_engagement,
    contributions_visible_to,
    engagements_visible_to,
    participations_visible_to,
    places_visible_to,
    proposals_visible_to,
)
from partnerships.core.admin import PolicyScopedAdmin, ReadOnlyInline, VersionedAdmin
from partnerships.core.errors import NotAllowed, StaleVersion
from partnerships.core.languages import field_names


class PlaceInline(ReadOnlyInline):
    model = Place
    fields = ["country", "region", "city_en", "city_zh"]


class ParticipationInline(ReadOnlyInline):
    model = Participation
    show_change_link = True


class ContributionInline(ReadOnlyInline):
    model = Contribution


@admin.register(Engagement)
class EngagementAdmin(VersionedAdmin, SimpleHistoryAdmin):
    list_display = [
        "key",
        "title_en",
        "kind",
        "status",
        "start_date",
        "is_published",
        "is_confidential",
    ]
    list_filter = [
        "kind",
        "status",
        "is_published",
        "is_confidential",
        "themes",
        "is_synthetic",
    ]
    readonly_fields = ["deleted_at"]
    subject = "engagement"
    editable_fields = (
        "kind",
        "status",
        *field_names("title"),
        *field_names("summary"),
        "start_date",
        "start_precision",
        "end_date",
        "end_precision",
        "parent",
        "themes",
        "sdg_targets",
        "is_published",
        "is_confidential",
    )
    create_service = staticmethod(services.engagement_create)
    update_service = staticmethod(services.engagement_update)
    delete_service = staticmethod(services.engagement_delete)
    restore_service = staticmethod(services.engagement_restore)

    def get_queryset(self, request):
        actor = self.actor(request)
        if actor.is_admin:
            return Engagement.objects.all()
        return engagements_visible_to(actor)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (
            obj is None or can_edit_engagement(self.actor(request), obj)
        )

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
class ParticipationAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = participations_visible_to
    list_display = ["engagement", "organisation", "role"]
    list_filter = ["role"]
    search_fields = ["engagement__key", "organisation__key", "organisation__name_en"]
    autocomplete_fields = ["engagement", "organisation"]
    inlines = [ContributionInline]


@admin.register(Contribution)
class ContributionAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = contributions_visible_to
    list_display = ["participation", "amount", "currency", "value_date"]
    list_filter = ["currency"]
    autocomplete_fields = ["participation"]


@admin.register(Place)
class PlaceAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = places_visible_to
    list_display = ["engagement", "country", "region", "city_en"]
    list_filter = ["region"]
    search_fields = ["engagement__key", "city_en", "city_zh", "country__name_en"]
    autocomplete_fields = ["engagement", "country"]


@admin.register(ChangeProposal)
class ChangeProposalAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = proposals_visible_to
    list_display = ["engagement", "organisation", "proposed_by", "status", "created_at"]
    list_filter = ["status"]
    readonly_fields = [
        "engagement",
        "organisation",
        "proposed_by",
        "changes",
        "base_version",
        "reason",
        "status",
        "decided_by",
        "decided_at",
    ]
    actions = ["approve", "reject"]

    def _decide(self, request, queryset, approve):
        for proposal in queryset:
            try:
                services.proposal_decide(
                    actor=self.actor(request),
                    proposal=proposal,
                    approve=approve,
                )
            except (NotAllowed, StaleVersion) as exc:
                messages.error(request, f"proposal {proposal.pk}: {exc}")

    @admin.action(description="Approve and apply the selected proposals")
    def approve(self, request, queryset):
        self._decide(request, queryset, True)

    @admin.action(description="Reject the selected proposals")
    def reject(self, request, queryset):
        self._decide(request, queryset, False)
