"""What reading a report proposes, waiting for a person's review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from partnerships.cooperation.models import Engagement
from partnerships.registry.models import Organisation
from partnerships.sources.models import Passage, SourceDocument


class IngestRun(models.Model):
    """One reading of one document."""

    document = models.ForeignKey(
        SourceDocument, on_delete=models.CASCADE, related_name="ingest_runs"
    )
    file_name = models.CharField(max_length=300)
    language = models.CharField(max_length=2)
    run_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True
    )
    started_at = models.DateTimeField(auto_now_add=True)
    seconds = models.FloatField(default=0)
    stats = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.document.symbol} ({self.file_name})"


class CandidateKind(models.TextChoices):
    ORGANISATION = "organisation", "organisation"
    ENGAGEMENT = "engagement", "engagement"


class CandidateStatus(models.TextChoices):
    PENDING = "pending", "pending"
    ACCEPTED = "accepted", "accepted"
    MERGED = "merged", "merged into an existing organisation"
    REJECTED = "rejected", "rejected"


class Candidate(models.Model):
    """A proposed organisation mention or engagement of one paragraph.

    `data` holds the proposal as extracted (names, resolution, roles, money, dates,
    places, mention offsets); `organisation` is the registry organisation it stands
    for once resolved, merged or accepted; `engagement` the engagement accepting it
    created.
    """

    run = models.ForeignKey(
        IngestRun, on_delete=models.CASCADE, related_name="candidates"
    )
    passage = models.ForeignKey(
        Passage, on_delete=models.CASCADE, related_name="ingest_candidates"
    )
    kind = models.CharField(max_length=20, choices=CandidateKind.choices)
    status = models.CharField(
        max_length=10, choices=CandidateStatus.choices, default=CandidateStatus.PENDING
    )
    confidence = models.FloatField()
    label = models.CharField(max_length=500)
    data = models.JSONField(default=dict)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingest_candidates",
    )
    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="ingest_candidates",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True, default="")

    class Meta:
        ordering = ["passage__number", "kind", "-confidence", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=CandidateKind.values), name="candidate_kind"
            ),
            models.CheckConstraint(
                condition=Q(status__in=CandidateStatus.values), name="candidate_status"
            ),
            models.CheckConstraint(
                condition=Q(confidence__gte=0) & Q(confidence__lte=1),
                name="candidate_confidence_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.label} ({self.passage})"
