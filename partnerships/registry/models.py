"""Organisations: any actor that takes a role in cooperation."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.core.languages import (
    LANGUAGE_CHOICES,
    UN_LANGUAGES,
    localized,
    translated_fields,
)
from partnerships.core.validation import raise_errors
from partnerships.reference.models import Country, OrganisationType
from partnerships.registry.categories import IATI_TYPE, Category
from partnerships.registry.validation import KEY_PATTERN, organisation_errors


class Organisation(
    translated_fields("name", max_length=300, verbose="name"), models.Model
):
    """An organisation, with its official name in each UN language it has one in.

    Acronyms, short forms (开发署), aliases and former names are `OrganisationName`
    rows; identifiers (IATI org-id and others) are `Identifier` rows.
    """

    key = models.CharField(
        max_length=100,
        unique=True,
        help_text="Stable key used by data files, exports and the API (e.g. UNDP).",
    )
    category = models.CharField(max_length=40, choices=Category.choices)
    iati_type = models.ForeignKey(
        OrganisationType,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text="Overrides the IATI OrganisationType of the category.",
    )
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, null=True, blank=True
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    website = models.URLField(blank=True, default="")
    is_synthetic = models.BooleanField(
        default=False, help_text="Made by `partnerships synth`, not real data."
    )
    is_published = models.BooleanField(
        default=True, help_text="Shown to the public and in the API without login."
    )
    # No index: almost every row is NULL, and an index tempts planners away from
    # the key index that serves the ordered lists.
    deleted_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(
        default=1, help_text="Raised by every update; a stale write is refused."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name_en", "key"]
        constraints = [
            models.CheckConstraint(
                condition=Q(category__in=Category.values),
                name="organisation_category_allowed",
            ),
            models.CheckConstraint(
                condition=Q(key__regex=KEY_PATTERN), name="organisation_key_shape"
            ),
            models.CheckConstraint(
                condition=~Q(**{f"name_{lang}": "" for lang in UN_LANGUAGES}),
                name="organisation_has_a_name",
            ),
            models.CheckConstraint(
                condition=~Q(parent=models.F("id")), name="organisation_not_own_parent"
            ),
        ]
        # The directory sorted by name reads organisations in this order and stops
        # after a page, instead of testing a filter on every organisation and
        # sorting them all.
        indexes = [
            models.Index(fields=["name_en", "key"], name="organisation_name_order")
        ]

    def __str__(self) -> str:
        return self.display_name("en")

    def clean(self) -> None:
        raise_errors(Organisation, organisation_errors(vars(self)))

    def display_name(self, lang: str) -> str:
        return localized(self, "name", lang).text

    @property
    def iati_type_code(self) -> str:
        if self.iati_type_id:
            return str(self.iati_type_id)
        return IATI_TYPE[self.category]


class NameKind(models.TextChoices):
    ACRONYM = "acronym", _("acronym")
    SHORT = "short", _("short form")
    ALIAS = "alias", _("alias or variant")
    FORMER = "former", _("former name")


class OrganisationName(models.Model):
    """Another name of an organisation: acronym, short form, alias or former name."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="other_names"
    )
    kind = models.CharField(max_length=10, choices=NameKind.choices)
    lang = models.CharField(max_length=2, choices=LANGUAGE_CHOICES)
    value = models.CharField(max_length=300)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "kind", "lang", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "lang", "value"],
                name="organisation_name_unique",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=NameKind.values), name="organisation_name_kind"
            ),
            models.CheckConstraint(
                condition=Q(lang__in=UN_LANGUAGES), name="organisation_name_lang"
            ),
            models.CheckConstraint(
                condition=~Q(value=""), name="organisation_name_not_empty"
            ),
        ]
        indexes = [models.Index(fields=["value"])]

    def __str__(self) -> str:
        return f"{self.value} ({self.kind}, {self.lang})"


class Identifier(models.Model):
    """An identifier of an organisation in a scheme, unique within the scheme.

    Schemes: `IATI` (IATI organisation identifier, e.g. XM-DAC-41120),
    `CRS` (OECD CRS channel code), and any other agency's register.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="identifiers"
    )
    scheme = models.CharField(max_length=40)
    value = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["scheme", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"], name="identifier_unique_per_scheme"
            ),
            models.CheckConstraint(
                condition=~Q(scheme="") & ~Q(value=""), name="identifier_not_empty"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"
