from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.reports.models import ParagraphText, PlacementRule, Report, Section


class RuleInline(admin.TabularInline):
    model = PlacementRule
    extra = 0
    fields = ["position", "organisations", "categories", "themes", "kinds"]


@admin.register(Section)
class SectionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title_en", "title_zh", "kind", "grouping", "is_fallback"]
    ordering = ["position"]
    inlines = [RuleInline]


@admin.register(PlacementRule)
class PlacementRuleAdmin(SimpleHistoryAdmin):
    list_display = [
        "position",
        "section",
        "source_symbol_prefix",
        "organisations",
        "categories",
        "themes",
        "kinds",
    ]
    ordering = ["position"]


@admin.register(Report)
class ReportAdmin(SimpleHistoryAdmin):
    list_display = ["symbol", "period_start", "period_end", "reporter"]


@admin.register(ParagraphText)
class ParagraphTextAdmin(SimpleHistoryAdmin):
    list_display = ["report", "anchor", "lang", "written_by", "updated_at"]
