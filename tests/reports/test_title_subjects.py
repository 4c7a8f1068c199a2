"""Sentences whose subject is an engagement's title ("“A” was held", "“A”
remained in force"). A title has no grammatical gender or number of its own, so:

- in Arabic, where the verb before its subject agrees in gender, the verb takes a
  noun of the template as its subject, never the title ("عُقدت فعالية «…»", "تواصل
  العمل في إطار «…»", "استمر العمل بموجب «…»"), as the Russian templates already
  did ("мероприятие состоялось");
- in every language, such sentences are never told alike: "“A” and “B” was held"
  would not agree.
"""

from __future__ import annotations

import copy

import pytest

from partnerships.reports.realise import Writer
from partnerships.reports.sentences import TITLE_SUBJECT, choose, told_alike

pytestmark = pytest.mark.django_db

AR_OPENINGS = ("عُقدت فعالية ", "تواصل العمل في إطار ", "استمر العمل بموجب ")


def _text(runs) -> str:
    return "".join(r.text for r in runs)


def _title_subject_rows(snapshot):
    writer = Writer(snapshot, "en")
    return [r for r in snapshot["engagements"] if choose(writer, r) in TITLE_SUBJECT]


def test_arabic_verbs_of_title_subjects_agree_with_a_noun_of_the_template(
    stored_snapshot,
):
    rows = _title_subject_rows(stored_snapshot)
    assert len(rows) >= 8  # 4 events held, 2 bodies at work, agreements in force
    writer = Writer(stored_snapshot, "ar")
    for row in rows:
        text = _text(writer.sentence(row))
        assert text.startswith(AR_OPENINGS), text
        title = row["title"].get("ar") or row["title"]["en"]
        assert title in text, text


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_two_titles_as_subjects_are_never_told_in_one_sentence(stored_snapshot, lang):
    snapshot = copy.deepcopy(stored_snapshot)
    event = next(r for r in _title_subject_rows(snapshot) if r["kind"] == "event")
    twin = copy.deepcopy(event)
    twin["key"] = event["key"] + "-twin"
    twin["title"] = {k: v + " II" for k, v in event["title"].items()}
    groups = told_alike(Writer(snapshot, lang), [event, twin])
    assert [len(g) for g in groups] == [1, 1]
