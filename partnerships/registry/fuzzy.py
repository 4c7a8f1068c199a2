"""Organisations whose names are close to a query that matched nothing ("UN-Habiat").

PostgreSQL: pg_trgm's word similarity (`query <% name`), served by the trigram
indexes over `UPPER(column::text)` the registry already has. SQLite: rapidfuzz over
an index of every name held by each server process for five minutes; it is read
only when a query found nothing, so a common search never pays for it (docs/portal.md
has the figures).
"""

from __future__ import annotations

import threading
import time

from django.db import connection
from django.db.models import BooleanField, F, Func, TextField, Value
from django.db.models.functions import Cast, Upper
from rapidfuzz import fuzz, process

from partnerships.core.languages import field_names
from partnerships.registry.models import Organisation, OrganisationName
from partnerships.registry.ranking import normalise

SHORTEST = 4  # shorter queries are too short to be told from another word
INDEX_SECONDS = 300
CUTOFF = 80


class _WordSimilar(Func):
    """`UPPER(query) <% UPPER(column::text)`: some word of the column is close."""

    arg_joiner = " <%% "
    template = "(%(expressions)s)"
    output_field = BooleanField()


def _similar(column: str, text: str) -> _WordSimilar:
    return _WordSimilar(
        Upper(Value(text, output_field=TextField())),
        Upper(Cast(F(column), TextField())),
    )


def _trigram_ids(text: str, most: int) -> set[int]:
    ids: set[int] = set()
    for column in ["key", *field_names("name")]:
        ids.update(
            Organisation.objects.filter(_similar(column, text))
            .order_by()
            .values_list("pk", flat=True)[:most]
        )
    ids.update(
        OrganisationName.objects.filter(_similar("value", text))
        .order_by()
        .values_list("organisation_id", flat=True)[:most]
    )
    return ids


class _NamesIndex:
    """Every word of every organisation's names, with the ids of the organisations
    whose names have it: far fewer words than names, so a typo is looked up among
    them quickly (figures in docs/portal.md)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.built = 0.0
        self.words: dict[str, set[int]] = {}

    def _build(self) -> None:
        words: dict[str, set[int]] = {}
        columns = ["key", *field_names("name")]
        rows = Organisation.objects.order_by().values_list("pk", *columns)
        others = OrganisationName.objects.order_by().values_list(
            "organisation_id", "value"
        )
        for pk, *names in [*rows, *others]:
            for name in names:
                for word in normalise(name or "").split():
                    words.setdefault(word, set()).add(pk)
        self.words, self.built = words, time.monotonic()

    def close_to(self, text: str, most: int) -> set[int]:
        """Organisations having, for each word of `text` long enough to tell, a
        word close to it in their names."""
        with self.lock:
            if time.monotonic() - self.built > INDEX_SECONDS or not self.words:
                self._build()
            words = self.words
        found: set[int] | None = None
        choices = list(words)
        for token in [t for t in normalise(text).split() if len(t) >= SHORTEST]:
            close = process.extract(
                token, choices, scorer=fuzz.ratio, score_cutoff=CUTOFF, limit=most
            )
            ids = set().union(*(words[word] for word, _score, _i in close))
            found = ids if found is None else found & ids
        return set(list(found or ())[: most * 5])


NAMES_INDEX = _NamesIndex()


def close_organisation_ids(text: str, most: int) -> set[int]:
    """Up to `most` ids of organisations with a name close to `text`."""
    if len(text.strip()) < SHORTEST:
        return set()
    if connection.vendor == "postgresql":
        return _trigram_ids(text, most)
    return NAMES_INDEX.close_to(text, most)
