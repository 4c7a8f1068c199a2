"""What reading a report proposes, waiting for a person's review."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

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
    ORGANISATION = "organisation", _("organisation")
    ENGAGEMENT = "engagement", _("engagement")


class CandidateStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    ACCEPTED = "accepted", _("accepted")
    MERGED = "merged", _("merged into an existing organisation")
    REJECTED = "rejected", _("rejected")


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


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    REFUSED = "refused", _("refused")
    FAILED = "failed", _("failed")
    CANCELLED = "cancelled", _("cancelled")


class IngestJob(models.Model):
    """One uploaded report and its reading, run as a background task (tasks.py).

    The file is kept in the storage (`stored`) until it has been read, so that a
    reading that was cancelled or died can be started again (`attempt` counts the
    starts; a task whose attempt is no longer the job's stops). While it runs the
    task writes its progress (`done` of `total` paragraphs) and a heartbeat
    (`beat_at`); a running job whose heartbeat is older than `STALE_SECONDS` has
    died (its worker was killed) and is shown as failed.
    """

    STALE_SECONDS = 120

    file_name = models.CharField(max_length=300)
    stored = models.CharField(max_length=500, help_text="Name in the storage.")
    size = models.BigIntegerField(help_text="Bytes.")
    language = models.CharField(max_length=2)
    symbol = models.CharField(max_length=100, blank=True, default="")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    status = models.CharField(
        max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    stage = models.CharField(max_length=100, blank=True, default="")
    done = models.PositiveIntegerField(default=0, help_text="Paragraphs read.")
    total = models.PositiveIntegerField(null=True, blank=True)
    message = models.TextField(blank=True, default="")
    # The language of the page the reading was started (or resumed) from: the
    # task writes its stages and messages in it.
    reader_language = models.CharField(max_length=10, blank=True, default="")
    attempt = models.PositiveIntegerField(default=1)
    cancel_requested = models.BooleanField(default=False)
    run = models.ForeignKey(
        IngestRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    task_id = models.CharField(max_length=100, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=JobStatus.values), name="ingestjob_status"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def died(self) -> bool:
        """Running, but silent for longer than a live task ever is."""
        if self.status != JobStatus.RUNNING:
            return False
        last = self.beat_at or self.created_at
        return (timezone.now() - last).total_seconds() > self.STALE_SECONDS

    @property
    def shown_status(self) -> str:
        if self.died:
            return JobStatus.FAILED
        if self.status == JobStatus.RUNNING and self.cancel_requested:
            return "cancelling"
        return self.status

    def get_shown_status_display(self) -> str:
        """The shown status in the reader's language."""
        shown = self.shown_status
        if shown == "cancelling":
            return str(_("cancelling"))
        return str(JobStatus(shown).label)

    @property
    def is_active(self) -> bool:
        return self.status in (JobStatus.QUEUED, JobStatus.RUNNING) and not self.died

    @property
    def may_resume(self) -> bool:
        return self.died or self.status in (JobStatus.FAILED, JobStatus.CANCELLED)
