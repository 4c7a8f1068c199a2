"""Chapter introductions from the chapter's figures, replaced by staff text; and
engagements told alike joined in one sentence."""

from __future__ import annotations

import re

import pytest

from partnerships.reports.compose import compose
from partnerships.reports.realise import Writer, realise
from partnerships.reports.sentences import told_alike

pytestmark = pytest.mark.django_db


def _text(runs) -> str:
    return "".join(r.text for r in runs)


def _chapter_rows(snapshot, code: str) -> list[dict]:
    """The engagements told in the chapter's data paragraphs, read from the
    composition by section code (the chapter and its lettered sections)."""
    composition = compose(snapshot)
    chapter = next(c for c in composition.chapters if c.code == code)
    keys = {
        key
        for part in [chapter, *chapter.sections]
        for p in part.paragraphs
        if p.type == "data"
        for key in p.engagements
    }
    return [r for r in snapshot["engagements"] if r["key"] in keys]


def test_a_chapter_opens_with_its_figures(stored_snapshot):
    rows = _chapter_rows(stored_snapshot, "II")
    reporter = stored_snapshot["report"]["reporter"]
    partners = {p["org"] for r in rows for p in r["participants"]} - {reporter}
    countries = {pl["country"] for r in rows for pl in r["places"] if pl["country"]}
    doc = realise(stored_snapshot, "en")
    chapter = next(c for c in doc.chapters if c.code == "II")
    intro = chapter.paragraphs[0]
    assert intro.anchor == "II/intro"
    text = _text(intro.runs)
    assert text.startswith(
        f"This chapter tells {len(rows)} engagements of UN-Habitat with "
        f"{len(partners)} partners in {len(countries)} countries."
    )
    # Provenance: it cites the engagements it counts.
    assert {k for k, _ in intro.engagements} == {r["key"] for r in rows}
    # The chapters with an opening or closing of their own take none.
    assert not any(p.anchor.endswith("/intro") for p in doc.chapters[0].paragraphs)
    zh = next(c for c in realise(stored_snapshot, "zh").chapters if c.code == "II")
    assert f"{len(rows)}个合作事项" in _text(zh.paragraphs[0].runs)
    ru = next(c for c in realise(stored_snapshot, "ru").chapters if c.code == "II")
    assert f"{len(partners)} партнеров" in _text(ru.paragraphs[0].runs)


def test_staff_text_replaces_the_introduction_and_goes_stale(stored_snapshot):
    composition = compose(stored_snapshot)
    intro = next(p for p in composition.paragraphs() if p.anchor == "II/intro")
    snapshot = dict(stored_snapshot)
    snapshot["texts"] = [
        {
            "anchor": "II/intro",
            "lang": "en",
            "text": "Staff introduction.",
            "fingerprint": intro.fingerprint,
        }
    ]
    para = realise(snapshot, "en").chapters[1].paragraphs[0]
    assert (_text(para.runs), para.staff, para.stale) == (
        "Staff introduction.",
        True,
        False,
    )
    snapshot["texts"][0]["fingerprint"] = "older"
    assert realise(snapshot, "en").chapters[1].paragraphs[0].stale


def test_engagements_told_alike_are_joined(stored_snapshot):
    writer = Writer(stored_snapshot, "en")
    rows = [r for r in stored_snapshot["engagements"] if r["key"].startswith("p015-")]
    assert len(rows) == 4
    groups = told_alike(writer, rows)
    assert [len(g) for g in groups] == [4]
    doc = realise(stored_snapshot, "en")
    para = next(
        p
        for p in doc.paragraphs()
        if p.kind == "data"
        and {k for k, _ in p.engagements} >= {r["key"] for r in rows}
    )
    text = _text(para.runs)
    assert text.count("was a member of") == 1
    assert all(r["title"]["en"] in text for r in rows)


def test_an_engagement_with_a_summary_stands_alone(stored_snapshot):
    writer = Writer(stored_snapshot, "en")
    rows = [r for r in stored_snapshot["engagements"] if r["key"].startswith("p009-")]
    with_summary = [r["key"] for r in rows if any(r["summary"].values())]
    assert with_summary
    for group in told_alike(writer, rows):
        if len(group) > 1:
            assert not {r["key"] for r in group} & set(with_summary)


INNER = str.maketrans("“”", "‘’")


@pytest.mark.parametrize("lang", ["en", "zh", "fr"])
def test_engagements_differing_only_in_place_are_told_in_one_sentence(
    stored_snapshot, lang
):
    """Seed paragraph 27: UNOPS with UN-Habitat in Iraq and in Syria, one
    sentence naming both titles and both countries; Liberia, which a summary
    follows, stands alone."""
    rows = [r for r in stored_snapshot["engagements"] if r["key"].startswith("p027-")]
    alike = [r for r in rows if not any(r["summary"].values())]
    alone = [r for r in rows if any(r["summary"].values())]
    assert len(alike) == 2 and len(alone) == 1
    assert alike[0]["places"] != alike[1]["places"]
    groups = told_alike(Writer(stored_snapshot, lang), rows)
    assert sorted(len(g) for g in groups) == [1, 2]
    para = next(
        p
        for p in realise(stored_snapshot, lang).paragraphs()
        if p.kind == "data"
        and {k for k, _ in p.engagements} >= {r["key"] for r in rows}
    )
    sentences = [s for s in re.split(r"(?<=[.。])\s?", _text(para.runs)) if s]
    told = [
        s
        for s in sentences
        if alike[0]["title"]["en"] in s or (alike[0]["title"].get(lang) or "@@") in s
    ]
    assert len(told) == 1
    for row in alike:
        title = row["title"].get(lang) or row["title"]["en"]
        # a quotation inside a quoted title takes the inner marks (“…” -> ‘…’)
        assert title.translate(INNER) in told[0].translate(INNER)
        country = row["places"][0]["country_names"]
        assert country[lang] in told[0]
    liberia = alone[0]["places"][0]["country_names"][lang]
    assert liberia not in told[0]
