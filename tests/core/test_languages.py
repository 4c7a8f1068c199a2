"""The registry of languages and how content falls back between them."""

from types import SimpleNamespace

import pytest
from babel import Locale
from django.conf import settings
from matplotlib import font_manager

from partnerships.core.languages import (
    FALLBACK_ORDER,
    LANGUAGE_CHOICES,
    LANGUAGES,
    UN_LANGUAGES,
    font_stack,
    html_tag,
    interface_language,
    language,
    localized,
    slot_language,
)

INSTALLED_FONTS = {f.name for f in font_manager.fontManager.ttflist}


def test_the_registry_holds_the_six_un_languages_in_un_order():
    assert UN_LANGUAGES == ("ar", "zh", "en", "fr", "ru", "es")
    assert [lang.english_name for lang in LANGUAGES] == [
        "Arabic",
        "Chinese",
        "English",
        "French",
        "Russian",
        "Spanish",
    ]
    assert LANGUAGE_CHOICES[1] == ("zh", "Chinese")


@pytest.mark.parametrize("lang", LANGUAGES, ids=UN_LANGUAGES)
def test_each_locale_is_one_babel_knows_for_that_language(lang):
    locale = Locale.parse(lang.locale)
    assert locale.language == lang.code
    assert locale.get_language_name("en") == lang.english_name
    assert locale.character_order == ("right-to-left" if lang.rtl else "left-to-right")
    # The native name is the language's own name for itself (CLDR writes French in
    # lower case; a label starts with a capital).
    assert Locale.parse(lang.code).get_language_name().casefold() == (
        lang.native_name.casefold()
    )


@pytest.mark.parametrize("lang", LANGUAGES, ids=UN_LANGUAGES)
def test_each_tag_names_the_language(lang):
    assert lang.html_tag.split("-")[0] == lang.code
    assert Locale.parse(lang.html_tag, sep="-").language == lang.code
    assert Locale.parse(lang.docx_tag, sep="-").territory  # Word wants a region
    assert lang.interface in dict(settings.LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES, ids=UN_LANGUAGES)
def test_each_language_has_installed_serif_and_sans_fonts(lang):
    assert lang.serif[0] in INSTALLED_FONTS
    assert lang.sans[0] in INSTALLED_FONTS


def test_chinese_is_tagged_for_simplified_forms_everywhere():
    zh = language("zh")
    assert (zh.html_tag, zh.docx_tag, zh.interface) == ("zh-Hans", "zh-CN", "zh-hans")
    assert Locale.parse(zh.locale).script == "Hans"


def test_the_fallback_order_names_each_language_once():
    assert sorted(FALLBACK_ORDER) == sorted(UN_LANGUAGES)


def test_the_settings_take_their_languages_from_the_registry():
    assert [code for code, _ in settings.LANGUAGES] == [
        lang.interface for lang in LANGUAGES
    ]
    assert settings.LANGUAGES_BIDI == ["ar"]


def test_interface_codes_lead_to_content_languages():
    assert interface_language("zh-hans") is language("zh")
    assert interface_language("fr-ca") is language("fr")
    assert interface_language("de") is None
    assert interface_language("") is None
    assert html_tag("zh") == "zh-Hans"
    assert html_tag("de") == "de"


def test_each_word_slot_is_filled_by_a_language_that_writes_in_it():
    assert slot_language("east_asian", "en") is language("zh")
    assert slot_language("complex", "zh") is language("ar")
    assert slot_language("latin", "ar") is language("en")
    assert slot_language("latin", "ru") is language("ru")


def test_a_font_stack_starts_with_the_language_and_covers_every_script():
    stack = font_stack("en", "serif")
    assert stack[0] == "Noto Serif"
    for lang in LANGUAGES:
        assert lang.serif[0] in stack
    assert len(stack) == len(set(stack))


# --- content in one column per language -------------------------------------------


def _obj(**names):
    base = {f"name_{lang}": "" for lang in ("ar", "zh", "en", "fr", "ru", "es")}
    base.update(names)
    return SimpleNamespace(**base)


def test_it_gives_the_name_in_the_language_asked():
    text = localized(_obj(name_zh="开发署", name_en="UNDP"), "name", "zh")
    assert (text.text, text.is_fallback) == ("开发署", False)


def test_it_falls_back_to_english_and_says_so():
    text = localized(_obj(name_en="Huawei", name_zh="华为"), "name", "ar")
    assert (text.text, text.lang, text.is_fallback) == ("Huawei", "en", True)


def test_it_falls_back_to_any_language_that_has_text():
    text = localized(_obj(name_zh="祖国妇女协会"), "name", "fr")
    assert (text.text, text.lang, text.is_fallback) == ("祖国妇女协会", "zh", True)
