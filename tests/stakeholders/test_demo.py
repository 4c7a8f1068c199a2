"""The worked examples `load-demo` adds, drawn from the seed report."""

from __future__ import annotations

from partnerships.cooperation.models import Engagement
from partnerships.stakeholders.demo import load_stakeholder_demo
from partnerships.stakeholders.models import Body, Consultation, Training


def test_the_demo_holds_the_seed_examples_attached_to_their_engagements(db):
    consultation = Consultation.objects.get(key="strategic-plan-2020-2025")
    assert consultation.engagement.key == "p002-strategic-plan-2020-2025"
    # The two subjects the seed says were consulted on (¶76), no draft text and
    # no comment the seed does not give (¶83 names no network).
    texts = list(consultation.paragraphs.values_list("text", flat=True))
    assert len(texts) == 2
    assert all(t.endswith("(paragraph 76).") for t in texts)
    assert not consultation.paragraphs.filter(comments__isnull=False).exists()
    assert "paragraphs 76 and 83" in consultation.synthesis
    sag = Body.objects.get(key="stakeholder-advisory-group")
    assert sag.engagement.key == "p076-external-stakeholder-advisory-committee"
    bangkok = Training.objects.get(key="bangkok-nso-observatories")
    assert set(bangkok.trainees.values_list("organisation__key", "group")) == {
        ("SDI", "grassroots"),
        ("UCLG-ASPAC", "local_authorities"),
        ("HUAIROU", "women"),
        ("KEMITRAAN-HABITAT", "ngo"),
    }
    assert bangkok.indicators.filter(code="11.1.1").exists()
    # ¶78 names no organiser or funder and ¶80's feedback is the workshops' (¶79).
    assert not bangkok.engagement.participations.filter(
        role__in=["organiser", "funder"]
    ).exists()
    assert bangkok.feedback == ""


def test_loading_the_demo_again_writes_nothing(db):
    engagements = Engagement.objects.count()
    assert load_stakeholder_demo() == 0
    assert Engagement.objects.count() == engagements
