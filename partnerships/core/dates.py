"""Dates known to a year, a month or a day.

The seed often says only "2018" or "2018年10月". A start is stored as the first day
of what is known, an end as the last day, and each keeps its precision; so an end
is never before its start when the two are compatible, and a report can print the
date as precisely as it is known and no more.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _


class Precision(models.TextChoices):
    YEAR = "year", "year"
    MONTH = "month", "month"
    DAY = "day", "day"


_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


@dataclass(frozen=True)
class FuzzyDate:
    value: dt.date
    precision: str

    def text(self) -> str:
        if self.precision == Precision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision == Precision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


def parse_fuzzy(text: str, *, end: bool = False) -> FuzzyDate:
    """Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD"; an end takes the period's last day."""
    match = _PATTERN.match(str(text).strip())
    if not match:
        raise ValueError(
            _("%(text)s is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.")
            % {"text": repr(text)}
        )
    year = int(match.group(1))
    month = match.group(2)
    day = match.group(3)
    if month is None:
        return FuzzyDate(dt.date(year, 12, 31) if end else dt.date(year, 1, 1), "year")
    m = int(month)
    if day is None:
        last = calendar.monthrange(year, m)[1]
        return FuzzyDate(dt.date(year, m, last if end else 1), "month")
    return FuzzyDate(dt.date(year, m, int(day)), "day")


def format_fuzzy(value: dt.date | None, precision: str | None) -> str | None:
    if value is None:
        return None
    return FuzzyDate(value, precision or Precision.DAY).text()
