"""Money as IATI means it: each budget, planned disbursement and transaction.

A `MoneyLine` is one line of an engagement's money as its publisher wrote it:
its kind (a budget, original or revised; a planned disbursement; a transaction
of one of IATI's 13 types), its period or its date, its amount with its sign,
currency and value date, and who provides and receives it (the organisation
when it is known to the registry, and always the reference, name and activity
id as written). Nothing is merged: a line identical to an earlier one of the
same engagement is kept and flagged (`is_repeat`). Totals are only ever made
within one measure (`MEASURES`): adding a budget to a commitment, or a
commitment to the disbursement that pays it, counts the same money twice.

The older `Contribution` (money on a participation, "committed") stays for the
records entered by hand; migration 0006 gave each one its line (an incoming
commitment, type 11, from the participation's organisation).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal
from operator import itemgetter

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.reference.models import Currency
from partnerships.registry.models import Organisation


class MoneyKind(models.TextChoices):
    BUDGET = "budget", _("budget")
    PLANNED = "planned-disbursement", _("planned disbursement")
    TRANSACTION = "transaction", _("transaction")


# IATI TransactionType codes 1-13; BudgetType 1 original, 2 revised.
TRANSACTION_TYPES = tuple(str(code) for code in range(1, 14))
BUDGET_ORIGINAL, BUDGET_REVISED = "1", "2"

# Measure -> (kind, type codes it adds up). One measure, one kind of money.
MEASURES: dict[str, tuple[str, frozenset[str]]] = {
    "budgeted": (MoneyKind.BUDGET, frozenset({BUDGET_ORIGINAL, BUDGET_REVISED})),
    "planned": (MoneyKind.PLANNED, frozenset({"", "1", "2"})),
    "incoming": (MoneyKind.TRANSACTION, frozenset({"1"})),
    "committed": (MoneyKind.TRANSACTION, frozenset({"2"})),
    "disbursed": (MoneyKind.TRANSACTION, frozenset({"3"})),
    "spent": (MoneyKind.TRANSACTION, frozenset({"4"})),
    "committed-to": (MoneyKind.TRANSACTION, frozenset({"11"})),
    "pledged": (MoneyKind.TRANSACTION, frozenset({"12"})),
    "pledged-to": (MoneyKind.TRANSACTION, frozenset({"13"})),
}


class MoneyLine(models.Model):
    # Its lines are found through money_line_position (engagement, position).
    engagement = models.ForeignKey(
        "cooperation.Engagement",
        on_delete=models.CASCADE,
        related_name="money",
        db_index=False,
    )
    position = models.PositiveIntegerField(
        help_text="Order among the engagement's lines, as published."
    )
    kind = models.CharField(max_length=20, choices=MoneyKind.choices)
    type_code = models.CharField(
        max_length=2,
        blank=True,
        default="",
        help_text="BudgetType (1 original, 2 revised) or TransactionType (1-13).",
    )
    status = models.CharField(max_length=2, blank=True, default="")
    period_start = models.DateField(null=True, blank=True)
    period_end = models.DateField(null=True, blank=True)
    date = models.DateField(null=True, blank=True)
    amount = models.DecimalField(max_digits=18, decimal_places=2)
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT)
    value_date = models.DateField(null=True, blank=True)
    provider = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="money_provided",
        db_index=False,  # money_line_provider: the lines that name one
    )
    provider_ref = models.CharField(max_length=200, blank=True, default="")
    provider_name = models.CharField(max_length=500, blank=True, default="")
    provider_activity = models.CharField(max_length=200, blank=True, default="")
    receiver = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="money_received",
        db_index=False,  # money_line_receiver: the lines that name one
    )
    receiver_ref = models.CharField(max_length=200, blank=True, default="")
    receiver_name = models.CharField(max_length=500, blank=True, default="")
    receiver_activity = models.CharField(max_length=200, blank=True, default="")
    is_repeat = models.BooleanField(
        default=False,
        help_text="Identical to an earlier line of the engagement; kept as published.",
    )
    contribution = models.OneToOneField(
        "cooperation.Contribution",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="line",
    )
    extras = models.JSONField(
        default=dict, blank=True, help_text="What the line carries beyond these."
    )
    # Its history is read by row (`id`), never by these columns: their
    # indexes would only slow the writing of history rows.
    history = HistoricalRecords(
        no_db_index=["engagement", "currency", "provider", "receiver", "contribution"]
    )

    class Meta:
        ordering = ["engagement", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["engagement", "position"], name="money_line_position"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=MoneyKind.values), name="money_line_kind"
            ),
            models.CheckConstraint(
                condition=~Q(kind=MoneyKind.TRANSACTION)
                | Q(type_code__in=TRANSACTION_TYPES),
                name="money_line_transaction_type",
            ),
        ]
        # Most lines name no provider or receiver the registry holds (every
        # budget, for one): an index of only those that do is smaller and
        # costs nothing to the others' writing.
        indexes = [
            models.Index(
                fields=["provider"],
                condition=Q(provider__isnull=False),
                name="money_line_provider",
            ),
            models.Index(
                fields=["receiver"],
                condition=Q(receiver__isnull=False),
                name="money_line_receiver",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.type_code} {self.currency_id} {self.amount}"

    def identity(self) -> tuple:
        """What makes two lines the same money as published."""
        return line_identity(vars(self))


IDENTITY_FIELDS = (
    "kind",
    "type_code",
    "period_start",
    "period_end",
    "date",
    "amount",
    "currency_id",
    "value_date",
    "provider_ref",
    "provider_name",
    "receiver_ref",
    "receiver_name",
)


_IDENTITY = itemgetter(*IDENTITY_FIELDS)


def line_identity(values: dict) -> tuple:
    try:
        return _IDENTITY(values)  # every column given (an import's row): C speed
    except KeyError:
        return tuple(values.get(name) for name in IDENTITY_FIELDS)


def measure_of(kind: str, type_code: str) -> str | None:
    for name, (measure_kind, codes) in MEASURES.items():
        if kind == measure_kind and type_code in codes:
            return name
    return None


def totals(lines: Iterable[MoneyLine]) -> dict[str, dict[str, Decimal]]:
    """Measure -> currency -> sum, each line added to its own measure only.

    "budgeted": a revised budget (type 2) replaces the original budgets of the
    same period, as IATI defines it; without a revision the originals count.
    """
    out: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    budgets: dict[tuple, list[MoneyLine]] = defaultdict(list)
    for line in lines:
        if line.kind == MoneyKind.BUDGET:
            period = (line.engagement_id, line.period_start, line.period_end)
            budgets[period].append(line)
            continue
        measure = measure_of(line.kind, line.type_code)
        if measure:
            out[measure][line.currency_id] += line.amount
    for group in budgets.values():
        revised = [b for b in group if b.type_code == BUDGET_REVISED]
        for line in revised or group:
            out["budgeted"][line.currency_id] += line.amount
    return {name: dict(sums) for name, sums in out.items()}


class PublishedActivity(models.Model):
    """What an imported IATI activity carried that the registry does not model,
    kept as published so that an export writes it again: the identifier, and
    elements such as sectors (vocabulary, percentage), tags, locations, document
    links, results and other identifiers, as XML in the file's order.

    The identifier is how an import finds the engagement an activity was
    imported as (never by our key: docs/iati.md, "Which engagement an activity
    is"), so one identifier names one engagement."""

    engagement = models.OneToOneField(
        "cooperation.Engagement", on_delete=models.CASCADE, related_name="published"
    )
    identifier = models.CharField(max_length=500)
    elements = models.JSONField(default=list, blank=True)
    # Its history is read by row (`id`), never by these columns: their
    # indexes would only slow the writing of history rows.
    history = HistoricalRecords(no_db_index=["engagement"])

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["identifier"], name="published_activity_identifier_once"
            ),
        ]

    def __str__(self) -> str:
        return self.identifier
