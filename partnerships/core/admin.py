"""Back-office support shared by the domain apps.

The back office writes organisations and engagements through their services, as
the staff pages and the API do (permission, field whitelist, version check, audit),
and asks the permission layer what a user may see. What hangs off a record
(participants, places, money, names, identifiers, passages, evidence) is shown here
read-only: it is changed on the staff pages (`/staff/`), which call the services.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponseRedirect
from django.utils.translation import gettext as _

from partnerships.core.actor import ANONYMOUS, Actor
from partnerships.core.errors import NotAllowed, StaleVersion


def _message(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        return " ".join(exc.messages) + " Nothing was saved."
    return str(exc)


def request_actor(request: HttpRequest) -> Actor:
    """Who acts in a back-office request (set by accounts' ActorMiddleware)."""
    return getattr(request, "actor", ANONYMOUS)


class ReadOnlyInline(admin.TabularInline):
    """Shown with its record, changed only through the services (staff pages)."""

    extra = 0
    can_delete = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class PolicyScopedAdmin(admin.ModelAdmin):
    """Lists, read-only, what the permission layer lets the user see.

    `visible_to` is one of the `*_visible_to(actor)` selectors; administrators see
    everything. Nothing is written here: see the module's note.
    """

    visible_to: Any = None

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def actor(self, request: HttpRequest) -> Actor:
        return request_actor(request)

    def get_queryset(self, request: HttpRequest):
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
                    _(
                        "Someone else changed this record while you were editing "
                        "it. Open it again to see their change, then make yours. "
                        "Nothing was saved."
                    )
                )
        return cleaned


class VersionedAdmin(admin.ModelAdmin):
    """The back office's page for a versioned record: it shows the fields the
    record's services let people change and writes through those services (the
    permission check, the field whitelist, the version check and the audit are
    theirs), never by saving the form's instance."""

    form = VersionedForm
    # Django 6 will assume https for scheme-less URLs; say so now.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    # The fields people may change, as the services name them; `key` is given once.
    editable_fields: tuple[str, ...] = ()
    create_service: Any = None
    update_service: Any = None

    def get_fields(
        self, request: HttpRequest, obj: models.Model | None = None
    ) -> list[str]:
        first = ["key"] if obj is None else []
        return [*first, *self.editable_fields, "version"]

    def get_readonly_fields(
        self, request: HttpRequest, obj: models.Model | None = None
    ) -> list[str]:
        return []

    def save_model(
        self,
        request: HttpRequest,
        obj: models.Model,
        form: forms.ModelForm,
        change: bool,
    ) -> None:
        actor = self.actor(request)
        data = form.cleaned_data
        names = form.changed_data if change else self.editable_fields
        changes = {n: data[n] for n in names if n in self.editable_fields}
        try:
            if change:
                saved = type(self).update_service(
                    actor=actor,
                    expected_version=data.get("version") or obj.version,
                    changes=changes,
                    reason="changed in the back office",
                    **{self.subject: obj},
                )
            else:
                saved = type(self).create_service(
                    actor=actor,
                    key=data["key"],
                    changes={n: v for n, v in changes.items() if v not in ("", None)},
                    reason="created in the back office",
                )
        except (NotAllowed, StaleVersion, ValidationError) as exc:
            request._write_refused = True
            messages.error(request, _message(exc))
            return
        obj.pk, obj.version = saved.pk, saved.version

    def get_inline_instances(
        self, request: HttpRequest, obj: models.Model | None = None
    ) -> list[Any]:
        # The inlines are read-only: a save has nothing of theirs to check.
        if request.method == "POST":
            return []
        return super().get_inline_instances(request, obj)

    def save_related(
        self,
        request: HttpRequest,
        form: forms.ModelForm,
        formsets: Any,
        change: bool,
    ) -> None:
        """Many-to-many fields were written by the service; inlines are read-only."""

    def construct_change_message(
        self,
        request: HttpRequest,
        form: forms.ModelForm,
        formsets: Any,
        add: bool = False,
    ) -> list[dict[str, Any]]:
        return super().construct_change_message(request, form, [], add)

    def response_add(self, request: HttpRequest, obj: models.Model, *args: Any):
        if getattr(request, "_write_refused", False):
            return HttpResponseRedirect(request.path)
        return super().response_add(request, obj, *args)

    def response_change(self, request: HttpRequest, obj: models.Model):
        if getattr(request, "_write_refused", False):
            return HttpResponseRedirect(request.path)
        return super().response_change(request, obj)

    def delete_model(self, request: HttpRequest, obj: models.Model) -> None:
        raise NotAllowed(_("Records are deleted softly; use the 'delete' action."))

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
