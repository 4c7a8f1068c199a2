"""Rows written in bulk, each with its history row, so the audit trail stays whole.

The generic writer under the domain apps' bulk services (`registry/bulk.py`,
`cooperation/bulk.py`, `sources/bulk.py`), which validate and check permission
first; it knows nothing of any domain model. New rows are plain `Row` dicts
(column attnames to values), inserted with one multi-row `INSERT ... RETURNING`
per batch (COPY on PostgreSQL): building a model instance and compiling each
value through the ORM cost ten times the database's own work, and an import
creates tens of thousands of rows. Each row gets its simple-history row the same
way (`+` for a creation, `~` for an update), as
`simple_history.utils.bulk_create_with_history` would write it, with the actor's
user and the reason (the system actor's name when none is given). Updates of
existing model instances go through the ORM's `bulk_update`. Many-to-many fields
with history (an engagement's themes and SDG targets) get their snapshot rows
too, as simple-history's own signal writes them.

Values are adapted as the ORM would for the types that need it (datetimes,
decimals, JSON); the models' database constraints still guard every row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from functools import cache
from operator import itemgetter
from typing import Any

from django.db import connection, models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from partnerships.core.actor import Actor
from partnerships.core.bulk_sql import _columns, _write, _write_keyless, json_value
from partnerships.core.data_version import data_changed
from partnerships.core.versioned import fitted_reason


class Row(dict):
    """A new row: attname -> value; `pk` once inserted."""

    @property
    def pk(self) -> Any:
        return self.get("id")


@cache
def _history_model(model: type[models.Model]) -> type[models.Model]:
    # Read once: simple-history makes a new manager class at each `.history`.
    return model.history.model


@cache
def _defaults(model: type[models.Model]) -> dict[str, Any]:
    return {
        field.attname: field.get_default()
        for field in model._meta.concrete_fields
        if not (field.primary_key and isinstance(field, models.AutoField))
    }


def insert(
    model: type[models.Model],
    rows: Sequence[dict[str, Any]],
    memo: dict[Any, Any] | None = None,
) -> list[int]:
    """Insert `rows` (missing columns take their defaults); returns their keys."""
    if not rows:
        return []
    values = _row_values(model, {} if memo is None else memo)
    return _write(model, [values(row) for row in rows])


def _row_values(
    model: type[models.Model], memo: dict[Any, Any]
) -> Callable[[dict[str, Any]], list[Any]]:
    """`_values` for the model's columns, auto_now columns taking the time now;
    `memo` keeps adapted values for another insert of the same values."""
    defaults = _defaults(model)
    now = timezone.now()
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            defaults = {**defaults, field.attname: now}
    return _values(_columns(model), defaults, memo)


def _values(
    columns: tuple[tuple[str, str, Any], ...],
    defaults: dict[str, Any],
    memo: dict[Any, Any],
) -> Callable[[dict[str, Any]], list[Any]]:
    """A function from a row to its column values, defaults filled in and the
    values that need it adapted as the ORM would (memoised: most datetimes in
    a batch are one `now`)."""
    names = [attname for attname, _, _ in columns]
    adapted = [(i, name, field) for i, (name, _, field) in enumerate(columns) if field]

    def values(row: dict[str, Any]) -> list[Any]:
        out = list(map((defaults | row).__getitem__, names))
        for index, name, field in adapted:
            if out[index] is not None:
                out[index] = _adapt(field, name, out[index], memo)
        return out

    return values


def _adapt(field: Any, attname: str, value: Any, memo: dict) -> Any:
    if type(value) is Decimal:
        return value  # as it is: the ORM's adaptation of one, on both drivers
    if isinstance(value, (dict, list)):
        # The same object in a row and in its history row is encoded once.
        found = memo.get(id(value))
        if found is None or found[0] is not value:
            found = (value, json_value(field, value))
            memo[id(value)] = found
        return found[1]
    key = (attname, value)
    if key not in memo:
        memo[key] = field.get_db_prep_save(value, connection)
    return memo[key]


def create(
    model: type[models.Model],
    rows: Sequence[Row],
    *,
    actor: Actor,
    reason: str = "",
    history: bool = True,
    history_values: Sequence[dict[str, Any]] | None = None,
) -> list[int]:
    """Insert new rows (setting their `id`) and one `+` history row each;
    returns the history rows' keys, in the order of `rows`.

    `history_values` gives, per row, the values of columns the history row has
    beyond the model's (an engagement's `history_children`). `history=False`
    writes no history rows: only for child lines whose change the history row of
    the record they belong to records (`cooperation/children.py`); nothing
    refers to such rows by key then, so they are inserted without asking for
    their keys (`id` is not set), the database's fastest way."""
    if not rows:
        return []
    now = timezone.now()
    for field in model._meta.concrete_fields:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            for row in rows:
                row.setdefault(field.attname, now)
    memo: dict[Any, Any] = {}
    values = _row_values(model, memo)
    params = [values(row) for row in rows]
    if not history:
        _write_keyless(model, params)
        data_changed()
        return []
    for row, key in zip(rows, _write(model, params), strict=True):
        row["id"] = key
    data_changed()
    extra = _history_extra(kind="+", actor=actor, reason=reason)
    order = _history_order(model, tuple(extra))
    if order is None or history_values is not None:
        # A history that is not the model's columns and its own.
        return _history(
            model, rows, "+", actor=actor, reason=reason, memo=memo, more=history_values
        )
    # The history rows from the values just written: adapted once.
    history = _history_model(model)
    names = [name for name, _, _ in _columns(history)]
    adapted = _row_values(history, memo)(extra)
    tail = [adapted[names.index(name)] for name in extra]
    pick = itemgetter(*order)
    return _write(
        history,
        [
            pick((*row, key, *tail))
            for row, key in zip(params, (r["id"] for r in rows), strict=True)
        ],
    )


def update(
    model: type[models.Model],
    objs: Sequence[models.Model],
    fields: Iterable[str],
    *,
    actor: Actor,
    reason: str = "",
    history: bool = True,
    history_values: Sequence[dict[str, Any]] | None = None,
) -> list[int]:
    """Write `fields` of existing `objs` and one `~` history row each (`history`
    and `history_values` as for `create`)."""
    if not objs:
        return []
    model._default_manager.bulk_update(objs, sorted(set(fields)), batch_size=100)
    data_changed()
    if not history:
        return []
    tracked = [f.attname for f in model._meta.concrete_fields]
    rows = [{name: getattr(obj, name) for name in tracked} for obj in objs]
    return _history(model, rows, "~", actor=actor, reason=reason, more=history_values)


def delete(model: type[models.Model], keys: Sequence[int]) -> None:
    """Delete rows by key with no history row (their removal is recorded by the
    record they belong to) and no cascade: only for rows nothing points to."""
    for start in range(0, len(keys), 500):
        model._base_manager.filter(pk__in=keys[start : start + 500])._raw_delete(
            connection.alias
        )
    if keys:
        data_changed()


def write(
    model: type[models.Model],
    *,
    new: Sequence[Row] = (),
    changed: Sequence[models.Model] = (),
    fields: Iterable[str] = (),
    versioned: bool = False,
    actor: Actor,
    reason: str = "",
    history: bool = True,
    history_new: Sequence[dict[str, Any]] | None = None,
    history_changed: Sequence[dict[str, Any]] | None = None,
) -> tuple[list[int], list[int]]:
    """`create` the new rows and `update` the changed objects (`versioned`: their
    `version` raised and `updated_at` set, as any edit does); returns the keys of
    their history rows. `history_new` and `history_changed` are the
    `history_values` of each."""
    fields = set(fields)
    if versioned and changed:
        now = timezone.now()
        for obj in changed:
            obj.version += 1
            obj.updated_at = now
        fields |= {"version", "updated_at"}
    by = {"actor": actor, "reason": reason, "history": history}
    return (
        create(model, new, history_values=history_new, **by),
        update(model, changed, fields, history_values=history_changed, **by),
    )


def _history_extra(*, kind: str, actor: Actor, reason: str) -> dict[str, Any]:
    """The columns a history row adds to its model's."""
    return {
        "history_date": timezone.now(),
        "history_change_reason": fitted_reason(reason or actor.system) or None,
        "history_type": kind,
        "history_user_id": actor.user_id,
    }


@cache
def _history_order(
    model: type[models.Model], extra: tuple[str, ...]
) -> tuple[int, ...] | None:
    """Where each column of the model's history row comes from, as indexes into
    (the model's column values, its key, the `extra` values); None when the
    history has another column."""
    own = [name for name, _, _ in _columns(model)]
    sources = {name: n for n, name in enumerate(own)}
    sources[model._meta.pk.attname] = len(own)
    sources |= {name: len(own) + 1 + n for n, name in enumerate(extra)}
    history = _history_model(model)
    order = [sources.get(name) for name, _, _ in _columns(history)]
    if None in order:
        return None
    return tuple(i for i in order if i is not None)


def _history(
    model: type[models.Model],
    rows: Sequence[dict[str, Any]],
    kind: str,
    *,
    actor: Actor,
    reason: str,
    memo: dict[Any, Any] | None = None,
    more: Sequence[dict[str, Any]] | None = None,
) -> list[int]:
    extra = _history_extra(kind=kind, actor=actor, reason=reason)
    if more is None:
        history = [{**row, **extra} for row in rows]
    else:
        history = [{**row, **extra, **own} for row, own in zip(rows, more, strict=True)]
    return insert(_history_model(model), history, memo)


def m2m_snapshot(
    history_keys: Sequence[int],
    owners: Sequence[int],
    field: models.ManyToManyField,
    rows: dict[int, dict[str, int]],
) -> int:
    """Historical rows of a many-to-many field: the set each history row saw.

    `history_keys[i]` is the history row of the object `owners[i]`; `rows` maps
    an object's key to its related keys, each with the id of its row in the
    through table (simple-history keeps that id).
    """
    history_model = HistoricalRecords.m2m_models[field]
    source = f"{field.m2m_field_name()}_id"
    target = f"{field.m2m_reverse_field_name()}_id"
    snapshot = [
        {"id": through, "history_id": key, source: owner, target: value}
        for key, owner in zip(history_keys, owners, strict=True)
        for value, through in sorted(rows.get(owner, {}).items())
    ]
    insert(history_model, snapshot)
    return len(snapshot)


def links(relation: Any, ids: Iterable[int]) -> dict[int, dict[Any, int]]:
    """Per owner of a many-to-many `relation`: each related key and the id of its
    row in the through table."""
    through = relation.remote_field.through
    source = f"{relation.m2m_field_name()}_id"
    target = f"{relation.m2m_reverse_field_name()}_id"
    out: dict[int, dict[Any, int]] = defaultdict(dict)
    rows = through.objects.filter(**{f"{source}__in": list(ids)})
    for pk, owner, value in rows.values_list("pk", source, target):
        out[owner][value] = pk
    return out


def set_links(
    relation: Any, wanted: dict[int, set[Any]], before: dict[int, dict[Any, int]]
) -> dict[int, dict[Any, int]]:
    """Make the through table hold `wanted` for those owners and return its rows
    (no signals: the history snapshot is written by `m2m_snapshot`)."""
    through = relation.remote_field.through
    source = f"{relation.m2m_field_name()}_id"
    target = f"{relation.m2m_reverse_field_name()}_id"
    out: dict[int, dict[Any, int]] = {}
    added = []
    for owner, values in wanted.items():
        rows = dict(before.get(owner, {}))
        gone = set(rows) - values
        if gone:
            through.objects.filter(pk__in=[rows.pop(v) for v in gone]).delete()
        for value in sorted(values - set(rows)):
            added.append((owner, value))
        out[owner] = rows
    keys = insert(through, [{source: owner, target: value} for owner, value in added])
    for (owner, value), key in zip(added, keys, strict=True):
        out[owner][value] = key
    return out
