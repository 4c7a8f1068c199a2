"""Who a user is for the permission layer, and the API tokens users hold."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from partnerships.core.actor import Role
from partnerships.reference.models import UnRegion
from partnerships.registry.categories import Category
from partnerships.registry.models import Organisation


class Profile(models.Model):
    """A user's role; a focal point's organisation; an editor's regions and categories.

    A user without a profile (or with none of these roles) sees what the public sees.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    role = models.CharField(max_length=20, choices=Role.choices)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="focal_points",
        help_text="For a partner focal point: the organisation it speaks for.",
    )
    regions = models.ManyToManyField(
        UnRegion,
        blank=True,
        help_text="For an editor: UN M49 regions or sub-regions in its charge.",
    )
    categories = models.JSONField(
        default=list,
        blank=True,
        help_text="For an editor: categories of organisations in its charge.",
    )
    history = HistoricalRecords(m2m_fields=[regions])

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="profile_role_allowed"
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.FOCAL_POINT) | Q(organisation__isnull=False),
                name="profile_focal_point_has_organisation",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.role})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        unknown = set(self.categories or []) - set(Category.values)
        if unknown:
            raise ValidationError(
                {
                    "categories": _("Unknown categories: %(categories)s.")
                    % {"categories": ", ".join(sorted(unknown))}
                }
            )


class Scope(models.TextChoices):
    READ = "read", "read"
    WRITE = "write", "read and write"


class ApiToken(models.Model):
    """A personal API token. Only a hash of the secret is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    secret_hash = models.CharField(max_length=64)
    scope = models.CharField(max_length=5, choices=Scope.choices, default=Scope.READ)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["last_used_at"])

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(scope__in=Scope.values), name="token_scope"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
