"""What each language of a run still lacks: the names and titles that fall back
to another language, by how often the report uses them, most frequent first, so
that translators and terminologists start where a translation counts most (the
XLIFF export then carries them: `partnerships translation export --run N`)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from partnerships.core.languages import UN_LANGUAGES
from partnerships.reports.realise import realise


def missing_terms(snapshot: dict[str, Any], lang: str) -> list[tuple[str, str, int]]:
    """(text, the language it is shown in, how many times) for every piece of the
    report in `lang` that falls back, the most frequent first."""
    doc = realise(snapshot, lang)
    runs = [r for p in doc.paragraphs() for r in p.runs]
    for chapter in doc.chapters:
        runs += chapter.title + [r for s in chapter.sections for r in s.title]
    counts = Counter((r.text.strip(), r.fallback) for r in runs if r.fallback)
    return [
        (text, source, n)
        for (text, source), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if text
    ]


def missing_by_language(
    snapshot: dict[str, Any],
) -> dict[str, list[tuple[str, str, int]]]:
    return {lang: missing_terms(snapshot, lang) for lang in UN_LANGUAGES}
