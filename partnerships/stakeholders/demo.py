"""The worked examples of `load-demo` (data/stakeholders/demo.yaml): the
Assembly's first session, the consultation on the strategic plan, the advisory
bodies and the forum, and the Bangkok training, each attached to the engagement
the curated data holds for it. Idempotent: a record that exists is left alone."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from django.conf import settings

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import Actor, system_actor
from partnerships.reference.models import SdgIndicator
from partnerships.registry.models import Organisation
from partnerships.stakeholders.drafts import DraftParagraph
from partnerships.stakeholders.models import Body, Consultation, Trainee, Training
from partnerships.stakeholders.services.bodies import (
    body_create,
    trainee_add,
    training_record,
)
from partnerships.stakeholders.services.consultations import (
    consultation_publish,
    synthesis_save,
)
from partnerships.stakeholders.services.sessions import session_upsert


def _consultation(actor: Actor, spec: dict[str, Any]) -> int:
    if Consultation.objects.filter(key=spec["key"]).exists():
        return 0
    consultation = consultation_publish(
        actor=actor,
        key=spec["key"],
        title=spec["title"],
        audience=spec["audience"],
        deadline=None,
        engagement=Engagement.objects.get(key=spec["engagement"]),
        paragraphs=[
            DraftParagraph(n, text) for n, text in enumerate(spec["paragraphs"], 1)
        ],
    )
    synthesis_save(actor=actor, target=consultation, text=spec["synthesis"])
    return 1


def _bodies(actor: Actor, specs: list[dict[str, Any]]) -> int:
    written = 0
    for spec in specs:
        if Body.objects.filter(key=spec["key"]).exists():
            continue
        body_create(
            actor=actor,
            key=spec["key"],
            name=spec["name"],
            kind=spec["kind"],
            mandate=spec["mandate"],
            engagement=Engagement.objects.get(key=spec["engagement"]),
        )
        written += 1
    return written


def _training(actor: Actor, spec: dict[str, Any]) -> int:
    training = Training.objects.filter(key=spec["key"]).first()
    written = 0
    if training is None:
        codes = list(SdgIndicator.objects.values_list("code", flat=True))
        training = training_record(
            actor=actor,
            key=spec["key"],
            title=spec["title"],
            country=spec["country"],
            city=spec["city"],
            indicators=codes if spec["indicators"] == "sdg11" else spec["indicators"],
            feedback=spec["feedback"],
            engagement=Engagement.objects.get(key=spec["engagement"]),
        )
        written += 1
    for row in spec["trainees"]:
        org = Organisation.objects.get(key=row["organisation"])
        if not Trainee.objects.filter(training=training, organisation=org).exists():
            trainee_add(
                actor=actor, training=training, organisation=org, group=row["group"]
            )
            written += 1
    return written


def load_stakeholder_demo(path: Path | None = None) -> int:
    """Load the worked examples; returns how many records were written."""
    path = path or Path(settings.DATA_DIR) / "stakeholders" / "demo.yaml"
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    actor = system_actor("load-demo")
    session = dict(spec["session"])
    _, written = session_upsert(actor=actor, key=session.pop("key"), values=session)
    return (
        int(written)
        + _consultation(actor, spec["consultation"])
        + _bodies(actor, spec["bodies"])
        + _training(actor, spec["training"])
    )
