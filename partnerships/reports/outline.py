"""The outline and placement rules: shipped as data, kept in the database."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.conf import settings
from django.db import transaction

from partnerships.core.languages import UN_LANGUAGES, language
from partnerships.reports.models import PlacementRule, Section


def outline_path() -> Path:
    return Path(settings.DATA_DIR) / "reports" / "outline.yaml"


def phrases_path() -> Path:
    return Path(settings.DATA_DIR) / "reports" / "phrases.yaml"


def figure_phrases_path() -> Path:
    return Path(settings.DATA_DIR) / "reports" / "figure_phrases.yaml"


def read_phrases() -> dict[str, Any]:
    """The phrases of each language, with its writing direction from the registry
    of languages and the phrases of the figures paragraphs (`figures`), so that a
    run's snapshot holds all it renders with."""
    with phrases_path().open(encoding="utf-8") as handle:
        phrases = yaml.safe_load(handle)
    with figure_phrases_path().open(encoding="utf-8") as handle:
        figure_phrases = yaml.safe_load(handle)
    for code, entries in phrases.items():
        entries["dir"] = language(code).direction
        entries["figures"] = figure_phrases[code]
    return phrases


@transaction.atomic
def load_outline(data: dict[str, Any] | None = None) -> int:
    """Write the shipped outline into empty tables; returns the sections written."""
    if Section.objects.exists():
        return 0
    if data is None:
        with outline_path().open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
    sections = {}
    for position, entry in enumerate(data["sections"], start=1):
        titles = {
            f"title_{lang}": entry["title"].get(lang, "") for lang in UN_LANGUAGES
        }
        sections[entry["code"]] = Section.objects.create(
            code=entry["code"],
            position=position,
            chapter=entry["chapter"],
            letter=entry.get("letter", ""),
            kind=entry.get("kind", "data"),
            grouping=entry.get("grouping", "partner"),
            generated_opening=entry.get("generated_opening", False),
            is_fallback=entry["code"] == data.get("fallback"),
            figures=entry.get("figures", []),
            **titles,
        )
    for position, rule in enumerate(data["rules"], start=1):
        PlacementRule.objects.create(
            position=position,
            section=sections[rule["section"]] if rule.get("section") else None,
            source_symbol_prefix=rule.get("source_symbol_prefix", ""),
            organisations=rule.get("organisations", []),
            categories=rule.get("categories", []),
            themes=rule.get("themes", []),
            kinds=rule.get("kinds", []),
        )
    return len(sections)


def load_outline_after_migrate(**kwargs: Any) -> None:
    load_outline()


def outline_snapshot() -> dict[str, Any]:
    """The outline and rules as plain data, for a run's snapshot."""
    sections = [
        {
            "code": s.code,
            "chapter": s.chapter,
            "letter": s.letter,
            "kind": s.kind,
            "grouping": s.grouping,
            "generated_opening": s.generated_opening,
            "figures": list(s.figures),
            "title": {lang: getattr(s, f"title_{lang}") for lang in UN_LANGUAGES},
        }
        for s in Section.objects.order_by("position")
    ]
    fallback = Section.objects.filter(is_fallback=True).values_list("code", flat=True)
    rules = [
        {
            "section": r.section.code if r.section_id else None,
            "source_symbol_prefix": r.source_symbol_prefix,
            "organisations": list(r.organisations),
            "categories": list(r.categories),
            "themes": list(r.themes),
            "kinds": list(r.kinds),
        }
        for r in PlacementRule.objects.select_related("section").order_by("position")
    ]
    return {
        "sections": sections,
        "rules": rules,
        "fallback": fallback.first() or (sections[-1]["code"] if sections else None),
    }
