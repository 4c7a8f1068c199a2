"""A row's column values checked against what its model's fields declare.

The declarations are the ones `full_clean` reads (null, blank, choices, length,
digits); here they are applied to a dict of column values without building an
instance, so the bulk services can check tens of thousands of rows cheaply. A
value that looks wrong is handed to the field's own `clean`, so the message is
exactly the one `full_clean` gives. The rules across fields live with each app
(`registry/validation.py`, `cooperation/validation.py`), which the models' `clean`
calls too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import cache
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

Errors = dict[str, list[str]]
_REMEMBERED = (str, int, type(None))
Check = Callable[[Any], bool]


def merge(*parts: Errors) -> Errors:
    out: Errors = {}
    for part in parts:
        for name, messages in part.items():
            out.setdefault(name, []).extend(messages)
    return out


@cache
def _checks(model: type[models.Model]) -> dict[str, tuple[models.Field, Check]]:
    """Per column: its field and a quick test that the value passes; a value that
    fails it goes to the field's own `clean`."""
    out = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        out[field.attname] = (field, _check(field))
    return out


def _check(field: models.Field) -> Check:
    if field.is_relation:
        return lambda value: value is not None or field.null
    if isinstance(field, models.DecimalField) and not field._validators:
        return _decimal_check(field)
    if isinstance(field, models.DecimalField):
        return lambda value: False  # its own validators: always the field's clean
    choices = frozenset(str(v) for v, _ in field.flatchoices) if field.choices else None
    limit = getattr(field, "max_length", None)
    empty = frozenset(v for v in field.empty_values if isinstance(v, str | None))

    def passes(value: Any) -> bool:
        if value is None or (isinstance(value, str) and value in empty):
            return field.blank and (value is not None or field.null)
        if choices is not None and value not in choices:
            return False
        return limit is None or not isinstance(value, str) or len(value) <= limit

    return passes


def _decimal_check(field: models.DecimalField) -> Check:
    """A Decimal within the field's digits and places, as DecimalValidator
    counts them; anything else (a string, a float, None) goes to `clean`."""
    places, whole = field.decimal_places, field.max_digits - field.decimal_places

    def passes(value: Any) -> bool:
        if type(value) is not Decimal or not value.is_finite():
            return False
        _, digits, exponent = value.as_tuple()
        if not isinstance(exponent, int):
            return False
        if exponent >= 0:
            return len(digits) + exponent <= whole or digits == (0,)
        decimals = -exponent
        return decimals <= places and max(len(digits) - decimals, 0) <= whole

    return passes


def column_errors(
    model: type[models.Model],
    values: Mapping[str, Any],
    passed: set[tuple[str, Any]] | None = None,
) -> Errors:
    """What `full_clean` would say of these columns' values (unknown names pass).

    `passed` remembers (name, value) pairs found good, for the next rows of a
    batch (most columns repeat: an engagement, a country, a currency)."""
    checks = _checks(model)
    errors: Errors = {}
    for name, value in values.items():
        found = checks.get(name)
        if found is None:
            continue
        # Only values equal exactly when the same (Decimal("1.0") equals
        # Decimal("1.000"), which has more places).
        hashable = passed is not None and type(value) in _REMEMBERED
        if hashable and (name, value) in passed:
            continue
        if found[1](value):
            if hashable:
                passed.add((name, value))
            continue
        field = found[0]
        if field.is_relation:
            errors[name] = [str(field.error_messages["null"])]
            continue
        try:
            field.clean(value, None)
        except ValidationError as error:
            errors[name] = error.messages
    return errors


def refused(label: str, failures: Iterable[tuple[str, Errors]], most: int = 5) -> str:
    """One sentence naming the rows refused (`label`, the translated name of
    the rows, and an identifying text per row), in the reader's language."""
    failures = list(failures)
    shown = [
        f"{who}: "
        + "; ".join(f"{name} {' '.join(msgs)}" for name, msgs in errors.items())
        for who, errors in failures[:most]
    ]
    more = ""
    if len(failures) > most:
        more = _(" and %(count)s more") % {"count": len(failures) - most}
    return _("%(label)s refused: %(count)s (%(rows)s%(more)s).") % {
        "label": label,
        "count": len(failures),
        "rows": "; ".join(shown),
        "more": more,
    }


def raise_errors(model: type[models.Model], errors: Errors) -> None:
    """For a model's `clean`: the errors under the fields' names (`parent`, not
    `parent_id`), as forms know them."""
    if not errors:
        return
    names = {f.attname: f.name for f in model._meta.concrete_fields}
    raise ValidationError({names.get(k, k): v for k, v in errors.items()})


def values_of(obj: models.Model) -> dict[str, Any]:
    """An instance's column values, as a row holds them."""
    return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}


def check_rows(
    model: type[models.Model],
    rows: Iterable[Mapping[str, Any]],
    rules: Callable[[Mapping[str, Any]], Errors],
    *,
    label: str,
    name: Callable[[Mapping[str, Any]], str],
) -> None:
    """Refuse the whole batch (`ValidationError`, naming the rows) when any row
    breaks its fields' declarations or the app's `rules`."""
    failures = []
    passed: set[tuple[str, Any]] = set()
    for row in rows:
        errors = column_errors(model, row, passed)
        more = rules(row)
        if errors or more:
            failures.append((name(row), merge(errors, more)))
    if failures:
        raise ValidationError(refused(label, failures))
