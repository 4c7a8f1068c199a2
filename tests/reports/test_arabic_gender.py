"""Arabic verbs agree in gender with the organisation they have as subject: the
first noun of its Arabic name decides (reports/grammar.py, `ar_gender`)."""

from __future__ import annotations

import re

import pytest

from partnerships.reports.grammar import ar_gender
from partnerships.reports.realise import realise
from partnerships.reports.runs import Run, fill

pytestmark = pytest.mark.django_db

# The first words of the Arabic names of the demo's organisations, read by hand:
# feminine nouns (with or without ة) and masculine ones.
FEMININE = {
    "اللجنة", "منظمة", "المنظمة", "مجموعة", "المجموعة", "إدارة", "مفوضية", "هيئة",
    "أمانة", "الجمعية", "جمعية", "وكالة", "أفرقة", "الحكومة", "الأمم", "المنظمات",
}  # fmt: skip
MASCULINE = {
    "مكتب", "فريق", "الفريق", "برنامج", "الصندوق", "صندوق", "المجلس", "مجلس",
    "المنتدى", "الاتحاد", "الأمين", "مبعوث", "موئل", "البنك",
}  # fmt: skip


def test_the_first_noun_decides():
    for word in FEMININE:
        assert ar_gender(f"{word} الأمم المتحدة") == "f", word
    for word in MASCULINE:
        assert ar_gender(f"{word} الأمم المتحدة") == "m", word
    assert ar_gender("") == "m"
    assert ar_gender("مُنَظَّمَةُ الصحة العالمية") == "f"  # with its vowel marks


def test_the_verb_before_its_subject_agrees():
    template = "<<وقّع|وقّعت>> {by}[ الذي <<أطلقه|أطلقته>> {leads}] {title}."
    values = {"by": [Run("الحكومة")], "leads": [Run("البنك")], "title": [Run("X")]}
    text = "".join(r.text for r in fill(template, values, {}, {"by": "f"}))
    assert text == "وقّعت الحكومة الذي أطلقه البنك X."
    genders = {"by": "m", "leads": "f"}
    text = "".join(r.text for r in fill(template, values, {}, genders))
    assert text == "وقّع الحكومة الذي أطلقته البنك X."


def test_every_demo_organisation_is_read(stored_snapshot):
    """The hand reading covers every Arabic name of the report's organisations,
    and the rule agrees with it."""
    firsts = {
        org["name"]["ar"].split()[0]
        for org in stored_snapshot["organisations"].values()
        if org["name"].get("ar")
    }
    assert firsts <= FEMININE | MASCULINE, firsts - FEMININE - MASCULINE
    for word in firsts:
        assert ar_gender(word) == ("f" if word in FEMININE else "m"), word


def test_the_arabic_report_agrees(stored_snapshot):
    """No masculine verb of a template stands before the name of an organisation
    whose first noun is feminine (by the hand reading), and the feminine forms
    are used: the General Assembly, the regional commissions, the UN country
    teams of the demo."""
    templates = stored_snapshot["phrases"]["ar"]["templates"].values()
    verbs = set(re.findall(r"<<([^<>|]*)\|([^<>]*)>>", " ".join(templates)))
    assert len(verbs) >= 15
    doc = realise(stored_snapshot, "ar")
    text = " ".join("".join(r.text for r in p.runs) for p in doc.paragraphs())
    names = {
        texts["ar"]
        for org in stored_snapshot["organisations"].values()
        for texts in (org["name"], org["short"], org["acronym"])
        if texts.get("ar") and org["name"].get("ar", " ").split()[0] in FEMININE
    }
    wrong = [f"{m} {n}" for m, _ in verbs for n in names if f"{m} {n}" in text]
    assert not wrong
    right = [f"{f} {n}" for _, f in verbs for n in names if f"{f} {n}" in text]
    assert len(right) >= 5
    assert any(r.startswith("اعتمدت الجمعية العامة") for r in right)
    assert any(r.startswith("قادت أفرقة الأمم المتحدة القطرية") for r in right)
    assert "نفّذ موئل الأمم المتحدة" in text  # masculine: موئل
