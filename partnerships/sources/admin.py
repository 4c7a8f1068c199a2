from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from partnerships.core.admin import PolicyScopedAdmin
from partnerships.sources.models import Evidence, Passage, SourceDocument
from partnerships.sources.visibility import (
    documents_visible_to,
    evidence_visible_to,
    passages_visible_to,
)


@admin.register(SourceDocument)
class SourceDocumentAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = documents_visible_to
    list_display = [
        "symbol",
        "revision",
        "is_current",
        "is_published",
        "title_en",
        "date",
    ]
    search_fields = ["symbol", "title_en", "title_zh"]


@admin.register(Passage)
class PassageAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = passages_visible_to
    list_display = ["document", "number", "chapter", "section"]
    list_filter = ["document"]
    search_fields = ["text", "document__symbol"]


@admin.register(Evidence)
class EvidenceAdmin(PolicyScopedAdmin, SimpleHistoryAdmin):
    visible_to = evidence_visible_to
    list_display = ["passage", "engagement", "participation", "organisation"]
    list_filter = ["passage__document"]
    search_fields = ["quote", "engagement__key", "organisation__key"]
    raw_id_fields = ["passage", "engagement", "participation", "organisation"]
