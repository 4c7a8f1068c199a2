from types import SimpleNamespace

from partnerships.core.languages import localized


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
