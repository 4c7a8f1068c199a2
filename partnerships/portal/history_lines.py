"""The child lines an engagement's history row records (`history_children`:
places and money lines added, changed, removed; cooperation/children.py), in
words: one sentence per line, codes named in the reader's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from partnerships.cooperation.money import MoneyKind
from partnerships.core.languages import localized
from partnerships.portal.language import content_language
from partnerships.reference.models import Country, Region

PLACE: dict[str, Callable[[], str]] = {
    "added": lambda: _("Place added: %(place)s"),
    "changed": lambda: _("Place changed: %(place)s"),
    "removed": lambda: _("Place removed: %(place)s"),
}
MONEY: dict[str, Callable[[], str]] = {
    "added": lambda: _("Money line %(position)s added: %(line)s"),
    "changed": lambda: _("Money line %(position)s changed: %(line)s"),
    "removed": lambda: _("Money line %(position)s removed: %(line)s"),
}


def lines_in_words(entries: list[dict[str, Any]]) -> list[list[str]]:
    """For each history entry, its child lines in words (names read once)."""
    names = _place_names(entries)
    return [_lines(entry.get("children") or {}, names) for entry in entries]


def _place_names(entries: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    wanted: dict[str, set[str]] = {"country": set(), "region": set()}
    for entry in entries:
        for lines in ((entry.get("children") or {}).get("places") or {}).values():
            for line in lines:
                for kind, codes in wanted.items():
                    if line.get(kind):
                        codes.add(line[kind])
    out = {}
    lang = content_language()
    for kind, model in (("country", Country), ("region", Region)):
        for found in model.objects.filter(pk__in=wanted[kind]):
            out[(kind, found.pk)] = (
                f"{localized(found, 'name', lang).text} ({found.pk})"
            )
    return out


def _lines(children: dict[str, Any], names: dict[tuple[str, str], str]) -> list[str]:
    out = []
    for how, lines in (children.get("places") or {}).items():
        for line in lines:
            kind = "country" if line.get("country") else "region"
            place = names.get((kind, line.get(kind)), str(line.get(kind)))
            if line.get("changes"):
                place += ": " + _changes(line["changes"])
            out.append(PLACE.get(how, PLACE["changed"])() % {"place": place})
    for how, lines in (children.get("money") or {}).items():
        for line in lines:
            text = _changes(line["changes"]) if "changes" in line else _money(line)
            out.append(
                MONEY.get(how, MONEY["changed"])()
                % {"position": line.get("position", "?"), "line": text}
            )
    return out


def _money(line: dict[str, Any]) -> str:
    kind = str(dict(MoneyKind.choices).get(line.get("kind"), line.get("kind", "")))
    parts = [f"{kind} {line.get('type_code', '')}".strip()]
    if line.get("period_start") or line.get("period_end"):
        parts.append(f"{line.get('period_start', '…')} – {line.get('period_end', '…')}")
    if line.get("date"):
        parts.append(line["date"])
    parts.append(f"{line.get('currency', '')} {line.get('amount', '')}".strip())
    for side, words in (
        ("provider", _("from %(name)s")),
        ("receiver", _("to %(name)s")),
    ):
        name = line.get(f"{side}_name") or line.get(f"{side}_ref")
        if name:
            parts.append(words % {"name": name})
    return ", ".join(parts)


def _changes(changes: dict[str, Any]) -> str:
    return "; ".join(
        f"{name.replace('_', ' ')} {value[0] or '—'} → {value[1] or '—'}"
        if isinstance(value, list)
        else f"{name.replace('_', ' ')} {pgettext('history', 'changed')}"
        for name, value in changes.items()
    )
