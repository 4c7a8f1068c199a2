"""Advisory bodies and forums, their seats, members and meetings; monitoring
trainings with their participants and the SDG 11 indicators they cover.

Each body, meeting and training is an engagement (cooperation), and each member,
attendee, organiser, funder and trainee organisation a participation in it, so
they reach the portal and the report like any other cooperation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.cooperation.models import Engagement
from partnerships.reference.models import Country, SdgIndicator
from partnerships.registry.models import Organisation
from partnerships.stakeholders.groups import StakeholderGroup
from partnerships.stakeholders.models.accreditation import (
    StoredUpload,
    upload_storage,
)


class BodyKind(models.TextChoices):
    ADVISORY_GROUP = "advisory_group", _("advisory group")
    STEERING_COMMITTEE = "steering_committee", _("steering committee")
    ADVISORY_BOARD = "advisory_board", _("advisory board")
    FORUM = "forum", _("forum")


class Body(models.Model):
    key = models.SlugField(max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=BodyKind.choices)
    mandate = models.TextField(_("mandate"))
    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="stakeholder_body"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"

    def __str__(self) -> str:
        return self.name


class Seat(models.Model):
    """How many seats a stakeholder category holds in a body."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="seats")
    group = models.CharField(max_length=30, choices=StakeholderGroup.choices)
    number = models.PositiveSmallIntegerField()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "group"]
        constraints = [
            models.UniqueConstraint(fields=["body", "group"], name="seat_unique")
        ]

    def __str__(self) -> str:
        return f"{self.body.key}: {self.number} {self.group}"


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("chair")
    MEMBER = "member", _("member")
    OBSERVER = "observer", _("observer")


class Membership(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    # Membership and trainees mirror participations, and go with them.
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    role = models.CharField(max_length=10, choices=MemberRole.choices)
    group = models.CharField(max_length=30, choices=StakeholderGroup.choices)
    term_start = models.DateField(null=True, blank=True)
    term_end = models.DateField(null=True, blank=True)
    renewed = models.PositiveSmallIntegerField(
        default=0, help_text="How many times the term was renewed."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["body", "role", "organisation__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "organisation"], name="membership_unique"
            ),
            models.CheckConstraint(
                condition=Q(term_end__isnull=True)
                | Q(term_start__isnull=True)
                | Q(term_end__gte=models.F("term_start")),
                name="membership_term_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} in {self.body.key} ({self.role})"


class Meeting(models.Model):
    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True
    )
    city = models.CharField(_("city"), max_length=200, blank=True, default="")
    agenda = models.TextField(_("agenda"), blank=True, default="")
    outcome = models.TextField(
        _("outcome (for a forum: the coordinated input adopted)"),
        blank=True,
        default="",
    )
    attendees = models.ManyToManyField(Organisation, blank=True, related_name="+")
    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="stakeholder_meeting"
    )
    history = HistoricalRecords(m2m_fields=[attendees])

    class Meta:
        ordering = ["body", "held_on"]

    def __str__(self) -> str:
        return f"{self.body.key} {self.held_on}"


class MeetingDocumentKind(models.TextChoices):
    AGENDA = "agenda", _("agenda")
    OUTCOME = "outcome", _("outcome document")
    OTHER = "other", _("other document")


class MeetingDocument(StoredUpload):
    """A document of a meeting (its agenda, its outcome, another paper), kept
    like the applicants' documents: outside the web root, staff only."""

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(max_length=10, choices=MeetingDocumentKind.choices)
    file = models.FileField(storage=upload_storage, upload_to="meetings/%Y/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "kind", "uploaded_at"]


class Training(models.Model):
    """A training on monitoring SDG 11 and the New Urban Agenda."""

    key = models.SlugField(max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True
    )
    city = models.CharField(_("city"), max_length=200, blank=True, default="")
    indicators = models.ManyToManyField(SdgIndicator, blank=True, related_name="+")
    feedback = models.TextField(_("feedback gathered"), blank=True, default="")
    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="stakeholder_training"
    )
    history = HistoricalRecords(m2m_fields=[indicators])

    class Meta:
        ordering = ["-starts_on", "key"]

    def __str__(self) -> str:
        return self.title


class Trainee(models.Model):
    """An organisation that sent people to a training."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="trainees"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE)
    group = models.CharField(max_length=30, choices=StakeholderGroup.choices)
    people = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="People trained; empty when not known."
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["training", "organisation__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "organisation"], name="trainee_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} at {self.training.key}"
