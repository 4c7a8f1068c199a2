"""The six official UN languages: every fact about them, and how content is stored.

`LANGUAGES` is the one registry of what the product knows about a language: its
codes for HTML, Word and CLDR (Babel), its names, its direction, its fonts and the
code of Django's interface language. The settings, the portal, the report renderers
and the charts read it; nothing else keeps a table keyed by language (docs/i18n.md).

Content (names, titles, summaries, city names) is kept in one column per language
(`name_ar`, `name_zh`, ... ``name_es``), the same six on every model. A missing
translation is an empty string. Reading goes through `localized()`, which falls back
to English, then to any language that has text, and says whether it fell back, so
that pages and reports can mark the fallback for the translator instead of hiding it.
See docs/data-model.md for why columns rather than a translation table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from django.db import models

# The slots of a Word run's fonts and language (w:rFonts, w:lang) a script writes in.
DocxSlot = Literal["latin", "east_asian", "complex"]


@dataclass(frozen=True)
class Language:
    """What the product needs to know to show and print text in one language."""

    code: str  # ISO 639-1; the suffix of the content columns (`name_zh`)
    html_tag: str  # BCP 47 for `lang` attributes: zh-Hans so fonts pick the SC forms
    docx_tag: str  # w:lang of Word, which wants a region (zh-CN, ar-SA)
    locale: str  # Babel (CLDR) locale of dates, numbers, lists, territory names
    interface: str  # Django's interface language code (settings.LANGUAGES)
    native_name: str  # its own name, also the label of its column in forms
    english_name: str  # the choice label stored in the models (and the API schema)
    direction: Literal["ltr", "rtl"]
    docx_slot: DocxSlot
    serif: tuple[str, ...]  # body text of HTML, PDF and DOCX, preferred first
    sans: tuple[str, ...]  # charts

    @property
    def rtl(self) -> bool:
        return self.direction == "rtl"


_LATIN_SERIF = ("Noto Serif", "DejaVu Serif")
_LATIN_SANS = ("Noto Sans", "DejaVu Sans")


def _european(
    code: str, docx_tag: str, locale: str, native: str, english: str
) -> Language:
    """A language written in Latin or Cyrillic letters, which Noto Serif covers."""
    return Language(
        code=code,
        html_tag=code,
        docx_tag=docx_tag,
        locale=locale,
        interface=code,
        native_name=native,
        english_name=english,
        direction="ltr",
        docx_slot="latin",
        serif=_LATIN_SERIF,
        sans=_LATIN_SANS,
    )


# In the order the UN lists its official languages.
LANGUAGES: tuple[Language, ...] = (
    Language(
        code="ar",
        html_tag="ar",
        docx_tag="ar-SA",
        locale="ar",
        interface="ar",
        native_name="العربية",
        english_name="Arabic",
        direction="rtl",
        docx_slot="complex",
        serif=("Noto Naskh Arabic",),
        sans=("Noto Sans Arabic", "Noto Naskh Arabic"),
    ),
    Language(
        code="zh",
        html_tag="zh-Hans",
        docx_tag="zh-CN",
        locale="zh_Hans_CN",
        interface="zh-hans",
        native_name="中文",
        english_name="Chinese",
        direction="ltr",
        docx_slot="east_asian",
        serif=("Noto Serif CJK SC",),
        sans=("Noto Sans CJK SC", "Noto Sans CJK JP"),
    ),
    _european("en", "en-GB", "en_GB", "English", "English"),
    _european("fr", "fr-FR", "fr", "Français", "French"),
    _european("ru", "ru-RU", "ru", "Русский", "Russian"),
    _european("es", "es-ES", "es", "Español", "Spanish"),
)
_BY_CODE = {lang.code: lang for lang in LANGUAGES}
_BY_INTERFACE = {lang.interface: lang for lang in LANGUAGES}

# ISO 639-1 codes, in UN order: the content columns, the API's keys.
UN_LANGUAGES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)
# The order in which `localized()` looks for text when the language asked has none.
FALLBACK_ORDER: tuple[str, ...] = ("en", "fr", "es", "ru", "zh", "ar")
# Choices of the models' language columns (English labels: they are in migrations).
LANGUAGE_CHOICES = [(lang.code, lang.english_name) for lang in LANGUAGES]
# Django's interface languages (settings.LANGUAGES), named in their own language.
INTERFACE_LANGUAGES = [(lang.interface, lang.native_name) for lang in LANGUAGES]
INTERFACE_LANGUAGES_BIDI = [lang.interface for lang in LANGUAGES if lang.rtl]


def language(code: str) -> Language:
    """The language of a content code (`zh`); KeyError for any other code."""
    return _BY_CODE[code]


def interface_language(code: str | None) -> Language | None:
    """The language of a Django interface code (`zh-hans`, `fr`, `fr-ca`), if any."""
    if not code:
        return None
    code = code.lower()
    return _BY_INTERFACE.get(code) or _BY_CODE.get(code.split("-")[0])


def html_tag(code: str) -> str:
    """The `lang` attribute of text in `code`; an unknown code is given back as is."""
    lang = _BY_CODE.get(code)
    return lang.html_tag if lang else code


def direction(code: str) -> str:
    lang = _BY_CODE.get(code)
    return lang.direction if lang else "ltr"


def slot_language(slot: DocxSlot, code: str) -> Language:
    """The language that fills a Word slot of a document in `code`: the document's
    own where it writes in that slot, else the first UN language that does."""
    own = language(code)
    if own.docx_slot == slot:
        return own
    return next(lang for lang in LANGUAGES if lang.docx_slot == slot)


def font_stack(code: str, kind: Literal["serif", "sans"]) -> tuple[str, ...]:
    """The fonts of `code` first, then those of the other scripts, for text quoted
    from another language (a fallback name in Chinese within an English report)."""
    own = getattr(language(code), kind)
    others = [font for lang in LANGUAGES for font in getattr(lang, kind)]
    return tuple(dict.fromkeys([*own, *others]))


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
    """The text of `base` in `lang`, else the first one found in FALLBACK_ORDER. A
    model whose texts come from elsewhere than its columns says so with a method
    `localized_<base>(lang)` (a country's name comes from UN terminology)."""
    own = getattr(obj, f"localized_{base}", None)
    if callable(own):
        return own(lang)
    return pick(
        {other: getattr(obj, f"{base}_{other}", "") for other in UN_LANGUAGES}, lang
    )


def pick(texts: dict[str, str], lang: str) -> Localized:
    """The text of `lang` among `texts` (language code -> text), else the first one
    found in FALLBACK_ORDER, saying whether it fell back."""
    wanted = texts.get(lang) or ""
    if wanted:
        return Localized(wanted, lang, False)
    for other in FALLBACK_ORDER:
        text = texts.get(other) or ""
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
