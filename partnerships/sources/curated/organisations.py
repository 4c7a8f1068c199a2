"""Read organisations from the UN reference list and a curated dataset, and merge them.

Merge rules: the curated (seed) data wins over the reference list, and a reference
name it replaces is kept as an alias; two curated files that say different things
of the same organisation are an error. Reference values marked `?` (unverified)
are not loaded.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.categories import FROM_UN_REFERENCE, Category
from partnerships.registry.models import KEY_PATTERN
from partnerships.registry.services import OrganisationSpec

# Inter-agency bodies listed among "other" entities in the reference list.
_REFERENCE_CATEGORY_OVERRIDES = {
    "CEB": Category.INTER_AGENCY_MECHANISM,
    "UNSDG": Category.INTER_AGENCY_MECHANISM,
}
_ALIAS_KINDS = {"former": "former", "acronym": "acronym", "short": "short"}


@dataclass
class OrgEntry:
    spec: OrganisationSpec
    origin: str
    paragraphs: set[int] = field(default_factory=set)
    reference_row: int | None = None


def _verified(value: str) -> str:
    value = (value or "").strip()
    return "" if not value or value.endswith("?") else value


def _looks_like_acronym(value: str) -> bool:
    return re.search(r"[A-Z]{2}", value) is not None


def read_reference_entities(path: Path) -> dict[str, OrgEntry]:
    entries: dict[str, OrgEntry] = {}
    with open(path, encoding="utf-8") as fh:
        for row_number, row in enumerate(csv.DictReader(fh), start=1):
            key = row["acronym_en"].strip()
            spec = OrganisationSpec(
                key=key,
                category=_REFERENCE_CATEGORY_OVERRIDES.get(
                    key, FROM_UN_REFERENCE[row["category"]]
                ),
            )
            spec.names["en"] = row["name_en"].strip()
            if zh := _verified(row["name_zh"]):
                spec.names["zh"] = zh
            if short := _verified(row["short_zh"]):
                if short != spec.names.get("zh"):
                    spec.short_names.setdefault("zh", set()).add(short)
            if _looks_like_acronym(key) and key != spec.names["en"]:
                spec.acronyms.setdefault("en", set()).add(key)
            parents = [p for p in row["parent"].split(";") if p.strip()]
            # ITC has two parents (UNCTAD;WTO): the model keeps one, the first.
            spec.parent = parents[0].strip() if parents else None
            entries[key] = OrgEntry(
                spec=spec, origin=path.name, reference_row=row_number
            )
    return entries


def read_reference_aliases(path: Path, entries: dict[str, OrgEntry]) -> None:
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            entry = entries.get(row["acronym_en"].strip())
            alias, kind, lang = row["alias"].strip(), row["kind"].strip(), row["lang"]
            if entry is None or kind.endswith("?") or alias.endswith("?"):
                continue
            if lang not in UN_LANGUAGES:
                continue
            name_kind = next((v for k, v in _ALIAS_KINDS.items() if k in kind), "alias")
            entry.spec.aliases.add((name_kind, lang, alias))


class OrganisationMerger:
    """Collects organisation entries from many files into one spec per key."""

    def __init__(self, reference: dict[str, OrgEntry], problems: list[str]) -> None:
        self.entries = reference
        self.curated: set[str] = set()
        self.problems = problems

    def add(self, raw: dict[str, Any], where: str) -> None:
        key = str(raw.get("key", "")).strip()
        if not re.match(KEY_PATTERN, key):
            self.problems.append(
                f"{where}: organisation key {key!r} is missing or malformed."
            )
            return
        where = f"{where} (organisation {key})"
        unknown = set(raw) - {
            "key",
            "category",
            "names",
            "acronyms",
            "short_names",
            "aliases",
            "country",
            "parent",
            "iati_type",
            "website",
            "identifiers",
            "paragraphs",
        }
        if unknown:
            self.problems.append(f"{where}: unknown field(s) {sorted(unknown)}.")
        entry = self.entries.get(key)
        if entry is None:
            category = raw.get("category", "")
            entry = OrgEntry(OrganisationSpec(key=key, category=category), origin=where)
            self.entries[key] = entry
        first_curated = key not in self.curated
        self._merge(entry, raw, where, from_reference=first_curated)
        if first_curated:
            entry.origin = where
        self.curated.add(key)

    def _merge(
        self, entry: OrgEntry, raw: dict[str, Any], where: str, *, from_reference: bool
    ) -> None:
        spec = entry.spec
        for name in ("category", "country", "parent", "iati_type", "website"):
            if raw.get(name) in (None, ""):
                continue
            value = str(raw[name])
            current = getattr(spec, name)
            if current and current != value and not from_reference:
                self.problems.append(
                    f"{where}: {name} {value!r} contradicts {current!r} from {entry.origin}."
                )
            else:
                setattr(spec, name, value)
        for lang, text in (raw.get("names") or {}).items():
            self._merge_name(entry, lang, str(text).strip(), where, from_reference)
        for field_name, store in (
            ("acronyms", spec.acronyms),
            ("short_names", spec.short_names),
        ):
            for lang, values in (raw.get(field_name) or {}).items():
                values = values if isinstance(values, list) else [values]
                store.setdefault(lang, set()).update(str(v).strip() for v in values)
        for alias in raw.get("aliases") or []:
            if not isinstance(alias, dict) or set(alias) - {"name", "lang", "kind"}:
                self.problems.append(f"{where}: alias {alias!r} has unknown keys.")
                continue
            kind = {"variant": "alias", "translation": "alias"}.get(
                alias.get("kind", "variant"), alias.get("kind")
            )
            spec.aliases.add(
                (kind, alias.get("lang", ""), str(alias.get("name", "")).strip())
            )
        for ident in raw.get("identifiers") or []:
            spec.identifiers.add((str(ident["scheme"]), str(ident["value"])))
        entry.paragraphs.update(int(p) for p in raw.get("paragraphs") or [])

    def _merge_name(
        self, entry: OrgEntry, lang: str, text: str, where: str, from_reference: bool
    ) -> None:
        current = entry.spec.names.get(lang)
        if not current or current == text:
            entry.spec.names[lang] = text
        elif from_reference:
            # The seed is authoritative; the reference spelling stays findable.
            entry.spec.aliases.add(("alias", lang, current))
            entry.spec.names[lang] = text
        else:
            self.problems.append(
                f"{where}: name ({lang}) {text!r} contradicts {current!r} from {entry.origin}."
            )
