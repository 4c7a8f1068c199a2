"""Accreditation of stakeholders to a session of the governing body."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.reference.models import Country
from partnerships.registry.categories import Category
from partnerships.registry.models import Organisation
from partnerships.stakeholders.groups import StakeholderGroup


class UploadStorage(FileSystemStorage):
    """Uploads live under VAR_DIR (`STAKEHOLDER_UPLOAD_DIR`), outside any
    directory the web server serves; only the staff view that checks the
    reviewer's charge reads them back. The place is read at each use, so a
    changed setting (tests) takes effect."""

    @property
    def base_location(self) -> str:
        return str(settings.STAKEHOLDER_UPLOAD_DIR)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)


def upload_storage() -> FileSystemStorage:
    return UploadStorage()


class Session(models.Model):
    """A session of the governing body (or a conference) stakeholders apply to."""

    key = models.SlugField(max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=300)
    body = models.CharField(_("body"), max_length=200)
    starts_on = models.DateField(_("opens on"), null=True, blank=True)
    applications_close = models.DateField(
        _("applications close on"), null=True, blank=True
    )
    is_open = models.BooleanField(_("open for applications"), default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-starts_on", "key"]

    def __str__(self) -> str:
        return self.title


class Basis(models.TextChoices):
    NONE = "", _("none")
    ECOSOC = "ecosoc", _("Consultative status with ECOSOC")
    EARLIER = "earlier", _("Accredited to an earlier session or conference")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("submitted, awaiting review")
    MORE_REQUESTED = "more_requested", _("more information requested")
    ACCREDITED = "accredited", _("accredited")
    REJECTED = "rejected", _("not accredited")


DECIDED = (ApplicationStatus.ACCREDITED, ApplicationStatus.REJECTED)

# The checklist a reviewer ticks; the keys are stored, the labels translated.
CHECKLIST = {
    "non_profit": _("The organisation is non-profit and legally constituted"),
    "mandate": _("Its work relates to sustainable urbanization and human settlements"),
    "documents": _("The required documents are complete and legible"),
    "governance": _("It has a democratic decision-making structure"),
}


class Application(models.Model):
    """An organisation's application for accreditation to one session.

    The contact person's name, e-mail and telephone are personal data: staff
    only, erased on request (`services.contact_erase`), history included.
    """

    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="applications"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.SET_NULL, null=True, blank=True
    )
    name = models.CharField(_("name of the organisation"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True, default="")
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, verbose_name=_("country of headquarters")
    )
    website = models.URLField(_("website"), blank=True, default="")
    category = models.CharField(
        _("kind of organisation"), max_length=40, choices=Category.choices
    )
    group = models.CharField(
        _("stakeholder category"), max_length=30, choices=StakeholderGroup.choices
    )
    description = models.TextField(_("aims and activities"))
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(
        _("contact telephone"), max_length=50, blank=True, default=""
    )
    contact_erased_at = models.DateTimeField(null=True, blank=True)
    language = models.CharField(max_length=10, default="en")
    status = models.CharField(
        max_length=20,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    basis = models.CharField(
        max_length=10, choices=Basis.choices, blank=True, default=""
    )
    checklist = models.JSONField(default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True, default="")
    token_hash = models.CharField(max_length=64, unique=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-submitted_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=ApplicationStatus.values),
                name="application_status_allowed",
            ),
            models.CheckConstraint(
                condition=~Q(status__in=DECIDED) | ~Q(reason=""),
                name="application_decision_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.session.key})"


class DocumentKind(models.TextChoices):
    STATUTES = "statutes", _("Statutes or registration")
    LEGAL_STATUS = "legal_status", _("Proof of non-profit or legal status")
    ANNUAL_REPORT = "annual_report", _("Latest annual report")
    FINANCIAL = "financial", _("Financial statement")
    LETTER = "letter", _("Letter stating the organisation's interest")
    OTHER = "other", _("Other document")


REQUIRED_DOCUMENTS = [k for k in DocumentKind.values if k != DocumentKind.OTHER]


class StoredUpload(models.Model):
    """An uploaded document as `services.uploads.upload_store` keeps it: the file
    (in `upload_storage`, under a name of its own; each kind of document says
    where with its own `file`), the sender's name for it, its size, the content
    type its checked extension gives, its SHA-256 and what the scan said."""

    file = models.FileField(storage=upload_storage)
    original_name = models.CharField(max_length=255)
    size = models.PositiveIntegerField()
    content_type = models.CharField(max_length=100, blank=True, default="")
    sha256 = models.CharField(max_length=64)
    scan = models.CharField(max_length=200, blank=True, default="")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    kind: str

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.kind}: {self.original_name}"


class ApplicationDocument(StoredUpload):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="documents"
    )
    kind = models.CharField(max_length=20, choices=DocumentKind.choices)
    file = models.FileField(storage=upload_storage, upload_to="applications/%Y/")
    history = HistoricalRecords()

    class Meta:
        ordering = ["application", "kind", "uploaded_at"]


class Message(models.Model):
    """A request for more from staff, or the applicant's answer."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="messages"
    )
    from_staff = models.BooleanField(default=True)
    text = models.TextField()
    written_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["written_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class BasisEntry(models.Model):
    """An organisation with a recorded basis for automatic accreditation (ECOSOC
    status, an earlier accreditation), imported from a CSV list."""

    name = models.CharField(max_length=300)
    normalised = models.CharField(max_length=300, db_index=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True
    )
    basis = models.CharField(max_length=10, choices=Basis.choices)
    reference = models.CharField(max_length=200, blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["normalised"]
        constraints = [
            models.UniqueConstraint(
                fields=["normalised", "basis"], name="basis_entry_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.basis})"


class Accreditation(models.Model):
    """An organisation accredited to a session: the public list's rows."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="accreditations"
    )
    session = models.ForeignKey(
        Session, on_delete=models.PROTECT, related_name="accreditations"
    )
    application = models.OneToOneField(
        Application, on_delete=models.SET_NULL, null=True, blank=True
    )
    group = models.CharField(max_length=30, choices=StakeholderGroup.choices)
    basis = models.CharField(
        max_length=10, choices=Basis.choices, blank=True, default=""
    )
    granted_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["session", "organisation__name_en"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "session"], name="accreditation_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} @ {self.session_id}"
