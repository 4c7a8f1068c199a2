"""Where each fact came from: documents, their passages, and evidence links."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerships.cooperation.models import Engagement, Participation
from partnerships.core.languages import (
    LANGUAGE_CHOICES,
    UN_LANGUAGES,
    translated_fields,
)
from partnerships.core.validation import raise_errors
from partnerships.registry.models import Organisation
from partnerships.sources.validation import evidence_errors


class SourceDocument(
    translated_fields("title", max_length=500, verbose="title"), models.Model
):
    """A document facts were taken from: a report, an import file, a letter.

    A document once published is never rewritten by an upload: reading it again
    makes a new revision under the same symbol (`replaces` names the revision it
    was made from), unpublished until staff publish it. Of the revisions of a
    symbol, one is current: the one the portal and the API show under the symbol.
    Earlier revisions are kept, with the evidence cited from them. A symbol may
    have a version in each language (unique on symbol, language and revision), its
    paragraphs numbered alike: the passage in another language is the same
    symbol and number in that language's version.
    """

    symbol = models.CharField(max_length=100)
    revision = models.PositiveIntegerField(default=1)
    replaces = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="revisions",
    )
    is_current = models.BooleanField(default=True)
    language = models.CharField(max_length=2, choices=LANGUAGE_CHOICES)
    original_language = models.CharField(
        max_length=2, choices=LANGUAGE_CHOICES, blank=True, default=""
    )
    date = models.DateField(null=True, blank=True)
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    body = models.CharField(max_length=300, blank=True, default="")
    session = models.CharField(max_length=300, blank=True, default="")
    agenda_item = models.CharField(max_length=300, blank=True, default="")
    distribution = models.CharField(max_length=50, blank=True, default="")
    file_name = models.CharField(max_length=300, blank=True, default="")
    metadata = models.JSONField(default=dict, blank=True)
    is_published = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "symbol", "-revision"]
        constraints = [
            # One symbol, one version per language (as the UN's documents keep
            # one symbol in all six), each with its own revisions.
            models.UniqueConstraint(
                fields=["symbol", "language", "revision"],
                name="source_document_unique_revision",
            ),
            models.UniqueConstraint(
                fields=["symbol", "language"],
                condition=Q(is_current=True),
                name="source_document_one_current",
            ),
            models.CheckConstraint(
                condition=Q(language__in=UN_LANGUAGES), name="source_document_language"
            ),
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=models.F("period_start")),
                name="source_document_period_order",
            ),
        ]

    def __str__(self) -> str:
        if self.revision == 1:
            return self.symbol
        return f"{self.symbol} (revision {self.revision})"


class Passage(models.Model):
    """A numbered paragraph of a document, with the chapter and section it sits in."""

    # Its own index repeats the start of passage_unique_number (document, number),
    # but dropping it would make Django remake the table on SQLite, which drops
    # the full-text index's triggers (sources 0006): kept.
    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, related_name="passages"
    )
    number = models.PositiveIntegerField()
    chapter = models.CharField(max_length=20, blank=True, default="")
    chapter_title = models.CharField(max_length=500, blank=True, default="")
    section = models.CharField(max_length=20, blank=True, default="")
    section_title = models.CharField(max_length=500, blank=True, default="")
    text = models.TextField()
    # Its history is read by row (`id`), never by these columns: their
    # indexes would only slow the writing of history rows.
    history = HistoricalRecords(no_db_index=["document"])

    class Meta:
        ordering = ["document", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="passage_unique_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document.symbol} para. {self.number}"


class Evidence(models.Model):
    """A passage supports an engagement, a participation or an organisation's mention."""

    passage = models.ForeignKey(
        Passage, on_delete=models.CASCADE, related_name="evidence"
    )
    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
    )
    participation = models.ForeignKey(
        Participation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="evidence",
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="mentions",
    )
    quote = models.TextField(blank=True, default="")
    # Its history is read by row (`id`), never by these columns: their
    # indexes would only slow the writing of history rows.
    history = HistoricalRecords(
        no_db_index=["passage", "engagement", "participation", "organisation"]
    )

    class Meta:
        ordering = ["passage", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(engagement__isnull=False)
                    & Q(participation__isnull=True)
                    & Q(organisation__isnull=True)
                )
                | (
                    Q(engagement__isnull=True)
                    & Q(participation__isnull=False)
                    & Q(organisation__isnull=True)
                )
                | (
                    Q(engagement__isnull=True)
                    & Q(participation__isnull=True)
                    & Q(organisation__isnull=False)
                ),
                name="evidence_exactly_one_subject",
            ),
            models.UniqueConstraint(
                fields=["passage", "engagement"],
                condition=Q(engagement__isnull=False),
                name="evidence_unique_engagement",
            ),
            models.UniqueConstraint(
                fields=["passage", "participation"],
                condition=Q(participation__isnull=False),
                name="evidence_unique_participation",
            ),
            models.UniqueConstraint(
                fields=["passage", "organisation"],
                condition=Q(organisation__isnull=False),
                name="evidence_unique_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"evidence in {self.passage}"

    def clean(self) -> None:
        raise_errors(Evidence, evidence_errors(vars(self)))
