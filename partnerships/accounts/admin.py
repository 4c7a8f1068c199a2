from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy, ngettext
from simple_history.admin import SimpleHistoryAdmin

from partnerships.accounts.models import ApiToken, Profile
from partnerships.accounts.tokens import token_revoke
from partnerships.core.errors import NotAllowed
from partnerships.registry.categories import Category


class ProfileForm(forms.ModelForm):
    # The model keeps categories as a JSON list; people pick them from the taxonomy.
    categories = forms.MultipleChoiceField(
        choices=Category.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=Profile._meta.get_field("categories").help_text,
    )

    class Meta:
        model = Profile
        fields = ["user", "role", "organisation", "regions", "categories"]


@admin.register(Profile)
class ProfileAdmin(SimpleHistoryAdmin):
    form = ProfileForm
    list_display = ["user", "role", "organisation"]
    list_filter = ["role"]
    search_fields = ["user__username", "user__email", "organisation__key"]
    autocomplete_fields = ["user", "organisation"]
    filter_horizontal = ["regions"]
    list_select_related = ["user", "organisation"]


@admin.register(ApiToken)
class ApiTokenAdmin(SimpleHistoryAdmin):
    list_display = [
        "name",
        "user",
        "prefix",
        "scope",
        "expires_at",
        "revoked_at",
        "last_used_at",
    ]
    list_filter = ["scope", ("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix", "user__username"]
    list_select_related = ["user"]
    # Only the label may change here; scope and expiry were chosen at creation,
    # and revocation goes through the action below so that it is audited.
    readonly_fields = [
        "user",
        "prefix",
        "secret_hash",
        "scope",
        "created_at",
        "expires_at",
        "revoked_at",
        "last_used_at",
    ]
    actions = ["revoke_selected"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        # A secret made here could not be shown safely; tokens come from the API.
        return False

    @admin.action(
        description=gettext_lazy("Revoke selected tokens"),
        permissions=["change"],
    )
    def revoke_selected(
        self, request: HttpRequest, queryset: QuerySet[ApiToken]
    ) -> None:
        revoked = refused = 0
        for token in queryset.filter(revoked_at__isnull=True):
            try:
                token_revoke(actor_user=request.user, token=token)
            except NotAllowed:
                refused += 1
            else:
                revoked += 1
        self.message_user(
            request,
            ngettext("%(count)d token revoked.", "%(count)d tokens revoked.", revoked)
            % {"count": revoked},
        )
        if refused:
            self.message_user(
                request,
                ngettext(
                    "%(count)d token was not yours to revoke.",
                    "%(count)d tokens were not yours to revoke.",
                    refused,
                )
                % {"count": refused},
                level=messages.WARNING,
            )
