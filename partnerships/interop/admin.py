"""IATI import runs in the back office, read-only, with a link to the upload page."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from partnerships.interop.models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    change_list_template = "interop/importrun_change_list.html"
    list_display = ("file_name", "user", "created_at", "status", "read", "total")
    list_filter = ("status", "dry_run")
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
