"""Between Django's interface language codes and the content's language columns.

Both read the one registry of languages (`partnerships.core.languages`).
"""

from __future__ import annotations

from django.utils import translation

from partnerships.core.languages import interface_language


def content_language(code: str | None = None) -> str:
    """The content column suffix of an interface language: zh-hans -> zh; English
    for a language that is not one of the six."""
    found = interface_language(code or translation.get_language())
    return found.code if found else "en"


def html_lang(code: str) -> str:
    """The value of a `lang` attribute for a content or interface code: Chinese as
    zh-Hans (zh, zh-hans), so fonts pick the simplified forms."""
    found = interface_language(code)
    return found.html_tag if found else code
