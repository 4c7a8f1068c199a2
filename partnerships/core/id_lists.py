"""A long list of ids as one query parameter.

`filter(engagement_id__in=ids)` with 10 000 ids makes 10 000 placeholders: Django
builds and quotes each, the driver binds each, and the database parses them all.
At a million engagements the country page's partners (the first 10 000 of a
country's engagements) spent more of its time there, in Python, than in the
query. `id_in("engagement_id", ids)` sends the whole list as one value: an array
on PostgreSQL (`= ANY(%s)`), a JSON array read by `json_each` on SQLite. Same rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from django.db.models import BooleanField, F, Func


class _IdIn(Func):
    output_field = BooleanField()

    def __init__(self, field: str, ids: list[int]) -> None:
        super().__init__(F(field))
        self.ids = ids

    def as_sql(
        self, compiler: Any, connection: Any, **extra: Any
    ) -> tuple[str, list[Any]]:
        column, params = compiler.compile(self.source_expressions[0])
        if connection.vendor == "postgresql":
            return f"{column} = ANY(%s::bigint[])", [*params, self.ids]
        return (
            f"{column} IN (SELECT value FROM json_each(%s))",  # noqa: S608 - a compiled column; the ids a parameter
            [*params, json.dumps(self.ids)],
        )


def id_in(field: str, ids: Iterable[int]) -> _IdIn:
    """A filter condition: `field` is one of `ids` (integers)."""
    return _IdIn(field, [int(i) for i in ids])
