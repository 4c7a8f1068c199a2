"""Runs of the IATI upload page: one row per uploaded file, its progress and summary."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("queued")
    RUNNING = "running", _("running")
    DONE = "done", _("done")
    REFUSED = "refused", _("refused")
    FAILED = "failed", _("failed")


def beat_key(pk: int) -> str:
    """The cache key of a running import's heartbeat (tasks.py writes it)."""
    return f"iati-import-beat:{pk}"


class ImportRun(models.Model):
    """One uploaded IATI file and its import, run as a background task.

    The file stays in the storage, so an import that died can be started again
    (`attempt` counts the starts; a task whose attempt is no longer the run's
    does not start, or stops at its next heartbeat). The task holds the file's
    transaction open while it imports, so its heartbeat goes to the cache, with
    its progress, every few seconds (`beat_key`); `beat_at`, on the row, is when
    it started and finished. A running import silent for longer than
    `STALE_SECONDS` has died (its worker was killed) and is shown as failed;
    its transaction died with it, so nothing of the file was written.
    """

    STALE_SECONDS = 120

    file_name = models.CharField(max_length=300)
    size = models.BigIntegerField(help_text="Bytes.")
    stored = models.CharField(
        max_length=500, help_text="The upload's name in the storage."
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    dry_run = models.BooleanField(default=False)
    status = models.CharField(
        max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    read = models.PositiveIntegerField(default=0, help_text="Activities read so far.")
    total = models.PositiveIntegerField(
        null=True, blank=True, help_text="Activities in the file, counted on upload."
    )
    summary = models.JSONField(default=dict, blank=True)
    message = models.TextField(blank=True, default="")
    task_id = models.CharField(max_length=100, blank=True, default="")
    attempt = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "IATI import run"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=RunStatus.values),
                name="importrun_status_allowed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def last_beat(self) -> dt.datetime:
        """The latest sign of life: the task's heartbeat in the cache, else
        when it started (or, queued, when the file was uploaded)."""
        times = [self.beat_at or self.created_at]
        beat = cache.get(beat_key(self.pk))
        if isinstance(beat, (int, float)):
            times.append(dt.datetime.fromtimestamp(beat, dt.UTC))
        return max(times)

    @property
    def died(self) -> bool:
        """Running, but silent for longer than a live import ever is."""
        if self.status != RunStatus.RUNNING:
            return False
        silent = timezone.now() - self.last_beat
        return silent.total_seconds() > self.STALE_SECONDS

    @property
    def shown_status(self) -> str:
        return RunStatus.FAILED if self.died else self.status

    def get_shown_status_display(self) -> str:
        """The shown status in the reader's language."""
        return str(RunStatus(self.shown_status).label)

    @property
    def is_active(self) -> bool:
        return self.status in (RunStatus.QUEUED, RunStatus.RUNNING) and not self.died

    @property
    def may_resume(self) -> bool:
        """Died, or failed on an error: the kept file can be imported again (a
        refused file would be refused again; a finished one is done)."""
        return self.died or self.status == RunStatus.FAILED


class MatchStatus(models.TextChoices):
    PENDING = "pending", _("pending")
    SAME = "same", _("the same organisation")
    DIFFERENT = "different", _("different organisations")


class NameMatch(models.Model):
    """A name an IATI file gives without a usable ref, close to (not exactly) a
    name the registry holds: proposed for review, never merged silently
    (interop/iati/near.py). `created` is the organisation the import made for
    it (a participant), none for a provider or receiver of money (kept as text)."""

    name = models.CharField(max_length=500)
    lang = models.CharField(max_length=2, default="en")
    ref = models.CharField(max_length=200, blank=True, default="")
    organisation = models.ForeignKey(
        "registry.Organisation", on_delete=models.CASCADE, related_name="+"
    )
    created = models.ForeignKey(
        "registry.Organisation",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    how = models.CharField(max_length=20)
    score = models.FloatField()
    file_name = models.CharField(max_length=300)
    activity = models.CharField(max_length=500, blank=True, default="")
    status = models.CharField(
        max_length=10, choices=MatchStatus.choices, default=MatchStatus.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["status", "-created_at", "-id"]
        verbose_name = "IATI near match"
        constraints = [
            models.UniqueConstraint(
                fields=["name", "organisation"], name="namematch_once_per_pair"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MatchStatus.values),
                name="namematch_status_allowed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ~ {self.organisation_id} ({self.status})"


class ActivityDigest(models.Model):
    """An activity of an imported IATI file as last imported: its digest and the
    version the import left its engagement at (interop/iati/digest.py). A
    re-import finding both unchanged skips the activity before reading it. A
    cache of the import, not a fact of the registry: not audited, not dumped;
    losing it only makes the next re-import read every activity again."""

    # Found through activitydigest_once_per_place (document, number).
    document = models.ForeignKey(
        "sources.SourceDocument",
        on_delete=models.CASCADE,
        related_name="+",
        db_index=False,
    )
    number = models.PositiveIntegerField(help_text="The activity's place in its file.")
    digest = models.CharField(max_length=64)
    engagement = models.ForeignKey(
        "cooperation.Engagement", on_delete=models.CASCADE, related_name="+"
    )
    engagement_version = models.PositiveIntegerField()
    registry = models.CharField(
        max_length=100,
        help_text="The registry's organisations, names and identifiers as the "
        "import left them (their last history rows): a change there may resolve "
        "the activity's organisations otherwise.",
    )

    class Meta:
        verbose_name = "IATI activity digest"
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="activitydigest_once_per_place"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} #{self.number}"
