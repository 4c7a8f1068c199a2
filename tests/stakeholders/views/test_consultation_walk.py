"""A consultation walked through the web pages: a draft published, comments
from three stakeholder categories, moderation, the synthesis and the outcome."""

from __future__ import annotations

import datetime as dt
import io

import docx
import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.cooperation.models import Participation
from partnerships.sources.models import Evidence
from partnerships.stakeholders.models import Comment, Consultation
from tests.factories import organisation

DRAFT = (
    "Strategic plan 2020-2025\n\n"
    "1. The Programme will reduce spatial inequality and poverty.\n\n"
    "2. The Programme will enhance shared prosperity of cities.\n\n"
    "Implementation\n\n"
    "3. Partnerships with stakeholders are central to delivery.\n"
)


def _publish(client, cast):
    client.force_login(cast["administrator"])
    response = client.post(
        reverse("stakeholders:consultations-staff"),
        {
            "key": "strategic-plan",
            "title": "Draft strategic plan 2020-2025",
            "audience": "public",
            "deadline": (dt.date.today() + dt.timedelta(days=30)).isoformat(),
            "draft": SimpleUploadedFile("draft.txt", DRAFT.encode()),
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    client.logout()
    return Consultation.objects.get(key="strategic-plan")


def _comment(client, number, **fields):
    data = {"paragraph": number, "comment-author_name": "A. Writer"}
    data.update({f"comment-{k}": v for k, v in fields.items()})
    response = client.post(
        reverse("stakeholders:consultation", args=["strategic-plan"]), data
    )
    assert response.status_code == 302, response.content.decode()[:1500]


def test_a_consultation_goes_from_draft_to_outcome(client, cast):
    consultation = _publish(client, cast)
    paragraphs = list(consultation.paragraphs.values_list("number", "heading"))
    assert paragraphs == [
        (1, "Strategic plan 2020-2025"),
        (2, ""),
        (3, "Implementation"),
    ]
    huairou = organisation(key="HUAIROU", en="Huairou Commission")
    organisation(key="UCLG-TEST", category="local_government_association", en="UCLG")

    _comment(
        client,
        1,
        organisation_name="Huairou Commission",
        group="women",
        kind="support",
        text="Grassroots women endorse this.",
    )
    _comment(
        client,
        1,
        organisation_name="UCLG",
        group="local_authorities",
        kind="amend",
        text="Name local governments.",
        proposed_text="The Programme, with local governments, will reduce ...",
    )
    client.force_login(cast["focal-point"])
    _comment(
        client,
        3,
        organisation_name="ignored",
        group="ngo",
        kind="question",
        text="How will partners report?",
    )
    client.logout()
    assert Comment.objects.filter(status="pending").count() == 3
    public = client.get(reverse("stakeholders:consultation", args=["strategic-plan"]))
    assert "Grassroots women endorse" not in public.content.decode()

    client.force_login(cast["administrator"])
    keys = {"Huairou Commission": "HUAIROU", "UCLG": "UCLG-TEST"}
    for comment in Comment.objects.all():
        client.post(
            reverse("stakeholders:moderate", args=[comment.pk]),
            {
                "publish": "yes",
                "organisation_key": keys.get(comment.organisation_name, ""),
            },
        )
    assert Comment.objects.filter(status="approved").count() == 3
    staff_page = client.get(
        reverse("stakeholders:consultation-staff", args=["strategic-plan"])
    ).content.decode()
    for label in (
        "Women (1)",
        "Local authorities (1)",
        "Non-governmental organizations (1)",
    ):
        assert label in staff_page
    client.post(
        reverse("stakeholders:synthesis", args=["strategic-plan"]),
        {"paragraph": 1, "text": "Broad support; local governments to be named."},
    )

    consultation.engagement.refresh_from_db()
    assert consultation.engagement.kind == "consultation"
    parts = Participation.objects.filter(engagement=consultation.engagement)
    assert {p.organisation.key for p in parts} == {"HUAIROU", "UCLG-TEST", "ITDP"}
    cited = Evidence.objects.get(
        participation__organisation=huairou,
        participation__engagement=consultation.engagement,
    )
    assert cited.passage.text == "Grassroots women endorse this."

    word = client.get(reverse("stakeholders:outcome", args=["strategic-plan", "docx"]))
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    assert "Broad support; local governments to be named." in text
    assert "Huairou Commission (support): Grassroots women endorse this." in text
    sheet = client.get(reverse("stakeholders:outcome", args=["strategic-plan", "xlsx"]))
    rows = list(openpyxl.load_workbook(io.BytesIO(sheet.content))["comments"].values)
    assert rows[0][:4] == ("paragraph", "stakeholder_category", "organisation", "kind")
    assert {(r[0], r[1]) for r in rows[1:]} == {
        (1, "women"),
        (1, "local_authorities"),
        (3, "ngo"),
    }


def test_a_consultation_for_named_organisations_refuses_others(client, cast):
    client.force_login(cast["administrator"])
    client.post(
        reverse("stakeholders:consultations-staff"),
        {
            "key": "closed-circle",
            "title": "Draft for partners",
            "audience": "named",
            "invited_1": organisation(key="NOT-ITDP", en="Another partner").key,
            "deadline": (dt.date.today() + dt.timedelta(days=5)).isoformat(),
            "draft": SimpleUploadedFile("d.txt", b"One paragraph only."),
        },
    )
    client.logout()
    client.force_login(cast["focal-point"])
    page = client.get(reverse("stakeholders:consultation", args=["closed-circle"]))
    assert "Send the comment" not in page.content.decode()
    response = client.post(
        reverse("stakeholders:consultation", args=["closed-circle"]),
        {
            "paragraph": 1,
            "comment-organisation_name": "x",
            "comment-group": "ngo",
            "comment-kind": "support",
            "comment-text": "Let me in.",
        },
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()
