"""The IATI codelists and their mapping to XPaths, read once from the data folder.

Files: data/reference/iati/codelists/{embedded,non-embedded}/<Name>.xml and
mapping.xml (unmodified copies, see data/reference/iati/SOURCES.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from lxml import etree

WITHDRAWN = "withdrawn"


@dataclass(frozen=True)
class Codelist:
    name: str
    active: frozenset[str]
    withdrawn: frozenset[str]


@dataclass(frozen=True)
class Mapping:
    """One entry of mapping.xml: the values at `path` come from `codelist`."""

    path: str
    codelist: str
    condition: str | None


def _folder() -> Path:
    return Path(settings.DATA_DIR) / "reference" / "iati" / "codelists"


def _parse(path: Path) -> etree._ElementTree:
    # Local files shipped with the project; no entities, no network.
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    return etree.parse(str(path), parser)


@cache
def _codelist_at(folder: Path, name: str) -> Codelist:
    for sub in ("embedded", "non-embedded"):
        path = folder / sub / f"{name}.xml"
        if path.exists():
            break
    else:
        raise FileNotFoundError(f"The IATI codelist {name} is not in {folder}.")
    active, withdrawn = set(), set()
    for item in _parse(path).iter("codelist-item"):
        code = (item.findtext("code") or "").strip()
        (withdrawn if item.get("status") == WITHDRAWN else active).add(code)
    return Codelist(name, frozenset(active), frozenset(withdrawn))


def codelist(name: str) -> Codelist:
    return _codelist_at(_folder(), name)


def active_codes(name: str) -> frozenset[str]:
    """The codes of a codelist that may be emitted (withdrawn ones may not)."""
    return codelist(name).active


@cache
def _mappings_at(folder: Path) -> tuple[Mapping, ...]:
    out = []
    for item in _parse(folder / "mapping.xml").iter("mapping"):
        condition = item.findtext("condition")
        out.append(
            Mapping(
                path=(item.findtext("path") or "").strip(),
                codelist=item.find("codelist").get("ref"),
                condition=condition.strip() if condition else None,
            )
        )
    return tuple(out)


def mappings() -> tuple[Mapping, ...]:
    return _mappings_at(_folder())
