"""The report's phrase and outline files cover every UN language and every codelist
value they are keyed by, so that no language's report silently falls back."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from partnerships.cooperation.models import Kind, Role, Status
from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.categories import Category
from partnerships.reports.outline import outline_path, phrases_path, read_phrases

# Entries a language may leave out: the kinds whose titles go unquoted (only
# Chinese has any) and names of languages where CLDR's are not the UN's.
OPTIONAL = {"unquoted_kinds", "language_names"}
# Entries known to be missing, as (language, "section.key"). Empty today: every
# entry has its six languages. Issue 13 fills any gap listed here; a gap not listed
# fails the test.
KNOWN_GAPS: set[tuple[str, str]] = set()
# Template keys end in a status or role of the kind (`network.chair`), in the role
# of another participant that is the subject (`event.by-host`) or in one of
# the composer's own refinements (partnerships.reports.realise).
REFINEMENTS = {
    "framework",
    "unnamed",
    "noreporter",
    "beneficiaries",
    "participants",
    "itself",
}


def _raw_phrases() -> dict[str, Any]:
    with phrases_path().open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _entries(block: dict[str, Any]) -> set[str]:
    """The keys of one language's phrases, nested ones as `section.key`."""
    out = set()
    for key, value in block.items():
        if key in OPTIONAL:
            continue
        if isinstance(value, dict):
            out |= {f"{key}.{inner}" for inner in value}
        else:
            out.add(key)
    return out


def test_the_phrases_are_written_for_every_un_language_and_no_other():
    assert set(_raw_phrases()) == set(UN_LANGUAGES)


def _gaps(phrases: dict[str, Any]) -> set[tuple[str, str]]:
    """(language, entry) for every entry some language has and this one lacks."""
    every = set().union(*(_entries(block) for block in phrases.values()))
    return {
        (lang, entry)
        for lang, block in phrases.items()
        for entry in every - _entries(block)
    }


def test_every_phrase_entry_exists_in_every_language():
    gaps = _gaps(_raw_phrases())
    assert gaps - KNOWN_GAPS == set(), "entries missing in some languages"
    assert KNOWN_GAPS - gaps == set(), "a known gap was filled: take it off the list"


def test_a_label_missing_in_one_language_is_a_gap():
    phrases = _raw_phrases()
    del phrases["ru"]["labels"]["total"]
    del phrases["zh"]["templates"]["event"]
    assert _gaps(phrases) == {("ru", "labels.total"), ("zh", "templates.event")}


@pytest.mark.parametrize("lang", UN_LANGUAGES)
def test_every_kind_has_a_label_and_a_sentence(lang):
    block = _raw_phrases()[lang]
    assert set(block["kinds"]) == set(Kind.values)
    assert set(Kind.values) <= set(block["templates"])
    assert set(block.get("unquoted_kinds", [])) <= set(Kind.values)


@pytest.mark.parametrize("lang", UN_LANGUAGES)
def test_every_category_has_a_label(lang):
    assert set(_raw_phrases()[lang]["categories"]) == set(Category.values)


def _unknown_template_keys(templates: dict[str, str]) -> set[str]:
    out = set()
    for key in templates:
        kind, _, refinement = key.partition(".")
        if kind not in {*Kind.values, "generic"} or refinement not in {
            "",
            *Status.values,
            *Role.values,
            *(f"by-{role}" for role in Role.values),
            *REFINEMENTS,
        }:
            out.add(key)
    return out


@pytest.mark.parametrize("lang", UN_LANGUAGES)
def test_templates_are_keyed_by_real_kinds_statuses_and_roles(lang):
    assert _unknown_template_keys(_raw_phrases()[lang]["templates"]) == set()


def test_a_misspelt_role_or_kind_in_a_template_key_is_caught():
    templates = {
        "network.chairman": "",
        "meeting": "",
        "event.ongoing": "",
        "event.by-host": "",
        "event.by-hostess": "",
    }
    assert _unknown_template_keys(templates) == {
        "network.chairman",
        "meeting",
        "event.by-hostess",
    }


def test_the_phrases_carry_each_languages_direction_from_the_registry():
    phrases = read_phrases()
    assert phrases["ar"]["dir"] == "rtl"
    assert {phrases[lang]["dir"] for lang in UN_LANGUAGES if lang != "ar"} == {"ltr"}


def test_every_section_of_the_outline_has_a_title_in_every_language():
    with outline_path().open(encoding="utf-8") as handle:
        outline = yaml.safe_load(handle)
    missing = {
        (section["code"], lang)
        for section in outline["sections"]
        for lang in UN_LANGUAGES
        if not section["title"].get(lang, "").strip()
    }
    assert missing == set()
    extra = {
        lang for section in outline["sections"] for lang in section["title"]
    } - set(UN_LANGUAGES)
    assert extra == set()


def test_the_outline_rules_name_real_kinds_and_categories():
    with outline_path().open(encoding="utf-8") as handle:
        rules = yaml.safe_load(handle)["rules"]
    for rule in rules:
        assert set(rule.get("kinds", [])) <= set(Kind.values), rule
        assert set(rule.get("categories", [])) <= set(Category.values), rule
