"""Output serializers (what the API shows) and input serializers (what it accepts)."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from partnerships.api.fields import CountryNamesField, TranslationsField
from partnerships.api.history_out import ChangeOut, HistoryOut  # noqa: F401
from partnerships.cooperation.models import (
    ChangeProposal,
    Contribution,
    Engagement,
    Kind,
    MoneyLine,
    Participation,
    Place,
    Role,
    Status,
)
from partnerships.cooperation.money import measure_of, totals
from partnerships.core.dates import format_fuzzy
from partnerships.registry.categories import Category
from partnerships.registry.models import Organisation
from partnerships.sources.models import Passage, SourceDocument

# --- Output -----------------------------------------------------------------------


class OrganisationOut(serializers.ModelSerializer):
    names = TranslationsField("name")
    acronyms = serializers.SerializerMethodField()
    short_names = serializers.SerializerMethodField()
    aliases = serializers.SerializerMethodField()
    parent = serializers.CharField(
        source="parent_key", read_only=True, allow_null=True, default=None
    )
    identifiers = serializers.SerializerMethodField()
    iati_type = serializers.CharField(source="iati_type_code", read_only=True)
    country_names = CountryNamesField()

    class Meta:
        model = Organisation
        fields = [
            "key",
            "names",
            "acronyms",
            "short_names",
            "aliases",
            "category",
            "iati_type",
            "country",
            "country_names",
            "parent",
            "website",
            "identifiers",
            "is_published",
            "version",
        ]

    def _names(self, obj: Organisation, kind: str) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for name in obj.other_names.all():
            if name.kind == kind:
                out.setdefault(name.lang, []).append(name.value)
        return out

    def get_acronyms(self, obj: Organisation) -> dict[str, list[str]]:
        return self._names(obj, "acronym")

    def get_short_names(self, obj: Organisation) -> dict[str, list[str]]:
        return self._names(obj, "short")

    def get_aliases(self, obj: Organisation) -> list[dict[str, str]]:
        return [
            {"kind": n.kind, "lang": n.lang, "value": n.value}
            for n in obj.other_names.all()
            if n.kind in ("alias", "former")
        ]

    def get_identifiers(self, obj: Organisation) -> list[dict[str, str]]:
        return [{"scheme": i.scheme, "value": i.value} for i in obj.identifiers.all()]


class ContributionOut(serializers.ModelSerializer):
    amount = serializers.DecimalField(
        max_digits=18, decimal_places=2, coerce_to_string=True
    )
    value_date = serializers.SerializerMethodField()

    class Meta:
        model = Contribution
        fields = ["id", "amount", "currency", "value_date"]

    def get_value_date(self, obj: Contribution) -> str | None:
        return format_fuzzy(obj.value_date, obj.value_precision)


class ParticipantOut(serializers.ModelSerializer):
    organisation = serializers.SlugRelatedField(slug_field="key", read_only=True)
    contributions = ContributionOut(many=True, read_only=True)

    class Meta:
        model = Participation
        fields = ["id", "organisation", "role", "contributions"]


class ParticipationOut(ParticipantOut):
    engagement = serializers.SlugRelatedField(slug_field="key", read_only=True)

    class Meta(ParticipantOut.Meta):
        fields = ["id", "engagement", "organisation", "role", "contributions"]


class ContributionListOut(ContributionOut):
    engagement = serializers.CharField(source="participation.engagement.key")
    organisation = serializers.CharField(source="participation.organisation.key")
    role = serializers.CharField(source="participation.role")

    class Meta(ContributionOut.Meta):
        fields = [
            "id",
            "engagement",
            "organisation",
            "role",
            "amount",
            "currency",
            "value_date",
        ]


class PlaceOut(serializers.ModelSerializer):
    engagement = serializers.SlugRelatedField(slug_field="key", read_only=True)
    city = TranslationsField("city")
    country_names = CountryNamesField()

    class Meta:
        model = Place
        fields = ["id", "engagement", "country", "country_names", "region", "city"]


class PlaceBriefOut(serializers.ModelSerializer):
    city = TranslationsField("city")
    country_names = CountryNamesField()

    class Meta:
        model = Place
        fields = ["country", "country_names", "region", "city"]


class EngagementOut(serializers.ModelSerializer):
    title = TranslationsField("title")
    summary = TranslationsField("summary")
    start = serializers.SerializerMethodField()
    end = serializers.SerializerMethodField()
    parent = serializers.CharField(
        source="parent_key", read_only=True, allow_null=True, default=None
    )
    places = PlaceBriefOut(many=True, read_only=True)
    themes = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    sdg_targets = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )

    class Meta:
        model = Engagement
        fields = [
            "key",
            "kind",
            "title",
            "summary",
            "start",
            "end",
            "status",
            "parent",
            "places",
            "themes",
            "sdg_targets",
            "is_published",
            "is_confidential",
            "version",
        ]

    def get_start(self, obj: Engagement) -> str | None:
        return format_fuzzy(obj.start_date, obj.start_precision)

    def get_end(self, obj: Engagement) -> str | None:
        return format_fuzzy(obj.end_date, obj.end_precision)


class MoneyLineOut(serializers.ModelSerializer):
    amount = serializers.DecimalField(
        max_digits=18, decimal_places=2, coerce_to_string=True
    )
    measure = serializers.SerializerMethodField()

    class Meta:
        model = MoneyLine
        fields = [
            "position",
            "kind",
            "type_code",
            "measure",
            "period_start",
            "period_end",
            "date",
            "amount",
            "currency",
            "value_date",
            "provider_ref",
            "provider_name",
            "receiver_ref",
            "receiver_name",
            "is_repeat",
        ]

    def get_measure(self, obj: MoneyLine) -> str | None:
        return measure_of(obj.kind, obj.type_code)


class EngagementExpandedOut(EngagementOut):
    """An engagement with the participants the reader may see (`?expand=participants`),
    its money lines and their totals, each within one measure ("budgeted",
    "committed", "disbursed", "spent" ...; cooperation/money.py)."""

    participants = ParticipantOut(
        many=True, read_only=True, source="visible_participations"
    )
    money = MoneyLineOut(many=True, read_only=True, source="visible_money")
    money_totals = serializers.SerializerMethodField()

    class Meta(EngagementOut.Meta):
        fields = [*EngagementOut.Meta.fields, "participants", "money", "money_totals"]

    def get_money_totals(self, obj: Engagement) -> dict[str, dict[str, str]]:
        """Measure -> currency -> total, as a decimal string."""
        return {
            measure: {currency: f"{amount:.2f}" for currency, amount in sums.items()}
            for measure, sums in totals(obj.visible_money).items()
        }


class DocumentOut(serializers.ModelSerializer):
    title = TranslationsField("title")

    class Meta:
        model = SourceDocument
        fields = [
            "id",
            "symbol",
            "revision",
            "title",
            "language",
            "original_language",
            "date",
            "period_start",
            "period_end",
        ]


class PassageOut(serializers.ModelSerializer):
    document = serializers.SlugRelatedField(slug_field="symbol", read_only=True)
    revision = serializers.IntegerField(source="document.revision", read_only=True)

    class Meta:
        model = Passage
        fields = ["id", "document", "revision", "number", "chapter", "section", "text"]


class ProposalOut(serializers.ModelSerializer):
    engagement = serializers.SlugRelatedField(slug_field="key", read_only=True)
    organisation = serializers.SlugRelatedField(slug_field="key", read_only=True)
    proposed_by = serializers.CharField(source="proposed_by.username", read_only=True)

    class Meta:
        model = ChangeProposal
        fields = [
            "id",
            "engagement",
            "organisation",
            "proposed_by",
            "changes",
            "base_version",
            "reason",
            "status",
            "decided_at",
            "decision_note",
            "created_at",
        ]


class CountOut(serializers.Serializer):
    count = serializers.IntegerField()


# --- Input --------------------------------------------------------------------------


class WriteIn(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, max_length=500)

    def changes(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        data.pop("reason", None)
        out: dict[str, Any] = {}
        for name, value in data.items():
            if isinstance(value, dict) and name in self.translated:
                out.update(value)
            else:
                out[name] = value
        return out

    translated: tuple[str, ...] = ()


class EngagementIn(WriteIn):
    key = serializers.RegexField(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$", required=False)
    kind = serializers.ChoiceField(choices=Kind.choices, required=False)
    status = serializers.ChoiceField(choices=Status.choices, required=False)
    title = TranslationsField("title", required=False)
    summary = TranslationsField("summary", required=False)
    start = serializers.RegexField(
        r"^\d{4}(-\d{2}(-\d{2})?)?$", required=False, allow_null=True
    )
    end = serializers.RegexField(
        r"^\d{4}(-\d{2}(-\d{2})?)?$", required=False, allow_null=True
    )
    parent = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    themes = serializers.ListField(child=serializers.CharField(), required=False)
    sdg_targets = serializers.ListField(child=serializers.CharField(), required=False)
    is_published = serializers.BooleanField(required=False)
    is_confidential = serializers.BooleanField(required=False)
    translated = ("title", "summary")


class OrganisationIn(WriteIn):
    key = serializers.RegexField(
        r"^[A-Za-z0-9][A-Za-z0-9 ._&()-]{0,99}$", required=False
    )
    names = TranslationsField("name", required=False)
    category = serializers.ChoiceField(choices=Category.choices, required=False)
    country = serializers.CharField(
        required=False, allow_null=True, allow_blank=True, max_length=2
    )
    parent = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    website = serializers.URLField(required=False, allow_blank=True)
    is_published = serializers.BooleanField(required=False)
    translated = ("names",)


class ProposalIn(EngagementIn):
    pass


class DecisionIn(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=2000)


ROLE_CHOICES = Role.choices
