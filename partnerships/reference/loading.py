"""Load the codelists and taxonomies of data/reference into the database.

Idempotent: rows are created or updated by code, never duplicated, and a row whose
values did not change is not written.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml
from defusedxml import ElementTree
from django.conf import settings
from django.db import models, transaction

from partnerships.reference.models import (
    Country,
    Currency,
    IatiOrganisationRole,
    OrganisationType,
    Region,
    SdgGoal,
    SdgIndicator,
    SdgTarget,
    Theme,
    UnRegion,
)


def reference_dir() -> Path:
    return Path(settings.DATA_DIR) / "reference"


def codelist_path(name: str) -> Path:
    base = reference_dir() / "iati" / "codelists"
    for folder in ("embedded", "non-embedded"):
        path = base / folder / f"{name}.xml"
        if path.exists():
            return path
    raise FileNotFoundError(f"No IATI codelist named {name} under {base}.")


def codelist_items(name: str) -> Iterator[dict[str, Any]]:
    """Items of an IATI codelist file: code, English and French name, withdrawn."""
    tree = ElementTree.parse(codelist_path(name))
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for item in tree.iter("codelist-item"):
        names = {}
        for narrative in item.findall("name/narrative"):
            names[narrative.get(xml_lang, "en")] = (narrative.text or "").strip()
        yield {
            "code": (item.findtext("code") or "").strip(),
            "name_en": names.get("en", ""),
            "name_fr": names.get("fr", ""),
            "withdrawn": item.get("status") == "withdrawn",
            "category": (item.findtext("category") or "").strip(),
        }


def upsert(
    model: type[models.Model], key: dict[str, Any], values: dict[str, Any]
) -> bool:
    """Create or update one row; write only when something changed. True if written."""
    obj = model._default_manager.filter(**key).first()
    if obj is None:
        model._default_manager.create(**key, **values)
        return True
    changed = [f for f, v in values.items() if getattr(obj, f) != v]
    if changed:
        for field in changed:
            setattr(obj, field, values[field])
        obj.save(update_fields=changed)
        return True
    return False


def _load_codelist(
    model: type[models.Model], name: str, fields: tuple[str, ...]
) -> int:
    written = 0
    for item in codelist_items(name):
        values = {f: item[f] for f in fields}
        written += upsert(model, {"code": item["code"]}, values)
    return written


def load_codelists() -> int:
    written = 0
    written += _load_codelist(Country, "Country", ("name_en", "name_fr", "withdrawn"))
    written += _load_codelist(Currency, "Currency", ("name_en", "withdrawn"))
    written += _load_codelist(Region, "Region", ("name_en", "withdrawn"))
    written += _load_codelist(OrganisationType, "OrganisationType", ("name_en",))
    written += _load_codelist(IatiOrganisationRole, "OrganisationRole", ("name_en",))
    return written


def _sdg11_rows() -> list[dict[str, str]]:
    with open(reference_dir() / "sdg11_indicators.csv", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def load_sdgs() -> int:
    written = 0
    zh = {row["code"]: row["title_zh"] for row in _sdg11_rows()}
    for item in codelist_items("UNSDG-Goals"):
        written += upsert(
            SdgGoal,
            {"code": item["code"]},
            {"title_en": item["name_en"], "title_zh": zh.get(item["code"], "")},
        )
    for item in codelist_items("UNSDG-Targets"):
        goal = item["code"].split(".")[0]
        written += upsert(
            SdgTarget,
            {"code": item["code"]},
            {
                "goal_id": goal,
                "title_en": item["name_en"],
                "title_zh": zh.get(item["code"], ""),
            },
        )
    for row in _sdg11_rows():
        if row["level"] != "indicator":
            continue
        written += upsert(
            SdgIndicator,
            {"code": row["code"]},
            {
                "target_id": row["parent_code"],
                "title_en": row["title_en"],
                "title_zh": row["title_zh"],
                "custodian_agencies": row["custodian_agencies"],
                "status": row["status"],
                "tier_current": row["tier_current"],
                "tier_history": row["tier_history"],
            },
        )
    return written


def load_themes() -> int:
    written = 0
    with open(reference_dir() / "themes.yaml", encoding="utf-8") as fh:
        themes = yaml.safe_load(fh)
    for position, theme in enumerate(themes):
        values: dict[str, Any] = {"position": position}
        for lang, text in theme["name"].items():
            values[f"name_{lang}"] = text
        written += upsert(Theme, {"code": theme["code"]}, values)
    return written


def load_un_regions() -> int:
    """UN M49 regions and sub-regions, and the sub-region of each country."""
    written = 0
    with open(reference_dir() / "country_regions.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        written += upsert(
            UnRegion, {"code": row["region_m49"]}, {"name_en": row["region"]}
        )
    for row in rows:
        written += upsert(
            UnRegion,
            {"code": row["subregion_m49"]},
            {"name_en": row["subregion"], "parent_id": row["region_m49"]},
        )
    for row in rows:
        written += (
            Country.objects.filter(code=row["country"])
            .exclude(un_subregion_id=row["subregion_m49"])
            .update(un_subregion_id=row["subregion_m49"])
        )
    return written


@transaction.atomic
def load_reference() -> int:
    """Load every codelist and taxonomy; returns the number of rows written."""
    return load_codelists() + load_sdgs() + load_themes() + load_un_regions()


def load_after_migrate(using: str = "default", **kwargs: Any) -> None:
    plan = kwargs.get("plan")
    if plan is not None and not plan and Country.objects.using(using).exists():
        return
    load_reference()
