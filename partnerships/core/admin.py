"""Admin support shared by the registry and cooperation apps.

The admin writes through the same versioned update as the API (lock, version
check, audit with the user), and asks the permission layer what a user may see
and change.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest

from partnerships.core.actor import ANONYMOUS, Actor
from partnerships.core.errors import NotAllowed, StaleVersion
from partnerships.core.versioned import versioned_update


def request_actor(request: HttpRequest) -> Actor:
    """Who acts in a back-office request (set by accounts' ActorMiddleware)."""
    return getattr(request, "actor", ANONYMOUS)


class PolicyScopedAdmin(admin.ModelAdmin):
    """Lists only what the permission layer lets the user see.

    `visible_to` is one of the `*_visible_to(actor)` selectors; administrators see
    everything.
    """

    visible_to: Any = None

    def actor(self, request: HttpRequest) -> Actor:
        return request_actor(request)

    def get_queryset(self, request: HttpRequest):  # noqa: ANN201
        actor = self.actor(request)
        queryset = super().get_queryset(request)
        if actor.is_admin or self.visible_to is None:
            return queryset
        return queryset.filter(pk__in=type(self).visible_to(actor).values("pk"))


class VersionedForm(forms.ModelForm):
    """Carries the version the user loaded; refuses the save if it is stale."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.instance.pk:
            current = (
                type(self.instance)
                ._default_manager.filter(pk=self.instance.pk)
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and cleaned.get("version") != current:
                raise ValidationError(
                    "Someone else changed this record while you were editing it. "
                    "Open it again to see their change, then make yours. Nothing was saved."
                )
        return cleaned


class VersionedAdmin(admin.ModelAdmin):
    form = VersionedForm
    # Django 6 will assume https for scheme-less URLs; say so now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def save_model(
        self,
        request: HttpRequest,
        obj: models.Model,
        form: forms.ModelForm,
        change: bool,
    ) -> None:
        reason = "changed in the back office"
        if not change:
            obj._history_user = request.user  # type: ignore[attr-defined]
            obj._change_reason = "created in the back office"  # type: ignore[attr-defined]
            obj.save()
            return
        fields = [
            f.attname
            for f in obj._meta.concrete_fields
            if f.name in form.changed_data or f.attname in form.changed_data
        ]

        def apply(target: models.Model) -> None:
            for name in fields:
                setattr(target, name, getattr(obj, name))

        try:
            saved = versioned_update(
                type(obj),
                pk=obj.pk,
                expected_version=form.cleaned_data.get("version") or obj.version,  # type: ignore[attr-defined]
                apply=apply,
                user_id=request.user.pk,
                reason=reason,
            )
        except StaleVersion as exc:
            messages.error(request, str(exc))
            return
        obj.version = saved.version  # type: ignore[attr-defined]

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        raise NotAllowed("Records are deleted softly; use the 'delete' action.")

    def has_delete_permission(
        self, request: HttpRequest, obj: models.Model | None = None
    ) -> bool:
        # Organisations and engagements are soft-deleted through the actions below.
        return False

    def actor(self, request: HttpRequest) -> Actor:
        return request_actor(request)

    # The services that soft-delete and restore, and the keyword they name the
    # record by ("organisation", "engagement").
    subject: str = ""
    delete_service: Any = None
    restore_service: Any = None
    actions = ["soft_delete", "restore"]

    @admin.action(description="Delete the selected records (they can be restored)")
    def soft_delete(self, request: HttpRequest, queryset: Any) -> None:
        for record in queryset:
            try:
                type(self).delete_service(
                    actor=self.actor(request),
                    expected_version=record.version,
                    **{self.subject: record},
                )
            except (NotAllowed, StaleVersion) as exc:
                messages.error(request, f"{record.key}: {exc}")

    @admin.action(description="Restore the selected records")
    def restore(self, request: HttpRequest, queryset: Any) -> None:
        for record in queryset.filter(deleted_at__isnull=False):
            try:
                type(self).restore_service(
                    actor=self.actor(request), **{self.subject: record}
                )
            except NotAllowed as exc:
                messages.error(request, f"{record.key}: {exc}")
