"""Engagements and the roles organisations take in them: the core relation."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.cooperation.validation import (
    contribution_errors,
    engagement_errors,
    place_errors,
)
from partnerships.core.dates import Precision
from partnerships.core.languages import localized, translated_fields
from partnerships.core.validation import raise_errors
from partnerships.reference.models import Country, Currency, Region, SdgTarget, Theme
from partnerships.registry.models import KEY_PATTERN, Organisation


class Kind(models.TextChoices):
    AGREEMENT = "agreement", _("agreement")
    PROJECT = "project", _("project or programme")
    FUNDING = "funding", _("funding")
    NETWORK = "network", _("network, task force or advisory body")
    EVENT = "event", _("event")
    PUBLICATION = "publication", _("publication")
    COORDINATION = "coordination", _("inter-agency coordination")
    GOVERNANCE = "governance", _("resolution or decision")
    COMMITMENT = "commitment", _("commitment")
    CONSULTATION = "consultation", _("consultation")


class Status(models.TextChoices):
    PLANNED = "planned", _("planned or under negotiation")
    ONGOING = "ongoing", _("ongoing")
    COMPLETED = "completed", _("completed")
    CANCELLED = "cancelled", _("cancelled")
    UNKNOWN = "unknown", _("unknown")


class Role(models.TextChoices):
    LEAD = "lead", _("lead")
    PARTNER = "partner", _("partner")
    FUNDER = "funder", _("funder")
    IMPLEMENTER = "implementer", _("implementer")
    SIGNATORY = "signatory", _("signatory")
    MEMBER = "member", _("member")
    CHAIR = "chair", _("chair")
    CO_CHAIR = "co-chair", _("co-chair")
    HOST = "host", _("host")
    ORGANISER = "organiser", _("organiser")
    BENEFICIARY = "beneficiary", _("beneficiary")
    AUTHOR = "author", _("author")
    PARTICIPANT = "participant", _("participant")
    OBSERVER = "observer", _("observer")


def _date_pair(prefix: str) -> Q:
    """A date and its precision are both set or both empty."""
    return Q(**{f"{prefix}_date__isnull": True, f"{prefix}_precision": ""}) | Q(
        **{f"{prefix}_date__isnull": False, f"{prefix}_precision__in": Precision.values}
    )


class ChildrenHistory(models.Model):
    """What an engagement's history row adds to its columns: the child lines
    (places, money lines) the change wrote, when they have no history rows of
    their own (the bulk path; `cooperation/children.py`, docs/data-model.md)."""

    history_children = models.JSONField(
        null=True,
        blank=True,
        help_text="Places and money lines added, changed and removed by this change.",
    )

    class Meta:
        abstract = True


# What the public sees of the engagements that are not deleted: the permission
# layer (cooperation/visibility.py) and the partial index of the public's
# engagements (Engagement.Meta) read these two, so they cannot come apart.
LIVE = Q(deleted_at__isnull=True)
PUBLIC = Q(is_published=True) & Q(is_confidential=False)


class Engagement(
    translated_fields("title", max_length=500, verbose="title"),
    translated_fields("summary", max_length=None, verbose="summary"),
    models.Model,
):
    """Any piece of cooperation: an agreement, a project, an event, a network ..."""

    key = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.UNKNOWN
    )
    start_date = models.DateField(null=True, blank=True)
    start_precision = models.CharField(
        max_length=5, choices=Precision.choices, blank=True, default=""
    )
    end_date = models.DateField(null=True, blank=True)
    end_precision = models.CharField(
        max_length=5, choices=Precision.choices, blank=True, default=""
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    themes = models.ManyToManyField(Theme, blank=True, related_name="engagements")
    sdg_targets = models.ManyToManyField(
        SdgTarget, blank=True, related_name="engagements"
    )
    is_synthetic = models.BooleanField(default=False)
    is_published = models.BooleanField(
        default=True, help_text="Shown to the public and in the API without login."
    )
    is_confidential = models.BooleanField(
        default=False,
        help_text="Seen only by administrators, editors in charge and the partners in it.",
    )
    # No index: almost every row is NULL, and an index tempts planners away from
    # the key index that serves the ordered lists.
    deleted_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Raised by every update; a stale write is refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords(
        m2m_fields=[themes, sdg_targets], bases=[ChildrenHistory]
    )

    class Meta:
        ordering = ["start_date", "key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=Kind.values), name="engagement_kind_allowed"
            ),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="engagement_status_allowed"
            ),
            models.CheckConstraint(
                condition=Q(key__regex=KEY_PATTERN), name="engagement_key_shape"
            ),
            models.CheckConstraint(
                condition=_date_pair("start"), name="engagement_start_precision"
            ),
            models.CheckConstraint(
                condition=_date_pair("end"), name="engagement_end_precision"
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="engagement_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("id")), name="engagement_not_own_parent"
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "start_date"]),
            models.Index(fields=["end_date"]),
            # The portal's list, newest first, of one kind; by start date (and the
            # undated, start_date IS NULL) newest first: read in index order.
            models.Index(fields=["kind", "id"], name="engagement_kind_newest"),
            models.Index(fields=["start_date", "id"], name="engagement_start_newest"),
            # The public's engagements newest first with their start date, read
            # from the index alone: a country page's newest 10 001 (docs/portal.md,
            # "Session 9") met the places' (country, engagement) index by walking
            # the table's primary key and testing each row.
            models.Index(
                fields=["id", "start_date"],
                condition=LIVE & PUBLIC,
                name="engagement_public_newest",
            ),
        ]

    def __str__(self) -> str:
        return localized(self, "title", "en").text or self.key

    def clean(self) -> None:
        raise_errors(Engagement, engagement_errors(vars(self)))


class Place(translated_fields("city", max_length=200, verbose="city"), models.Model):
    """Where an engagement happens: a country (and city), or a whole region."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="places"
    )
    # A country's places are found through place_country_engagement, a
    # region's through place_region (which leaves out the places of a country).
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, null=True, blank=True, db_index=False
    )
    # Its history is read by row (`id`), never by these columns: their
    # indexes would only slow the writing of history rows.
    history = HistoricalRecords(no_db_index=["engagement", "country", "region"])

    class Meta:
        ordering = ["engagement", "country", "region", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(country__isnull=False) & Q(region__isnull=True))
                | (Q(country__isnull=True) & Q(region__isnull=False)),
                name="place_country_or_region",
            ),
        ]
        indexes = [
            # A country's engagements come from this one alone.
            models.Index(
                fields=["country", "engagement"], name="place_country_engagement"
            ),
            models.Index(
                fields=["region"],
                condition=Q(region__isnull=False),
                name="place_region",
            ),
        ]

    def __str__(self) -> str:
        where = self.country_id or f"region {self.region_id}"
        city = localized(self, "city", "en").text
        return f"{city}, {where}" if city else str(where)

    def clean(self) -> None:
        raise_errors(Place, place_errors(vars(self)))


class Participation(models.Model):
    """An organisation takes a role in an engagement."""

    # Both are found through an index that begins with them:
    # participation_unique_role and (organisation, role).
    engagement = models.ForeignKey(
        Engagement,
        on_delete=models.CASCADE,
        related_name="participations",
        db_index=False,
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="participations",
        db_index=False,
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # Its history is read by row (`id`), never by these columns: their
    # indexes would only slow the writing of history rows.
    history = HistoricalRecords(no_db_index=["engagement", "organisation"])

    class Meta:
        ordering = ["engagement", "role", "organisation"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "organisation", "role"],
                name="participation_unique_role",
            ),
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="participation_role_allowed"
            ),
        ]
        indexes = [models.Index(fields=["organisation", "role"])]

    def __str__(self) -> str:
        return f"{self.organisation.key} {self.role} {self.engagement.key}"


class Contribution(models.Model):
    """Money tied to a participation, in its own currency and at its value date."""

    participation = models.ForeignKey(
        Participation, on_delete=models.CASCADE, related_name="contributions"
    )
    amount = models.DecimalField(max_digits=18, decimal_places=2)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT)
    value_date = models.DateField(null=True, blank=True)
    value_precision = models.CharField(
        max_length=5, choices=Precision.choices, blank=True, default=""
    )
    # Its history is read by row (`id`), never by these columns: their
    # indexes would only slow the writing of history rows.
    history = HistoricalRecords(no_db_index=["participation", "currency"])

    class Meta:
        ordering = ["participation", "value_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(amount__gte=0), name="contribution_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=_date_pair("value"), name="contribution_value_date_precision"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.currency_id} {self.amount}"

    def clean(self) -> None:
        raise_errors(Contribution, contribution_errors(vars(self)))


class ProposalStatus(models.TextChoices):
    PENDING = "pending", "pending"
    APPROVED = "approved", "approved"
    REJECTED = "rejected", "rejected"


class ChangeProposal(models.Model):
    """A partner focal point's proposed change to an engagement, for staff to decide."""

    engagement = models.ForeignKey(
        Engagement, on_delete=models.CASCADE, related_name="proposals"
    )
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT)
    proposed_by = models.ForeignKey(
        "auth.User", on_delete=models.PROTECT, related_name="proposals_made"
    )
    changes = models.JSONField(help_text="Field name → proposed value.")
    base_version = models.PositiveIntegerField()
    reason = models.TextField(blank=True, default="")
    status = models.CharField(
        max_length=10, choices=ProposalStatus.choices, default=ProposalStatus.PENDING
    )
    decided_by = models.ForeignKey(
        "auth.User",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="proposals_decided",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.TextField(blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ProposalStatus.values), name="proposal_status"
            ),
        ]

    def __str__(self) -> str:
        return f"proposal {self.pk} on {self.engagement.key} ({self.status})"


# Each budget, planned disbursement and transaction as published (money.py).
from partnerships.cooperation.money import (  # noqa: E402, F401
    MoneyLine,
    PublishedActivity,
)
