"""A curated dataset: one source document, its passages, organisations, engagements.

`read_dataset()` reads and checks everything first and raises `DatasetError` listing
every problem; only a clean dataset reaches `write_dataset()`, inside one transaction.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from partnerships.cooperation.services import PlaceSpec
from partnerships.core.languages import UN_LANGUAGES
from partnerships.reference.models import (
    Country,
    Currency,
    OrganisationType,
    Region,
    SdgTarget,
    Theme,
)
from partnerships.registry.categories import Category
from partnerships.registry.models import NameKind
from partnerships.sources.curated.engagements import EngagementEntry, EngagementReader
from partnerships.sources.curated.errors import DatasetError
from partnerships.sources.curated.organisations import (
    OrganisationMerger,
    OrgEntry,
    read_reference_aliases,
    read_reference_entities,
)


@dataclass
class Dataset:
    document: dict[str, Any]
    passages: list[dict[str, Any]]
    organisations: dict[str, OrgEntry]
    engagements: dict[str, EngagementEntry]
    reference_rows: list[dict[str, str]] = field(default_factory=list)


def _load_yaml(path: Path, problems: list[str]) -> Any:
    try:
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh)
    except (OSError, yaml.YAMLError) as exc:
        problems.append(f"{path.name}: cannot be read: {exc}")
        return None


def _entries(path: Path, problems: list[str]) -> list[dict[str, Any]]:
    data = _load_yaml(path, problems)
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        problems.append(f"{path.name}: must be a list of entries.")
        return []
    return data


def read_dataset(directory: Path, reference_dir: Path) -> Dataset:
    problems: list[str] = []
    document = _load_yaml(directory / "document.yaml", problems) or {}
    passages = _entries(directory / "passages.yaml", problems)
    reference = read_reference_entities(reference_dir / "un_entities.csv")
    read_reference_aliases(reference_dir / "un_entity_aliases.csv", reference)
    merger = OrganisationMerger(reference, problems)
    for index, raw in enumerate(
        _entries(directory / "organisations.yaml", problems), 1
    ):
        merger.add(raw, f"organisations.yaml entry {index}")
    _identifiers(reference_dir / "identifiers.csv", merger.entries, problems)
    reader = EngagementReader(problems)
    eng_files = sorted((directory / "engagements").glob("*.yaml"))
    eng_files.sort(key=lambda p: p.name != "shared.yaml")
    for path in eng_files:
        for index, raw in enumerate(_entries(path, problems), start=1):
            reader.add(raw, f"engagements/{path.name} entry {index}")
    reader.merge_extensions()
    dataset = Dataset(document, passages, merger.entries, reader.entries)
    Checker(dataset, problems).run()
    if problems:
        raise DatasetError(problems)
    return dataset


def _identifiers(path: Path, entries: dict[str, OrgEntry], problems: list[str]) -> None:
    """Identifiers of data/reference/identifiers.csv (IATI and CRS codes)."""
    with open(path, encoding="utf-8") as fh:
        for line, row in enumerate(csv.DictReader(fh), start=2):
            entry = entries.get(row["key"])
            if entry is None:
                problems.append(
                    f"{path.name} line {line}: no organisation {row['key']!r}."
                )
                continue
            entry.spec.identifiers.add((row["scheme"], row["value"]))


class Checker:
    """Checks references between entries and against the reference tables."""

    def __init__(self, dataset: Dataset, problems: list[str]) -> None:
        self.ds = dataset
        self.problems = problems
        self.texts = {int(p["paragraph"]): str(p["text"]) for p in dataset.passages}
        self.countries = set(Country.objects.values_list("code", flat=True))
        self.regions = set(Region.objects.values_list("code", flat=True))
        self.currencies = set(Currency.objects.values_list("code", flat=True))
        self.themes = set(Theme.objects.values_list("code", flat=True))
        self.targets = set(SdgTarget.objects.values_list("code", flat=True))
        self.org_types = set(OrganisationType.objects.values_list("code", flat=True))

    def run(self) -> None:
        if not self.ds.document.get("symbol"):
            self.problems.append("document.yaml: symbol is missing.")
        numbers = [int(p.get("paragraph", 0)) for p in self.ds.passages]
        if len(set(numbers)) != len(numbers):
            self.problems.append("passages.yaml: a paragraph number is used twice.")
        for entry in self.ds.organisations.values():
            self._organisation(entry)
        for entry in self.ds.engagements.values():
            self._engagement(entry)

    def _organisation(self, entry: OrgEntry) -> None:
        spec, where = entry.spec, entry.origin
        if spec.category not in Category.values:
            self.problems.append(f"{where}: category {spec.category!r} is not known.")
        if not any(spec.names.get(lang) for lang in UN_LANGUAGES):
            self.problems.append(f"{where}: has no name in any UN language.")
        if bad := set(spec.names) - set(UN_LANGUAGES):
            self.problems.append(
                f"{where}: names in unknown language(s) {sorted(bad)}."
            )
        if spec.country and spec.country not in self.countries:
            self.problems.append(
                f"{where}: country {spec.country!r} is not an ISO code."
            )
        if spec.parent and spec.parent not in self.ds.organisations:
            self.problems.append(f"{where}: parent {spec.parent!r} is not defined.")
        if spec.iati_type and spec.iati_type not in self.org_types:
            self.problems.append(
                f"{where}: iati_type {spec.iati_type!r} is not a code."
            )
        self._aliases(spec.aliases, where)
        for number in entry.paragraphs:
            if number not in self.texts:
                self.problems.append(
                    f"{where}: cites paragraph {number}, which does not exist."
                )

    def _aliases(self, aliases: set[tuple[str, str, str]], where: str) -> None:
        for kind, lang, value in aliases:
            if kind not in NameKind.values or lang not in UN_LANGUAGES or not value:
                self.problems.append(
                    f"{where}: alias {value!r} ({kind}, {lang}) is invalid."
                )

    def _texts(self, texts: dict[str, str], what: str, where: str) -> None:
        # A comma in an unquoted YAML flow mapping silently makes a new key: catch it.
        for lang, text in texts.items():
            if lang not in UN_LANGUAGES or not text or text == "None":
                self.problems.append(
                    f"{where}: {what} has {lang!r}: {text!r}; keys must be UN "
                    "languages with text (quote texts that hold a comma)."
                )

    def _engagement(self, entry: EngagementEntry) -> None:
        spec, where = entry.spec, entry.origin
        self._texts(spec.title, "title", where)
        self._texts(spec.summary, "summary", where)
        for place in spec.places:
            self._texts(place.city, "city", where)
        if spec.parent and spec.parent not in self.ds.engagements:
            self.problems.append(f"{where}: parent {spec.parent!r} is not defined.")
        for theme in set(spec.themes) - self.themes:
            self.problems.append(f"{where}: theme {theme!r} is not known.")
        for target in set(spec.sdg_targets) - self.targets:
            self.problems.append(f"{where}: SDG target {target!r} is not known.")
        self._places(spec.places, where)
        self._quotes(entry, where)
        self._participants(entry, where)

    def _places(self, places: list[PlaceSpec], where: str) -> None:
        for place in places:
            if bool(place.country) == bool(place.region):
                self.problems.append(f"{where}: a place needs a country or a region.")
            elif place.country and place.country not in self.countries:
                self.problems.append(
                    f"{where}: country {place.country!r} is not an ISO code."
                )
            elif place.region and place.region not in self.regions:
                self.problems.append(
                    f"{where}: region {place.region!r} is not an IATI code."
                )

    def _quotes(self, entry: EngagementEntry, where: str) -> None:
        """Each cited paragraph exists and holds the quotes taken from it."""
        for number, quotes in entry.quotes.items():
            text = self.texts.get(number)
            if text is None:
                self.problems.append(
                    f"{where}: cites paragraph {number}, which does not exist."
                )
                continue
            for quote in quotes:
                if quote not in text:
                    self.problems.append(
                        f"{where}: quote {quote!r} is not in paragraph {number}."
                    )

    def _participants(self, entry: EngagementEntry, where: str) -> None:
        for part in entry.participants.values():
            if part.org not in self.ds.organisations:
                self.problems.append(
                    f"{where}: organisation {part.org!r} is not defined."
                )
            for money in part.contributions:
                if money.currency not in self.currencies:
                    self.problems.append(
                        f"{where}: currency {money.currency!r} is not an ISO 4217 code."
                    )
