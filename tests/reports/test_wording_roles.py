"""Wording by role on the seed's engagements: where the seed's own passage says an
engagement was developed, endorsed, co-chaired, funded, initiated or organised, the
report's sentence uses that verb, in every language.

The engagements are chosen by an independent reading of the seed: the Chinese verb
in a quoted passage of the engagement, and the recorded role that verb stands for.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from partnerships.core.languages import UN_LANGUAGES
from partnerships.reports.realise import Writer
from partnerships.reports.sentences import SUBJECT_ROLES, subject_role

pytestmark = pytest.mark.django_db

REPORTER = "UN-Habitat"


def _roles(row: dict[str, Any]) -> set[str]:
    return {p["role"] for p in row["participants"]}


def _quoted(row: dict[str, Any], pattern: str) -> bool:
    return any(re.search(pattern, ev["quote"]) for ev in row["evidence"])


def _developed(row):
    return (
        row["kind"] == "agreement"
        and row["status"] != "planned"
        and "lead" in _roles(row)
        and _quoted(row, "制定")
    )


def _endorsed(row):
    return row["kind"] == "governance" and row["parent"] and _quoted(row, "核可")


def _co_chaired(row):
    return "co-chair" in _roles(row) and _quoted(row, "共同主持")


def _funded(row):
    return "funder" in _roles(row) and _quoted(row, "供资|资助|提供资金")


def _initiated(row):
    reporter = {p["role"] for p in row["participants"] if p["org"] == REPORTER}
    others = {p["role"] for p in row["participants"] if p["org"] != REPORTER}
    return (
        row["kind"] == "project"
        and reporter == {"implementer"}
        and "lead" in others
        and _quoted(row, "发起")
    )


def _organised(row):
    return (
        row["kind"] == "event"
        and "organiser" in _roles(row)
        and (_quoted(row, "组织|举办|主办"))
    )


def _told_by_title(row, orgs) -> bool:
    """Every participant is named in the English title: the sentence tells the
    event by its title rather than name its organiser twice."""
    title = row["title"].get("en", "")
    return all(orgs[p["org"]]["name"]["en"] in title for p in row["participants"])


# What the seed's verb reads as in each language (a pattern the sentence must
# match: a stem, or the verb and its noun where the language turns one into the
# other, as Arabic's "funded by" is "بتمويل من").
VERBS = {
    "developed": {
        "en": "developed",
        "fr": "élaboré",
        "es": "formul",
        "ru": "разработал",
        "zh": "制定",
        "ar": "وضع",
    },
    "endorsed": {
        "en": "endorsed",
        "fr": "approuvé",
        "es": "respald",
        "ru": "одобрил|одобрен",  # active, or passive where no endorser is named
        "zh": "核可",
        "ar": "أيّد|تأييد",
    },
    "co-chaired": {
        "en": "co-chaired",
        "fr": "coprésidé",
        "es": "copresid",
        "ru": "сопредседател",
        "zh": "共同主持",
        "ar": "رئاسة",
    },
    "funded": {
        "en": "funded",
        "fr": "financé",
        "es": "financi",
        "ru": "финансир",
        "zh": "供资",
        "ar": "تمويل|موّل",
    },
    "initiated": {
        "en": "initiated",
        "fr": "initiative",
        "es": "puesto en marcha",
        "ru": "инициатор",
        "zh": "发起",
        "ar": "أطلق",
    },
    "organised": {
        "en": "organised",
        "fr": "organisé",
        "es": "organiz",
        "ru": "организовал",
        "zh": "组织",
        "ar": "نظّم",
    },
}
CHOSEN = {
    "developed": _developed,
    "endorsed": _endorsed,
    "co-chaired": _co_chaired,
    "funded": _funded,
    "initiated": _initiated,
    "organised": _organised,
}
# How many seed engagements each reading finds (so that a change in the seed's
# data that empties a reading is noticed).
AT_LEAST = {
    "developed": 3,
    "endorsed": 3,
    "co-chaired": 2,
    "funded": 8,
    "initiated": 1,
    "organised": 10,
}


def _text(runs) -> str:
    return "".join(r.text for r in runs)


@pytest.mark.parametrize("lang", UN_LANGUAGES)
@pytest.mark.parametrize("verb", sorted(VERBS))
def test_the_sentence_uses_the_seeds_verb(stored_snapshot, verb, lang):
    orgs = stored_snapshot["organisations"]
    rows = [
        r
        for r in stored_snapshot["engagements"]
        if CHOSEN[verb](r) and not _told_by_title(r, orgs)
    ]
    assert len(rows) >= AT_LEAST[verb]
    writer = Writer(stored_snapshot, lang)
    wrong = {
        r["key"]: _text(writer.sentence(r))
        for r in rows
        if not re.search(VERBS[verb][lang], _text(writer.sentence(r)))
    }
    assert wrong == {}


def test_an_event_told_by_its_title_does_not_name_its_organiser_again(
    stored_snapshot,
):
    orgs = stored_snapshot["organisations"]
    rows = [
        r
        for r in stored_snapshot["engagements"]
        if _organised(r) and _told_by_title(r, orgs)
    ]
    assert rows
    writer = Writer(stored_snapshot, "en")
    for row in rows:
        text = _text(writer.sentence(row))
        for p in row["participants"]:
            assert text.count(orgs[p["org"]]["name"]["en"]) == 1


def test_an_agreement_developed_by_others_names_them_first(stored_snapshot):
    row = next(
        r
        for r in stored_snapshot["engagements"]
        if r["key"] == "p038-africa-nua-framework"
    )
    leads = [p["org"] for p in row["participants"] if p["role"] == "lead"]
    assert subject_role(row, REPORTER, "partner") == "lead"
    text = _text(Writer(stored_snapshot, "en").sentence(row))
    assert " signed " not in text
    first = text.split(" developed ")[0]
    names = stored_snapshot["organisations"]
    assert all(names[k]["name"]["en"] in first for k in leads)
    assert "with UN-Habitat" in text


def test_the_reporters_own_role_makes_it_the_subject():
    row = {
        "participants": [
            {"org": "X", "role": "lead"},
            {"org": REPORTER, "role": "implementer"},
        ]
    }
    assert subject_role(row, REPORTER, "implementer") == "implementer"
    assert subject_role(row, REPORTER, "partner") == "lead"
    assert subject_role({"participants": []}, REPORTER, None) is None
    assert set(SUBJECT_ROLES) >= {"lead", "host", "organiser", "co-chair"}


@pytest.mark.parametrize("lang", UN_LANGUAGES)
def test_an_endorsement_by_unnamed_entities_is_not_told_as_the_reporters(
    stored_snapshot, lang
):
    """Seed ¶14: "一些联合国实体 … 核可了这一协作执行框架" — a number of UN
    entities endorsed the framework; UN-Habitat, whose framework it is, did not."""
    row = next(
        r
        for r in stored_snapshot["engagements"]
        if r["key"] == "p014-framework-endorsement-wuf9"
    )
    assert _quoted(row, "一些联合国实体")
    assert "lead" not in _roles(row)
    text = _text(Writer(stored_snapshot, lang).sentence(row))
    assert re.search(VERBS["endorsed"][lang], text)
    assert stored_snapshot["phrases"][lang]["reporter_short"] not in text
