"""The six official UN languages and how multilingual content is stored.

Content (names, titles, summaries, city names) is kept in one column per language
(`name_ar`, `name_zh`, ... ``name_es``), the same six on every model. A missing
translation is an empty string. Reading goes through `localized()`, which falls back
to English, then to any language that has text, and says whether it fell back, so
that pages and reports can mark the fallback for the translator instead of hiding it.
See docs/data-model.md for why columns rather than a translation table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

# ISO 639-1 codes, in the order the UN lists its official languages.
UN_LANGUAGES: tuple[str, ...] = ("ar", "zh", "en", "fr", "ru", "es")
FALLBACK_ORDER: tuple[str, ...] = ("en", "fr", "es", "ru", "zh", "ar")
LANGUAGE_CHOICES = [
    ("ar", "Arabic"),
    ("zh", "Chinese"),
    ("en", "English"),
    ("fr", "French"),
    ("ru", "Russian"),
    ("es", "Spanish"),
]


@dataclass(frozen=True)
class Localized:
    text: str
    lang: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text


def field_names(base: str) -> list[str]:
    return [f"{base}_{lang}" for lang in UN_LANGUAGES]


def localized(obj: Any, base: str, lang: str) -> Localized:
    """The text of `base` in `lang`, else the first one found in FALLBACK_ORDER."""
    wanted = getattr(obj, f"{base}_{lang}", "") or ""
    if wanted:
        return Localized(wanted, lang, False)
    for other in FALLBACK_ORDER:
        text = getattr(obj, f"{base}_{other}", "") or ""
        if text:
            return Localized(text, other, True)
    return Localized("", lang, True)


def as_dict(obj: Any, base: str) -> dict[str, str]:
    """The non-empty translations of `base`, keyed by language."""
    out = {}
    for lang in UN_LANGUAGES:
        text = getattr(obj, f"{base}_{lang}", "") or ""
        if text:
            out[lang] = text
    return out


def translated_fields(
    base: str, *, max_length: int | None, verbose: str
) -> type[models.Model]:
    """An abstract model with one column per UN language for `base`.

    `class Engagement(translated_fields("title", max_length=500, verbose="title"), ...)`
    gives `title_ar`, `title_zh`, ... `title_es`.
    """
    attrs: dict[str, Any] = {
        "__module__": __name__,
        "Meta": type("Meta", (), {"abstract": True}),
    }
    for lang in UN_LANGUAGES:
        label = f"{verbose} ({lang})"
        if max_length is None:
            attrs[f"{base}_{lang}"] = models.TextField(label, blank=True, default="")
        else:
            attrs[f"{base}_{lang}"] = models.CharField(
                label, max_length=max_length, blank=True, default=""
            )
    name = "".join(part.title() for part in base.split("_")) + "Translations"
    return type(name, (models.Model,), attrs)
