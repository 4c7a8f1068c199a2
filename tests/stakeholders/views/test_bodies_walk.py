"""A body with members and a meeting, and a training with participants, recorded
through the staff pages; each becomes cooperation the registry shows."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse
from django.utils import translation

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Engagement, Participation, Role
from partnerships.stakeholders.figures import period_figures
from partnerships.stakeholders.models import Body, Membership, Training
from tests.factories import organisation


def _post(client, url, form, **data):
    fields = {f"{form}-{k}": v for k, v in data.items()}
    response = client.post(url, {"form": form, **fields})
    assert response.status_code == 302, response.content.decode()[:2000]


def test_a_body_gets_members_and_a_meeting(client, cast):
    organisation(key="YOUTH-NET", en="Youth network")
    organisation(key="WOMEN-NET", en="Women network")
    organisation(key="ACAD-NET", en="Academic network")
    organisation(key="GUEST", en="Guest foundation")
    client.force_login(cast["editor-africa"])
    index = reverse("stakeholders:bodies")
    _post(
        client,
        index,
        "body",
        key="sag",
        name="Stakeholder Advisory Group",
        kind="advisory_group",
        mandate="Advises the Executive Director.",
        established="2019-05-27",
        seats="women=2\nchildren_youth=2",
    )
    body = Body.objects.get(key="sag")
    assert dict(body.seats.values_list("group", "number")) == {
        "women": 2,
        "children_youth": 2,
    }
    page = reverse("stakeholders:body", args=["sag"])
    _post(
        client,
        page,
        "member",
        organisation="WOMEN-NET",
        role="chair",
        group="women",
        term_start="2019-05-27",
        term_end="2021-05-26",
    )
    _post(
        client,
        page,
        "member",
        organisation="YOUTH-NET",
        role="member",
        group="children_youth",
    )
    _post(client, page, "member", organisation="ACAD-NET", role="observer", group="ngo")
    _post(
        client,
        page,
        "meeting",
        held_on="2019-05-28",
        country="KE",
        city="Nairobi",
        agenda="Terms of reference",
        outcome="Coordinated input adopted.",
        # One organisation per picker.
        attendees_1="WOMEN-NET",
        attendees_2="YOUTH-NET",
        attendees_3="ACAD-NET",
        attendees_4="GUEST",
    )
    roles = set(
        Participation.objects.filter(engagement=body.engagement).values_list(
            "organisation__key", "role"
        )
    )
    assert roles == {
        ("WOMEN-NET", "chair"),
        ("YOUTH-NET", "member"),
        ("ACAD-NET", "observer"),
    }
    meeting = body.meetings.get()
    assert meeting.engagement.parent == body.engagement
    # Members attend in their role; a guest is a participant.
    assert set(
        meeting.engagement.participations.values_list("organisation__key", "role")
    ) == roles | {("GUEST", "participant")}
    assert meeting.engagement.places.get().country_id == "KE"
    assert (
        Membership.objects.get(role="chair").history.first().history_user
        == (cast["editor-africa"])
    )
    assert "Youth network" in client.get(page).content.decode()
    _reaches_portal_and_report(client, cast, body)


def _reaches_portal_and_report(client, cast, body):
    """The body's engagement shows its members' roles on the portal, in the
    reader's language, and the report's figures count them by role."""
    client.cookies["django_language"] = "fr"
    public = client.get(f"/engagements/{body.engagement.key}/").content.decode()
    with translation.override("fr"):
        for role in (Role.CHAIR, Role.MEMBER, Role.OBSERVER):
            assert str(role.label) in public
    year = (dt.date(2019, 1, 1), dt.date(2019, 12, 31))
    rows = period_figures(*year, actor_for(cast["administrator"]))["bodies"]
    (row,) = [r for r in rows if r["key"] == "sag"]
    assert row["members_by_role"] == {"chair": 1, "member": 1, "observer": 1}
    (held,) = row["meeting_attendance"]
    assert held["held_on"] == "2019-05-28"
    assert held["attendees_by_role"] == {
        "chair": 1,
        "member": 1,
        "observer": 1,
        "participant": 1,
    }


def test_a_training_gets_participants_and_indicators(client, cast):
    organisation(key="NSO-TH", category="national_government", en="Statistics office")
    organisation(key="OBS-BKK", category="local_government", en="Urban observatory")
    client.force_login(cast["administrator"])
    _post(
        client,
        reverse("stakeholders:bodies"),
        "training",
        key="bkk-2018",
        title="Monitoring SDG 11 and the New Urban Agenda",
        starts_on="2018-06-12",
        ends_on="2018-06-14",
        country="TH",
        city="Bangkok",
        indicators=["11.1.1", "11.3.1"],
        organisers_1="NSO-TH",
        feedback="Participants asked for a follow-up on 11.3.1.",
    )
    training = Training.objects.get(key="bkk-2018")
    page = reverse("stakeholders:training", args=["bkk-2018"])
    _post(
        client,
        page,
        "trainee",
        organisation="OBS-BKK",
        group="local_authorities",
        people=3,
    )
    engagement = Engagement.objects.get(pk=training.engagement_id)
    assert set(engagement.sdg_targets.values_list("code", flat=True)) == {
        "11.1",
        "11.3",
    }
    assert set(engagement.participations.values_list("organisation__key", "role")) == {
        ("NSO-TH", "organiser"),
        ("OBS-BKK", "participant"),
    }
    assert "Urban observatory" in client.get(page).content.decode()
    index = client.get(reverse("stakeholders:bodies")).content.decode()
    # Per indicator and per country, counted here from the records (the demo's
    # Bangkok training, which covers every SDG 11 indicator, counts too).
    for code, trainings in (
        ("11.1.1", Training.objects.filter(indicators__code="11.1.1")),
        ("11.3.1", Training.objects.filter(indicators__code="11.3.1")),
        ("TH", Training.objects.filter(country_id="TH")),
    ):
        trainees = [t for tr in trainings for t in tr.trainees.all()]
        people = sum(t.people or 0 for t in trainees)
        row = f"<td>{code}</td><td>{len(trainings)}</td><td>{len(trainees)}</td>"
        assert f"<tr>{row}<td>{people}</td></tr>" in index


def test_an_unknown_organisation_key_is_named(client, cast):
    client.force_login(cast["administrator"])
    response = client.post(
        reverse("stakeholders:bodies"),
        {
            "form": "training",
            "training-key": "x",
            "training-title": "X",
            "training-starts_on": "2018-01-01",
            "training-organisers_1": "NO-SUCH-ORG",
        },
    )
    assert response.status_code == 400
    assert "NO-SUCH-ORG" in response.content.decode()


def _body_page(client, key: str, kind: str) -> str:
    """A body recorded on the staff page; its page's address."""
    _post(
        client,
        reverse("stakeholders:bodies"),
        "body",
        key=key,
        name=f"Body {key}",
        kind=kind,
        mandate="Advises.",
    )
    return reverse("stakeholders:body", args=[key])


def test_a_members_term_is_renewed_after_its_end(client, cast):
    organisation(key="WOMEN-NET", en="Women network")
    client.force_login(cast["administrator"])
    page = _body_page(client, "yab", "advisory_board")
    _post(
        client,
        page,
        "member",
        organisation="WOMEN-NET",
        role="member",
        group="women",
        term_start="2019-01-01",
        term_end="2020-12-31",
    )
    refused = client.post(
        page,
        {
            "form": "renew",
            "renew-organisation": "WOMEN-NET",
            "renew-until": "2020-06-30",
        },
    )
    assert refused.status_code == 400
    assert "2020-12-31" in refused.content.decode()
    _post(client, page, "renew", organisation="WOMEN-NET", until="2022-12-31")
    member = Membership.objects.get(body__key="yab")
    assert (member.term_end, member.renewed) == (dt.date(2022, 12, 31), 1)
    assert member.history.first().history_change_reason == (
        "term renewed until 2022-12-31"
    )


def test_the_meeting_page_adds_attendees_in_their_roles(client, cast):
    organisation(key="WOMEN-NET", en="Women network")
    organisation(key="GUEST", en="Guest foundation")
    organisation(key="FIRST", en="First attendee")
    client.force_login(cast["administrator"])
    body_page = _body_page(client, "gsf", "forum")
    _post(
        client,
        body_page,
        "member",
        organisation="WOMEN-NET",
        role="chair",
        group="women",
    )
    _post(client, body_page, "meeting", held_on="2019-05-25", attendees_1="FIRST")
    meeting = Body.objects.get(key="gsf").meetings.get()
    page = reverse("stakeholders:meeting", args=[meeting.pk])
    _post(client, page, "attendees", attendees_1="WOMEN-NET", attendees_2="GUEST")
    assert set(meeting.attendees.values_list("key", flat=True)) == {
        "FIRST",
        "WOMEN-NET",
        "GUEST",
    }
    assert set(
        meeting.engagement.participations.values_list("organisation__key", "role")
    ) == {("FIRST", "participant"), ("WOMEN-NET", "chair"), ("GUEST", "participant")}
    assert "Guest foundation" in client.get(page).content.decode()
    assert meeting.history.first().history_change_reason == "attendees added"
