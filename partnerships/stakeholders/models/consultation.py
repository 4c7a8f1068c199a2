"""Consultations: a draft in numbered paragraphs, open to an audience until a
deadline, with comments per paragraph and a synthesis staff edit."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.cooperation.models import Engagement
from partnerships.registry.models import Organisation
from partnerships.stakeholders.groups import StakeholderGroup


class Audience(models.TextChoices):
    PUBLIC = "public", _("the public")
    ACCREDITED = "accredited", _("accredited stakeholders")
    NAMED = "named", _("named organisations")


class Consultation(models.Model):
    key = models.SlugField(max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=300)
    audience = models.CharField(
        _("open to"), max_length=12, choices=Audience.choices, default=Audience.PUBLIC
    )
    invited = models.ManyToManyField(Organisation, blank=True, related_name="+")
    opens_on = models.DateField(_("opens on"), null=True, blank=True)
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    engagement = models.OneToOneField(
        Engagement, on_delete=models.CASCADE, related_name="consultation"
    )
    synthesis = models.TextField(_("synthesis"), blank=True, default="")
    history = HistoricalRecords(m2m_fields=[invited])

    class Meta:
        ordering = ["-deadline", "key"]

    def __str__(self) -> str:
        return self.title


class Paragraph(models.Model):
    consultation = models.ForeignKey(
        Consultation, on_delete=models.CASCADE, related_name="paragraphs"
    )
    number = models.PositiveIntegerField()
    heading = models.CharField(max_length=300, blank=True, default="")
    text = models.TextField()
    synthesis = models.TextField(_("synthesis"), blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["consultation", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "number"], name="paragraph_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.consultation.key} ¶{self.number}"


class CommentKind(models.TextChoices):
    SUPPORT = "support", _("support")
    AMEND = "amend", _("amendment")
    CONCERN = "concern", _("concern")
    QUESTION = "question", _("question")


class Moderation(models.TextChoices):
    PENDING = "pending", _("awaiting moderation")
    APPROVED = "approved", _("published")
    REJECTED = "rejected", _("not published")


class Comment(models.Model):
    """A comment on one paragraph, in the name of an organisation. The author's
    name is personal data: staff only."""

    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="comments"
    )
    organisation = models.ForeignKey(
        # The comment stays, with the name it was written under.
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
    )
    organisation_name = models.CharField(_("organisation"), max_length=300)
    group = models.CharField(
        _("stakeholder category"), max_length=30, choices=StakeholderGroup.choices
    )
    kind = models.CharField(_("kind"), max_length=10, choices=CommentKind.choices)
    text = models.TextField(_("comment"))
    proposed_text = models.TextField(_("proposed text"), blank=True, default="")
    author_name = models.CharField(_("your name"), max_length=200, blank=True)
    status = models.CharField(
        max_length=10, choices=Moderation.choices, default=Moderation.PENDING
    )
    written_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["paragraph", "written_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=CommentKind.AMEND) | ~Q(proposed_text=""),
                name="amendment_has_text",
            )
        ]

    def __str__(self) -> str:
        return f"{self.paragraph}: {self.kind} by {self.organisation_name}"
