"""The plain data the reader turns an IATI activity or organisation into."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass
class OrgRef:
    ref: str = ""
    type: str = ""
    names: dict[str, str] = field(default_factory=dict)
    activity_id: str = ""

    @property
    def label(self) -> str:
        return self.ref or next(iter(self.names.values()), "")


@dataclass
class Money:
    """A budget, planned disbursement or transaction, as published."""

    kind: str  # "budget", "planned-disbursement" or "transaction"
    type_code: str
    amount: Decimal
    currency: str
    value_date: str
    line: int = 0
    date: str = ""
    period: tuple[str, str] = ("", "")
    status: str = ""
    provider: OrgRef | None = None
    receiver: OrgRef | None = None
    xml: str = ""  # the whole line as published, every child and attribute


@dataclass
class Record:
    """One iati-activity or iati-organisation, as plain data."""

    line: int
    identifier: str
    lang: str
    title: dict[str, str] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    reporting: OrgRef | None = None
    status: str = ""
    dates: dict[str, tuple[str, str]] = field(default_factory=dict)
    participants: list[tuple[str, OrgRef]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    sectors: list[tuple[str, str]] = field(default_factory=list)
    tags: list[tuple[str, str]] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    # Elements the registry does not model, as published XML (mapping.KEPT).
    kept: list[str] = field(default_factory=list)
