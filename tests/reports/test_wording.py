"""Wording by role, on the seed's engagements: who took part is not said to have
held an event, and no actor is named again beside a title that names it."""

from __future__ import annotations

import re

import pytest

from partnerships.reports.realise import Writer

pytestmark = pytest.mark.django_db

ALWAYS_NAMED = {"governance", "commitment", "funding"}


def _sentence(snapshot: dict, key: str, lang: str = "en") -> str:
    writer = Writer(snapshot, lang)
    return "".join(r.text for r in writer.sentence(writer.rows[key]))


def test_organisations_that_only_took_part_are_said_to_take_part(stored_snapshot):
    # Seed ¶78: the representatives of four organisations attended the training.
    text = _sentence(stored_snapshot, "p078-bangkok-training-nso-urban-observatories")
    assert "took part in “Training in Bangkok" in text
    assert " held " not in text
    zh = _sentence(
        stored_snapshot, "p078-bangkok-training-nso-urban-observatories", "zh"
    )
    assert "参加了" in zh and "举办了" not in zh.split("参加了")[0]


def test_a_body_whose_title_names_it_is_told_by_its_title(stored_snapshot):
    # Seed ¶82: the Advisory Group on Gender Issues met regularly.
    text = _sentence(stored_snapshot, "p082-aggi")
    assert text == "“Advisory Group on Gender Issues” pursued its work."


def _repeats(snapshot: dict, lang: str) -> list[str]:
    """Sentences naming, outside the quoted title, a partner whose English acronym
    or name stands in the English title (an independent, plain reading)."""
    orgs = snapshot["organisations"]
    out = []
    for row in snapshot["engagements"]:
        if row["kind"] in ALWAYS_NAMED or not row["title"].get("en"):
            continue
        text = _sentence(snapshot, row["key"], lang)
        outside = text
        for titled in (row, row.get("parent") or {"title": {}}):
            title = titled["title"].get(lang) or titled["title"].get("en", "")
            outside = outside.replace(title, "") if title else outside
        for place in row["places"]:  # "in Homa Bay County (Kenya)" is a place
            outside = outside.replace(place["city"].get(lang, "") or "\0", "")
        for p in row["participants"]:
            names = [
                orgs[p["org"]]["acronym"].get("en", ""),
                orgs[p["org"]]["name"]["en"],
            ]
            for name in filter(lambda n: len(n) >= 3, names):
                in_title = re.search(rf"\b{re.escape(name)}\b", row["title"]["en"])
                if in_title and re.search(rf"\b{re.escape(name)}\b", outside):
                    if p["org"] != snapshot["report"]["reporter"]:
                        out.append(f"{row['key']}: {text}")
    return out


def test_no_partner_is_named_again_beside_a_title_naming_it(stored_snapshot):
    # One sentence keeps the only actor it has: HLPF "took part in" the "Joint
    # input to the High-level Political Forum" (a publication cannot be told by its
    # title alone, as a body or an event can).
    assert [r.partition(":")[0] for r in _repeats(stored_snapshot, "en")] == [
        "p044-joint-input-hlpf"
    ]


def test_an_agreement_whose_title_names_the_partner_is_not_left_between_one(
    stored_snapshot,
):
    """ "Between UN-Habitat and …" needs the partner the title already names: the
    sentence tells the agreement by its title alone, in every language."""
    rows = [
        r
        for r in stored_snapshot["engagements"]
        if r["kind"] == "agreement" and r["status"] == "ongoing"
    ]
    assert rows
    # the word for "between" and the conjunction joining the two parties
    between = {
        "en": (" between ", " and "),
        "fr": (" entre ", " et "),
        "es": (" entre ", " y "),
        "ru": (" между ", " и "),
        "zh": ("之间的", "与"),
        "ar": (" بين ", " و"),
    }
    for lang, (word, conjunction) in between.items():
        for row in rows:
            text = _sentence(stored_snapshot, row["key"], lang)
            if word in text:  # "between" two parties, both named
                parties = text.split(word)[0 if lang == "zh" else 1]
                assert conjunction in parties, (lang, text)


def test_the_conclusions_name_the_most_frequent_kinds_and_partners(stored_snapshot):
    from collections import Counter

    from partnerships.reports.realise import realise

    doc = realise(stored_snapshot, "en")
    closing = "".join(r.text for r in doc.chapters[-1].paragraphs[0].runs)
    kinds = Counter(row["kind"] for row in stored_snapshot["engagements"])
    (top, n), *_ = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0]))
    label = stored_snapshot["phrases"]["en"]["kinds"][top].lower()
    assert f"most frequent kinds of engagement were {label} ({n})" in closing
    reporter = stored_snapshot["report"]["reporter"]
    partners = {
        p["org"] for row in stored_snapshot["engagements"] for p in row["participants"]
    } - {reporter}
    categories = Counter(
        stored_snapshot["organisations"][k]["category"] for k in partners
    )
    count = max(categories.values())
    assert "the most frequent partners " in closing and f"({count})" in closing
    # Staff text written for the conclusions takes their place.
    snapshot = {
        **stored_snapshot,
        "texts": [
            {
                "lang": "en",
                "anchor": "X/closing",
                "text": "Staff conclusions.",
                "fingerprint": "",
            }
        ],
    }
    doc = realise(snapshot, "en")
    assert doc.chapters[-1].paragraphs[0].runs[0].text == "Staff conclusions."
