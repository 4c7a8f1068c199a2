"""Sections VIII.G, VIII.H and IX tell the stakeholder records of the period
(core.report_sections, reports.provided, reports.figure_text)."""

from __future__ import annotations

import copy
import re

import pytest

from partnerships.core import report_sections
from partnerships.core.languages import UN_LANGUAGES
from partnerships.reports.compose import compose
from partnerships.reports.realise import realise
from partnerships.stakeholders.models import Body, Trainee, Training

pytestmark = pytest.mark.django_db

BANGKOK = "bangkok-nso-observatories"


def _figures(doc) -> dict[str, str]:
    """The text of each figures paragraph of a document, by section code."""
    return {
        p.anchor.partition("/")[0]: "".join(r.text for r in p.runs)
        for p in doc.paragraphs()
        if p.kind == "figures"
    }


def test_the_stakeholder_app_registers_its_provider():
    assert "stakeholders" in report_sections.PROVIDERS


def test_a_second_provider_of_one_name_is_refused():
    def other(start, end, actor):
        return {}

    with pytest.raises(ValueError, match="stakeholders"):
        report_sections.register_section_provider("stakeholders", other)


def test_the_seed_period_tells_its_records_where_the_seed_does(stored_snapshot):
    composition = compose(stored_snapshot)
    figures = {p.anchor: p for p in composition.paragraphs() if p.type == "figures"}
    assert set(figures) == {"VIII.G/figures", "VIII.H/figures", "IX/figures"}
    # Bodies go where their engagements are placed: ¶76's in VIII.G, ¶82's in IX.
    bodies = {
        b.key: b.engagement.key
        for b in Body.objects.select_related("engagement").order_by("key")
    }
    assert bodies["stakeholder-advisory-group"] in figures["VIII.G/figures"].engagements
    assert bodies["advisory-group-gender"] in figures["IX/figures"].engagements
    assert bodies["youth-advisory-board"] in figures["IX/figures"].engagements
    training = Training.objects.get(key=BANGKOK)
    assert figures["VIII.H/figures"].engagements == [training.engagement.key]


def test_the_training_names_who_took_part_by_category(stored_snapshot):
    doc = realise(stored_snapshot, "en")
    text = _figures(doc)["VIII.H"]
    trainees = Trainee.objects.filter(training__key=BANGKOK)
    assert f"{trainees.count()} organizations took part" in text
    for group in set(trainees.values_list("group", flat=True)):
        label = stored_snapshot["phrases"]["en"]["figures"]["groups"][group]
        n = trainees.filter(group=group).count()
        assert f"{label} ({n})" in text
    indicators = Training.objects.get(key=BANGKOK).indicators.count()
    assert f"covered {indicators} indicators of Sustainable Development Goal 11" in text
    assert "Bangkok (Thailand)" in text
    para = next(p for p in doc.paragraphs() if p.anchor == "VIII.H/figures")
    # Provenance like every other paragraph: the seed's paragraph 78.
    assert {(p["document"], p["paragraph"]) for p in para.passages} >= {
        ("HSP/HA/1/2/Add.2", 78)
    }


@pytest.mark.parametrize("lang", UN_LANGUAGES)
def test_every_language_tells_the_records_without_a_gap(stored_snapshot, lang):
    doc = realise(stored_snapshot, lang)
    texts = _figures(doc)
    assert set(texts) == {"VIII.G", "VIII.H", "IX"}
    for text in texts.values():
        assert not re.search(r"[{}\[\]<>]", text), text
    trainees = Trainee.objects.filter(training__key=BANGKOK).count()
    assert doc.formatter.number(trainees) in texts["VIII.H"]


def _with_applications(snapshot: dict) -> dict:
    snapshot = copy.deepcopy(snapshot)
    snapshot["provided"]["stakeholders"]["applications"] = {
        "received_by_group": {"ngo": 3, "women": 2},
        "decided_by_group_and_status": {
            "ngo:accredited": 2,
            "women:rejected": 1,
            "women:more_requested": 1,
        },
        "automatic": 1,
    }
    return snapshot


def test_applications_received_and_decided_by_category(stored_snapshot):
    snapshot = _with_applications(stored_snapshot)
    text = _figures(realise(snapshot, "en"))["VIII.G"]
    assert text.startswith(
        "In the period, UN-Habitat received 5 applications for accreditation: "
        "non-governmental organizations (3) and women (2). "
        "3 applications were decided: 2 accredited and 1 not accredited. "
        "One accreditation was automatic"
    )
    # Russian counts take the case CLDR's plural rules give the number.
    ru = _figures(realise(snapshot, "ru"))["VIII.G"]
    assert "(5 заявок)" in ru and "(3 заявки)" in ru


def test_no_figures_no_paragraph_and_runs_before_them_compose(stored_snapshot):
    snapshot = copy.deepcopy(stored_snapshot)
    for kinds in snapshot["provided"].values():
        for kind in kinds:
            kinds[kind] = [] if isinstance(kinds[kind], list) else {}
    assert not [p for p in compose(snapshot).paragraphs() if p.type == "figures"]
    del snapshot["provided"]  # a run stored before the providers existed
    assert not [p for p in compose(snapshot).paragraphs() if p.type == "figures"]


def test_staff_text_replaces_the_figures_and_is_flagged_when_they_change(
    stored_snapshot,
):
    anchor = "VIII.H/figures"
    before = next(
        p for p in compose(stored_snapshot).paragraphs() if p.anchor == anchor
    )
    snapshot = copy.deepcopy(stored_snapshot)
    snapshot["texts"].append(
        {
            "lang": "en",
            "anchor": anchor,
            "text": "Staff wording of the training.",
            "fingerprint": before.fingerprint,
        }
    )
    para = next(p for p in realise(snapshot, "en").paragraphs() if p.anchor == anchor)
    assert para.staff and not para.stale
    assert para.runs[0].text == "Staff wording of the training."
    training = snapshot["provided"]["stakeholders"]["trainings"][0]
    training["organisations_by_group"]["ngo"] += 1
    para = next(p for p in realise(snapshot, "en").paragraphs() if p.anchor == anchor)
    assert para.staff and para.stale


def test_the_figure_phrases_cover_every_language_category_and_body_kind():
    import yaml

    from partnerships.reports.outline import figure_phrases_path
    from partnerships.stakeholders.groups import StakeholderGroup
    from partnerships.stakeholders.models.bodies import BodyKind

    phrases = yaml.safe_load(figure_phrases_path().read_text(encoding="utf-8"))
    assert set(phrases) == set(UN_LANGUAGES)
    keys = {lang: set(block) for lang, block in phrases.items()}
    assert all(k == keys["en"] for k in keys.values()), keys
    for block in phrases.values():
        assert set(block["groups"]) == set(StakeholderGroup.values)
        assert set(block["body_kinds"]) == set(BodyKind.values)
        for value in block.values():
            if isinstance(value, dict) and "{n}" in str(value):
                assert "other" in value
