"""Between Django's interface language codes and the content's language columns."""

from __future__ import annotations

from django.utils import translation

from partnerships.core.languages import UN_LANGUAGES


def content_language(code: str | None = None) -> str:
    """The content column suffix of an interface language: zh-hans -> zh."""
    lang = (code or translation.get_language() or "en")[:2].lower()
    return lang if lang in UN_LANGUAGES else "en"


def html_lang(lang: str) -> str:
    """The value of a `lang` attribute: Chinese as zh-Hans, so fonts pick it right."""
    return "zh-Hans" if lang == "zh" else lang
