"""Names of organisations and places to look for in a text.

The organisation gazetteer is built from two sources, each switchable:

- the reference data shipped with the product (`data/reference/un_entities.csv`
  and `un_entity_aliases.csv`): UN system entities in English and Chinese, with
  acronyms, short forms and former names;
- the registry at run time: every organisation's names in each language, its
  acronyms, short forms, aliases and former names.

The evaluation builds it from the reference data alone, so that the figures say what
the extractor finds in a report it has not seen (docs/ingest.md).
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from partnerships.core.scripts import is_han

REFERENCE_DIR = Path(settings.BASE_DIR) / "data" / "reference"
INGEST_DIR = Path(settings.BASE_DIR) / "data" / "ingest"


@dataclass(frozen=True)
class NameEntry:
    """One name under which an organisation (or place) is known."""

    key: str
    name: str
    lang: str
    kind: str  # name | acronym | short | alias | former
    source: str  # reference | registry | country | city
    category: str = ""


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    text: str
    entries: tuple[NameEntry, ...]


_DROPPED = set('“”"《》「」')
# Curly apostrophes read as straight ones; 与 ("and") in a Chinese name as 和, which
# names spell either way (联合国贸易与发展会议, 联合国贸易和发展会议).
_APOSTROPHES = {"‘": "'", "’": "'", "与": "和"}


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """The form names are compared in (NFKC, case-folded, quotes dropped, curly
    apostrophes straight, no space
    next to a CJK character, single spaces elsewhere), with the index in `text` of
    each of its characters."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, raw in enumerate(text):
        for char in unicodedata.normalize("NFKC", raw).casefold():
            char = _APOSTROPHES.get(char, char)
            if char in _DROPPED:
                continue
            if char.isspace():
                if not chars or chars[-1] == " " or is_han(chars[-1]):
                    continue
                char = " "
            elif is_han(char) and chars and chars[-1] == " ":
                chars.pop()
                offsets.pop()
            chars.append(char)
            offsets.append(index)
    while chars and chars[-1] == " ":
        chars.pop()
        offsets.pop()
    return "".join(chars), offsets


def normalise(name: str) -> str:
    return normalise_with_offsets(name)[0]


def _is_word(char: str) -> bool:
    return bool(char) and (char.isascii() and char.isalnum())


class Gazetteer:
    """Longest-match lookup of known names in a text."""

    def __init__(self) -> None:
        self.by_norm: dict[str, list[NameEntry]] = defaultdict(list)
        self._by_prefix: dict[str, list[str]] = defaultdict(list)
        self._dirty = False

    def add(self, entry: NameEntry) -> None:
        norm = normalise(entry.name)
        if len(norm) < 2 or entry in self.by_norm[norm]:
            return
        if not self.by_norm[norm]:
            self._by_prefix[norm[:2]].append(norm)
            self._dirty = True
        self.by_norm[norm].append(entry)

    def extend(self, entries: Iterable[NameEntry]) -> None:
        for entry in entries:
            self.add(entry)

    def lookup(self, name: str) -> list[NameEntry]:
        return list(self.by_norm.get(normalise(name), ()))

    def names(self, lang: str | None = None) -> Iterable[NameEntry]:
        for entries in self.by_norm.values():
            yield from (e for e in entries if lang is None or e.lang == lang)

    def find(self, text: str) -> list[Match]:
        """Non-overlapping longest matches, left to right. Latin names match whole
        words only, case-insensitively; acronyms match in their own case."""
        if self._dirty:
            for names in self._by_prefix.values():
                names.sort(key=len, reverse=True)
            self._dirty = False
        norm, offsets = normalise_with_offsets(text)
        matches: list[Match] = []
        index = 0
        while index < len(norm) - 1:
            found = self._match_at(norm, index)
            if found is None:
                index += 1
                continue
            end, entries = found
            start, stop = offsets[index], offsets[end - 1] + 1
            kept = tuple(e for e in entries if _acronym_fits(e, text[start:stop]))
            if kept:
                matches.append(Match(start, stop, text[start:stop], kept))
                index = end
            else:
                index += 1
        return matches

    def _match_at(self, norm: str, index: int) -> tuple[int, list[NameEntry]] | None:
        if _is_word(norm[index]) and index > 0 and _is_word(norm[index - 1]):
            return None
        for name in self._by_prefix.get(norm[index : index + 2], ()):
            end = index + len(name)
            if not norm.startswith(name, index):
                continue
            if _is_word(name[-1]) and end < len(norm) and _is_word(norm[end]):
                continue
            return end, self.by_norm[name]
        return None


def _acronym_fits(entry: NameEntry, text: str) -> bool:
    """Acronyms match in their own case ("WHO", not "who"); one written in mixed
    case also in capitals ("UN-HABITAT" for "UN-Habitat"); a UN acronym also as
    newspapers write it ("Unicef")."""
    if entry.kind != "acronym" or text == entry.name:
        return True
    if _news_style(entry.name, text):
        return True
    return text.isupper() and not entry.name.isupper() and text == entry.name.upper()


# A UN acronym of five letters or more written as a word, as many newspapers write
# them: "Unicef", "Unesco", "Unhcr" for UNICEF, UNESCO, UNHCR.
NEWS_STYLE = re.compile(r"Un[a-z]{3,}")


def _news_style(acronym: str, text: str) -> bool:
    return bool(NEWS_STYLE.fullmatch(text)) and text.upper() == acronym


def _clean(value: str) -> str:
    # A trailing "?" marks an unverified value in the reference files.
    return value.strip().rstrip("?").strip()


def _rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def reference_entries(directory: Path = REFERENCE_DIR) -> list[NameEntry]:
    """UN system entities of the reference data under all their names; and the
    UN's principal organs and the high-level political forum, which the list of UN
    system entities leaves out (data/ingest/un_bodies.csv)."""
    out: list[NameEntry] = []
    for row in _rows(directory / "un_entities.csv"):
        for column, lang, kind in (
            ("acronym_en", "en", "acronym"),
            ("name_en", "en", "name"),
            ("name_zh", "zh", "name"),
            ("short_zh", "zh", "short"),
        ):
            if value := _clean(row[column]):
                key, category = row["acronym_en"], row["category"]
                out.append(NameEntry(key, value, lang, kind, "reference", category))
    for row in _rows(directory / "un_entity_aliases.csv"):
        kind = "acronym" if "acronym" in row["kind"] else "alias"
        if value := _clean(row["alias"]):
            out.append(
                NameEntry(row["acronym_en"], value, row["lang"], kind, "reference")
            )
    for file_name, category in (
        ("un_bodies.csv", "un_principal_organ"),
        ("common_names.csv", ""),
        ("zh_government_bodies.csv", "government"),
    ):
        for row in _rows(INGEST_DIR / file_name):
            out.append(
                NameEntry(
                    row["key"],
                    row["name"],
                    row["lang"],
                    row["kind"],
                    "reference",
                    category,
                )
            )
    return out + spelling_variants(out)


# British and American spellings of the same name: "Program" for "Programme".
_SPELLINGS = (
    ("Programme", "Program"),
    ("Organization", "Organisation"),
    ("Organisation", "Organization"),
    ("Centre", "Center"),
)


def spelling_variants(entries: list[NameEntry]) -> list[NameEntry]:
    out = []
    for entry in entries:
        if entry.lang != "en" or entry.kind == "acronym":
            continue
        if entry.name.startswith("United Nations ") and len(entry.name.split()) > 3:
            # "UN Global Compact" for "United Nations Global Compact".
            short = "UN " + entry.name.removeprefix("United Nations ")
            out.append(
                NameEntry(entry.key, short, "en", "alias", entry.source, entry.category)
            )
        for spelled, other in _SPELLINGS:
            if spelled in entry.name:
                name = entry.name.replace(spelled, other)
                out.append(
                    NameEntry(
                        entry.key, name, "en", "alias", entry.source, entry.category
                    )
                )
    return out


def registry_entries() -> list[NameEntry]:
    """Every name of every organisation in the registry (deleted ones left out),
    as the registry's resolver lists them."""
    from partnerships.registry.resolve import name_rows

    return [
        NameEntry(row.key, row.value, row.lang, row.kind, "registry", row.category)
        for row in name_rows()
    ]


def build_gazetteer(*, reference: bool = True, registry: bool = True) -> Gazetteer:
    gazetteer = Gazetteer()
    if reference:
        gazetteer.extend(reference_entries())
    if registry:
        gazetteer.extend(registry_entries())
    return gazetteer
