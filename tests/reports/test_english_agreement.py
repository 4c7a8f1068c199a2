"""English verbs agree in number with their subjects: "UN-Habitat is preparing",
"UN-Habitat and UNICEF are preparing" (issue 13: "UN-Habitat are preparing" and
"UN-Habitat and UNDP has" were complaints), a plural name such as "United Nations
country teams" counting as many (articles.org_is_plural)."""

from __future__ import annotations

import copy
import re

import pytest

from partnerships.reports.articles import org_is_plural
from partnerships.reports.realise import Writer, realise

pytestmark = pytest.mark.django_db

SINGULAR = {"is", "was", "has"}
PLURAL = {"are", "were", "have"}
# "<subject> is|are preparing", "<subject> has|have prepared": the subject runs
# from the start of the sentence (after a connective) to the verb.
VERB = re.compile(
    r"(?:^|\. )(?:In addition, )?([^.“”]+?) (is|are|has|have) (?:preparing|prepared)"
)


def _text(runs) -> str:
    return "".join(r.text for r in runs)


def _names_in(subject: str) -> int:
    return len(re.split(r", | and ", subject))


def test_english_plural_names():
    def org(name):
        return {"name": {"en": name}}

    assert org_is_plural(org("United Nations country teams"), "en")
    assert org_is_plural(org("Darfur land commissions"), "en")
    for singular in (
        "United Nations Volunteers",  # a capitalised plural: one body's name
        "United Cities and Local Governments",  # one body joining two nouns
        "United Nations Human Settlements Programme",
        "Slum Dwellers International",
        "Cities Alliance",
        "Economic Commission for Africa",
    ):
        assert not org_is_plural(org(singular), "en"), singular


def test_every_english_subject_agrees_in_the_demo_report(stored_snapshot):
    doc = realise(stored_snapshot, "en")
    body = " ".join(_text(p.runs) for p in doc.paragraphs())
    seen = {"one": 0, "many": 0}
    for subject, verb in VERB.findall(body):
        many = _names_in(subject) > 1 or subject.endswith("country teams")
        assert verb in (PLURAL if many else SINGULAR), (subject, verb)
        seen["many" if many else "one"] += 1
    assert seen["one"] >= 3 and seen["many"] >= 3, seen


def _planned_alone(snapshot):
    return next(
        r
        for r in snapshot["engagements"]
        if r["status"] == "planned"
        and r["kind"] == "publication"
        and [p["org"] for p in r["participants"]] == ["UN-Habitat"]
    )


@pytest.mark.parametrize(
    "partners, expected",
    [
        ([], "UN-Habitat is preparing"),
        (
            ["UNDP"],
            "UN-Habitat and the United Nations Development Programme (UNDP) are",
        ),
        (["UNCT"], "UN-Habitat and the United Nations country teams (UNCT) are"),
        (["UNDP", "UNOPS"], "UN-Habitat, the United Nations Development Programme"),
    ],
)
def test_the_number_follows_the_actors_of_the_engagement(
    stored_snapshot, partners, expected
):
    snapshot = copy.deepcopy(stored_snapshot)
    row = _planned_alone(snapshot)
    for key in partners:
        assert key in snapshot["organisations"], key
        row["participants"].append({"org": key, "role": "partner", "money": []})
    text = _text(Writer(snapshot, "en").sentence(row))
    assert expected in text, text
    assert (" are preparing" in text) == bool(partners), text
    assert (" is preparing" in text) == (not partners), text
