"""Reference data: codelists and taxonomies that other records point to.

Country and currency codes are foreign keys to these tables, so the database itself
refuses a code that is not on the list.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from partnerships.core.languages import Localized, as_dict, translated_fields
from partnerships.reference.unterm import country_localized


class UnRegion(models.Model):
    """A region or sub-region of the UN M49 standard (data/reference/country_regions.csv)."""

    code = models.CharField(primary_key=True, max_length=3)
    name_en = models.CharField(max_length=100)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subregions",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"


class Country(models.Model):
    """ISO 3166-1 alpha-2, as in IATI's Country codelist (which includes XK, Kosovo)."""

    code = models.CharField(primary_key=True, max_length=2)
    un_subregion = models.ForeignKey(
        UnRegion,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="countries",
    )
    name_en = models.CharField(max_length=200)
    name_fr = models.CharField(max_length=200, blank=True, default="")
    withdrawn = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "countries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{2}$"),
                name="country_code_alpha2",
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"

    def localized_name(self, lang: str) -> Localized:
        """Its name in `lang` from UN terminology, as the report names it (the
        columns hold the IATI codelist's English and French, used only for a code
        UN terminology lacks)."""
        return country_localized(self.code, lang, as_dict(self, "name"))


class Currency(models.Model):
    """ISO 4217, as in IATI's Currency codelist."""

    code = models.CharField(primary_key=True, max_length=3)
    name_en = models.CharField(max_length=200)
    withdrawn = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "currencies"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(code__regex=r"^[A-Z]{3}$"),
                name="currency_code_iso4217",
            )
        ]

    def __str__(self) -> str:
        return self.code


class Region(models.Model):
    """Regions of IATI's Region codelist (OECD DAC vocabulary 1)."""

    code = models.CharField(primary_key=True, max_length=4)
    name_en = models.CharField(max_length=200)
    withdrawn = models.BooleanField(default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"


class OrganisationType(models.Model):
    """IATI OrganisationType codelist."""

    code = models.CharField(primary_key=True, max_length=3)
    name_en = models.CharField(max_length=200)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"


class IatiOrganisationRole(models.Model):
    """IATI OrganisationRole codelist (participating-org/@role)."""

    code = models.CharField(primary_key=True, max_length=2)
    name_en = models.CharField(max_length=100)
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name_en}"


class SdgGoal(models.Model):
    code = models.CharField(primary_key=True, max_length=2)
    title_en = models.TextField()
    title_zh = models.TextField(blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"SDG {self.code}"


class SdgTarget(models.Model):
    """The 169 SDG targets (IATI UNSDG-Targets); Chinese titles for Goal 11."""

    code = models.CharField(primary_key=True, max_length=5)
    goal = models.ForeignKey(SdgGoal, on_delete=models.PROTECT, related_name="targets")
    title_en = models.TextField()
    title_zh = models.TextField(blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["goal", "code"]

    def __str__(self) -> str:
        return self.code


class SdgIndicator(models.Model):
    """SDG 11 indicators with their custodians and tier history."""

    code = models.CharField(primary_key=True, max_length=8)
    target = models.ForeignKey(
        SdgTarget, on_delete=models.PROTECT, related_name="indicators"
    )
    title_en = models.TextField()
    title_zh = models.TextField(blank=True, default="")
    custodian_agencies = models.CharField(max_length=200, blank=True, default="")
    status = models.CharField(max_length=20, blank=True, default="")
    tier_current = models.CharField(max_length=20, blank=True, default="")
    tier_history = models.TextField(blank=True, default="")
    history = HistoricalRecords()

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class Theme(translated_fields("name", max_length=200, verbose="name"), models.Model):
    """A theme of cooperation (see data/reference/themes.yaml)."""

    code = models.SlugField(primary_key=True, max_length=40)
    position = models.PositiveSmallIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return self.name_en or self.code
