"""The subject said once: consecutive sentences whose subject is the reporting
organisation alone take a pronoun or connective, in each language."""

from __future__ import annotations

import re

import pytest

from partnerships.reports.realise import realise

pytestmark = pytest.mark.django_db

UNOPS = "II.E/org:UNOPS"
SECOND = {
    "en": "In addition, it implemented",
    "fr": "En outre, il a mis en œuvre",
    "es": "Además, ejecutó",
    "ru": "Кроме того, она осуществила",
    "zh": "该署还与",
    "ar": "كما نفّذ موئل الأمم المتحدة",
}


def _text(para) -> str:
    return "".join(r.text for r in para.runs)


@pytest.mark.parametrize("lang", sorted(SECOND))
def test_the_second_sentence_does_not_repeat_the_name(stored_snapshot, lang):
    doc = realise(stored_snapshot, lang)
    para = next(p for p in doc.paragraphs() if p.anchor == UNOPS)
    text = _text(para)
    name = stored_snapshot["phrases"][lang]["reporter_short"]
    first, second = re.split(r"(?<=[.。])\s?", text)[:2]
    assert name in first
    assert second.startswith(SECOND[lang])
    if lang != "ar":  # Arabic keeps the name after its connective and verb
        assert name not in second


def test_no_two_template_sentences_in_a_row_open_with_the_name(stored_snapshot):
    """Read independently from the English text of the paragraphs whose
    engagements have no summary (every sentence is a template's)."""
    doc = realise(stored_snapshot, "en")
    rows = {row["key"]: row for row in stored_snapshot["engagements"]}
    checked = 0
    for para in doc.paragraphs():
        keys = [k for k, _ in para.engagements]
        if para.kind != "data" or any(any(rows[k]["summary"].values()) for k in keys):
            continue
        starts = [
            s.startswith("UN-Habitat ") and not s.startswith("UN-Habitat and ")
            for s in re.split(r"(?<=\.)\s(?=[A-Z“])", _text(para))
        ]
        checked += len(starts) > 1
        assert not any(a and b for a, b in zip(starts, starts[1:], strict=False))
    assert checked >= 5
