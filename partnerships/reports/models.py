"""The periodic report: its outline and placement rules (data staff edit), each
report's metadata, staff-written paragraphs, and the stored runs it was composed in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerships.core.languages import (
    LANGUAGE_CHOICES,
    UN_LANGUAGES,
    translated_fields,
)
from partnerships.registry.models import Organisation


class SectionKind(models.TextChoices):
    TEXT = "text", "Written by staff"
    DATA = "data", "Composed from the registry"


class Grouping(models.TextChoices):
    PARTNER = "partner", "One paragraph per partner"
    THEME = "theme", "One paragraph per theme"


class Section(
    translated_fields("title", max_length=300, verbose="title"), models.Model
):
    """A chapter (no letter) or a lettered section of the report's outline."""

    code = models.CharField(max_length=20, unique=True, help_text="e.g. II or II.E")
    position = models.PositiveSmallIntegerField()
    chapter = models.PositiveSmallIntegerField()
    letter = models.CharField(max_length=2, blank=True, default="")
    kind = models.CharField(
        max_length=10, choices=SectionKind.choices, default=SectionKind.DATA
    )
    grouping = models.CharField(
        max_length=10, choices=Grouping.choices, default=Grouping.PARTNER
    )
    generated_opening = models.BooleanField(
        default=False,
        help_text="Open the section with a paragraph of figures composed from the data.",
    )
    is_fallback = models.BooleanField(
        default=False, help_text="Engagements no rule places go here."
    )
    figures = models.JSONField(
        default=list,
        blank=True,
        help_text=(
            "Figures of other apps told at the head of this section, as"
            ' "provider.kind" (e.g. "stakeholders.applications"); a record of a kind'
            " no section names goes to the section of its engagement."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "letter"], name="section_chapter_letter_unique"
            ),
            models.UniqueConstraint(
                fields=["is_fallback"],
                condition=Q(is_fallback=True),
                name="section_one_fallback",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title_en}"


class PlacementRule(models.Model):
    """Places an engagement in a section; the first rule that matches wins."""

    position = models.PositiveSmallIntegerField()
    section = models.ForeignKey(
        Section,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="rules",
        help_text="Empty for a rule that places by the source passage's section.",
    )
    source_symbol_prefix = models.CharField(
        max_length=100,
        blank=True,
        default="",
        help_text="Place by the chapter and section of the evidence passage in an "
        "earlier report whose symbol starts so.",
    )
    organisations = models.JSONField(default=list, blank=True)
    categories = models.JSONField(default=list, blank=True)
    themes = models.JSONField(default=list, blank=True)
    kinds = models.JSONField(default=list, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.CheckConstraint(
                condition=Q(section__isnull=False) | ~Q(source_symbol_prefix=""),
                name="placement_rule_has_target",
            )
        ]

    def __str__(self) -> str:
        target = self.section.code if self.section_id else "source section"
        return f"#{self.position} → {target}"


class Report(models.Model):
    """One periodic report: its period, reporting organisation and masthead."""

    key = models.SlugField(max_length=80, unique=True)
    reporter = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="reports"
    )
    period_start = models.DateField()
    period_end = models.DateField()
    symbol = models.CharField(max_length=100)
    original_language = models.CharField(
        max_length=2, choices=LANGUAGE_CHOICES, default="en"
    )
    distribution = models.CharField(max_length=50, default="General")
    date = models.DateField(null=True, blank=True)
    session_start = models.DateField(null=True, blank=True)
    session_end = models.DateField(null=True, blank=True)
    agenda_item = models.CharField(max_length=20, blank=True, default="")
    texts = models.JSONField(
        default=dict,
        blank=True,
        help_text="Per field (body, session, session_place, agenda_title, "
        "agenda_footnote, title, heading, report_of), the text in each language.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-period_end", "key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="report_period_order",
            )
        ]

    def __str__(self) -> str:
        return f"{self.symbol} ({self.period_start:%Y}-{self.period_end:%Y})"


class ParagraphText(models.Model):
    """A paragraph written or rewritten by staff, in one language.

    It replaces the composed paragraph at `anchor` in every later run; `fingerprint`
    is the digest of the data under that paragraph when the text was saved, so a
    run can tell when the data changed since.
    """

    report = models.ForeignKey(
        Report, on_delete=models.CASCADE, related_name="paragraph_texts"
    )
    lang = models.CharField(max_length=2, choices=LANGUAGE_CHOICES)
    anchor = models.CharField(max_length=200)
    text = models.TextField()
    fingerprint = models.CharField(max_length=64, blank=True, default="")
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "anchor", "lang"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "lang", "anchor"], name="paragraph_text_unique"
            ),
            models.CheckConstraint(
                condition=Q(lang__in=UN_LANGUAGES), name="paragraph_text_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.report} {self.anchor} [{self.lang}]"


class ReportRun(models.Model):
    """A composition of a report, with the snapshot of every fact it used."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="runs")
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    audience = models.CharField(
        max_length=40, help_text="Whose view of the registry the run was composed from."
    )
    snapshot = models.JSONField()
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.report} run {self.pk} ({self.created_at:%Y-%m-%d %H:%M})"
