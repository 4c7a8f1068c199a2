"""Staff pages: editing through the audited services, merge, publication."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from partnerships.cooperation.models import Engagement, Participation
from partnerships.registry.models import Organisation, OrganisationName
from partnerships.sources.models import Evidence

pytestmark = pytest.mark.django_db


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("url", ["/staff/", "/staff/engagements/new/", "/staff/merge/"])
def test_an_anonymous_visitor_is_sent_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_reader_without_a_role_is_refused(cast):
    assert client_as(cast["no-role"]).get("/staff/").status_code == 403
    assert client_as(cast["focal-point"]).get("/staff/").status_code == 403


def test_an_editor_edits_an_engagement_and_the_history_shows_it(records, cast):
    editor = client_as(cast["editor-africa"])
    engagement = records["published"]
    form = editor.get(f"/staff/engagements/{engagement.key}/").context["form"]
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update(title_en="Matrix renamed zebrafinch", reason="typo")
    response = editor.post(f"/staff/engagements/{engagement.key}/", data)
    assert response.status_code == 302
    engagement.refresh_from_db()
    assert engagement.title_en == "Matrix renamed zebrafinch"
    assert engagement.version == 2
    page = editor.get(f"/staff/engagement/{engagement.key}/history/").content.decode()
    assert "Matrix renamed zebrafinch" in page
    assert "editor-af" in page
    assert "typo" in page


def test_a_stale_form_is_refused_and_nothing_is_written(records, cast):
    editor = client_as(cast["editor-africa"])
    engagement = records["published"]
    data = {
        "key": engagement.key,
        "version": 7,
        "kind": "agreement",
        "status": "unknown",
        "title_en": "Lost update",
        "is_published": "on",
        "reason": "a late edit",
    }
    response = editor.post(f"/staff/engagements/{engagement.key}/", data)
    assert response.status_code == 200
    assert "changed by someone else" in response.content.decode()
    engagement.refresh_from_db()
    assert engagement.title_en != "Lost update"


def test_an_editor_cannot_edit_outside_its_charge(records, cast):
    editor = client_as(cast["editor-africa"])
    page = editor.get("/staff/engagements/matrix-confidential-asia/")
    assert page.status_code == 404


def test_inline_validation_names_the_wrong_field(cast):
    admin = client_as(cast["administrator"])
    response = admin.post(
        "/staff/validate/engagement/",
        {"key": "x", "start": "2019", "end": "2018"},
        HTTP_HX_REQUEST="true",
        HTTP_HX_TRIGGER_NAME="end",
    )
    assert "The end is before the start." in response.content.decode()
    quiet = admin.post(
        "/staff/validate/engagement/",
        {"key": "x", "start": "2017", "end": "2018"},
        HTTP_HX_TRIGGER_NAME="end",
    )
    assert "error" not in quiet.content.decode()


def test_staff_create_an_engagement_with_participants_places_money_evidence(cast):
    admin = client_as(cast["administrator"])
    response = admin.post(
        "/staff/engagements/new/",
        {
            "key": "portal-new",
            "kind": "project",
            "status": "ongoing",
            "title_fr": "Projet nouveau",
            "start": "2018-03",
            "is_published": "on",
            "reason": "reported by the office",
        },
    )
    assert response.status_code == 302
    e = Engagement.objects.get(key="portal-new")
    base = "/staff/engagements/portal-new/add"
    refused = admin.post(
        f"{base}/participant/",
        {"organisation": "UNDP", "role": "funder", "version": 1},
        follow=True,
    )
    assert "reason" in refused.content.decode().lower()
    assert not e.participations.exists()
    admin.post(
        f"{base}/participant/",
        {"organisation": "UNDP", "role": "funder", "version": 1, "reason": "MoU"},
    )
    part = Participation.objects.get(engagement=e, organisation__key="UNDP")
    admin.post(
        f"{base}/place/",
        {"country": "ke", "city_en": "Nairobi", "version": 2, "reason": "r"},
    )
    admin.post(
        f"{base}/money/",
        {
            "participation": part.pk,
            "amount": "1000",
            "currency": "USD",
            "version": 3,
            "reason": "r",
        },
    )
    admin.post(
        f"{base}/evidence/",
        {
            "symbol": "HSP/HA/1/2/Add.2",
            "number": 3,
            "quote": "…",
            "version": 4,
            "reason": "r",
        },
    )
    e.refresh_from_db()
    assert e.version == 5
    assert e.places.get().country_id == "KE"
    assert part.contributions.get().amount == 1000
    assert e.evidence.get().passage.number == 3
    reasons = list(e.history.values_list("history_change_reason", flat=True))
    assert "participant UNDP (funder) added: MoU" in reasons
    place = e.places.get()
    kept = admin.post(
        f"/staff/engagements/portal-new/remove/place/{place.pk}/",
        {"version": 5},
        follow=True,
    )
    assert "give the reason" in kept.content.decode()
    assert e.places.count() == 1
    admin.post(
        f"/staff/engagements/portal-new/remove/place/{place.pk}/",
        {"version": 5, "reason": "wrong country"},
    )
    assert not e.places.exists()
    last = e.history.order_by("-history_id").first()
    assert last.history_change_reason == "place KE removed: wrong country"


def test_a_stale_addition_changes_nothing(cast):
    admin = client_as(cast["administrator"])
    e = Engagement.objects.filter(is_published=True).first()
    before = e.participations.count()
    response = admin.post(
        f"/staff/engagements/{e.key}/add/participant/",
        {
            "organisation": "UNDP",
            "role": "host",
            "version": e.version + 5,
            "reason": "r",
        },
        follow=True,
    )
    assert "changed by someone else" in response.content.decode()
    assert e.participations.count() == before


def test_publish_and_unpublish(cast):
    admin = client_as(cast["administrator"])
    org = Organisation.objects.get(key="ITDP")
    asked = admin.post(
        "/staff/organisation/ITDP/publish/", {"publish": "0", "version": org.version}
    )
    assert "It will disappear from the public pages" in asked.content.decode()
    org.refresh_from_db()
    assert org.is_published
    admin.post(
        "/staff/organisation/ITDP/publish/",
        {"publish": "0", "version": org.version, "confirm": "True", "reason": "dup"},
    )
    org.refresh_from_db()
    assert not org.is_published
    assert org.history.first().history_change_reason == "dup"
    assert Client().get("/organisations/ITDP/").status_code == 404
    admin.post(
        "/staff/organisation/ITDP/publish/",
        {"publish": "1", "version": org.version, "confirm": "True", "reason": "ok"},
    )
    org.refresh_from_db()
    assert org.is_published


def test_publishing_never_redirects_off_the_site(cast):
    """The publish form once followed `back=` wherever it pointed."""
    admin = client_as(cast["administrator"])
    org = Organisation.objects.get(key="ITDP")
    fields = {"publish": "0", "version": org.version, "confirm": "True"}
    for hostile in ("https://evil.example/", "//evil.example/x", "/\\evil.example"):
        response = admin.post(
            f"/staff/organisation/ITDP/publish/?back={hostile}",
            fields | {"reason": "r", "back": hostile, "next": hostile},
        )
        assert response.status_code == 302
        assert response["Location"] == reverse(
            "portal:staff-organisation-edit", kwargs={"key": "ITDP"}
        ), hostile
        org.refresh_from_db()
        fields["version"] = org.version


def test_merging_moves_every_reference_and_keeps_the_names(cast):
    admin = client_as(cast["administrator"])
    source = Organisation.objects.create(
        key="UNDP-DUP", category="fund_programme", name_en="UN Dev Programme dup"
    )
    undp = Organisation.objects.get(key="UNDP")
    engagement = (
        Engagement.objects.filter(is_published=True)
        .exclude(participations__organisation=undp)
        .first()
    )
    Participation.objects.create(
        engagement=engagement, organisation=source, role="funder"
    )
    child = Organisation.objects.create(
        key="UNDP-DUP-CHILD", category="fund_programme", name_en="Child", parent=source
    )
    OrganisationName.objects.create(
        organisation=source, kind="acronym", lang="en", value="UNDPD"
    )
    asked = {"source": "UNDP-DUP", "target": "UNDP", "reason": "a duplicate"}
    preview = admin.post("/staff/merge/", asked)
    assert preview.context["preview"]["participations"] == 1
    assert preview.context["preview"]["children"] == 1
    assert not Organisation.objects.get(pk=source.pk).deleted_at
    response = admin.post("/staff/merge/", {**asked, "confirm": "True"})
    assert response.status_code == 302
    source.refresh_from_db()
    child.refresh_from_db()
    assert source.deleted_at is not None
    assert child.parent_id == undp.pk
    assert Participation.objects.filter(
        engagement=engagement, organisation=undp
    ).exists()
    assert not Participation.objects.filter(organisation=source).exists()
    names = set(undp.other_names.values_list("kind", "value"))
    assert {("alias", "UN Dev Programme dup"), ("acronym", "UNDPD")} <= names
    last = source.history.order_by("-history_id").first()
    assert last.history_change_reason == "merged into UNDP"
    stays = undp.history.order_by("-history_id").first().history_change_reason
    assert stays == "merged UNDP-DUP into UNDP: a duplicate"
    assert not Evidence.objects.filter(organisation=source).exists()


def test_a_merge_into_itself_is_refused(cast):
    admin = client_as(cast["administrator"])
    response = admin.post(
        "/staff/merge/", {"source": "UNDP", "target": "UNDP", "reason": "test"}
    )
    assert "cannot merge into itself" in response.content.decode()


def test_the_engagement_form_sets_description_themes_and_sdg_targets(records, cast):
    from partnerships.reference.models import SdgTarget, Theme

    editor = client_as(cast["editor-africa"])
    engagement = records["published"]
    page = editor.get(f"/staff/engagements/{engagement.key}/")
    form = page.context["form"]
    themes = list(Theme.objects.values_list("code", flat=True)[:2])
    targets = list(SdgTarget.objects.filter(goal_id=11).values_list("code", flat=True))
    assert len(themes) == 2 and len(targets) > 2
    html = page.content.decode()
    for code in (*themes, targets[0]):
        assert f'value="{code}"' in html
    data = {k: v for k, v in form.initial.items() if v not in (None, False)}
    data.update(
        summary_en="What the two agencies agreed.",
        summary_fr="Ce que les deux agences ont convenu.",
        themes=themes,
        sdg_targets=targets[:2],
        reason="described",
    )
    response = editor.post(f"/staff/engagements/{engagement.key}/", data)
    assert response.status_code == 302, response.context["form"].errors
    engagement.refresh_from_db()
    assert engagement.summary_en == "What the two agencies agreed."
    assert engagement.summary_fr == "Ce que les deux agences ont convenu."
    assert sorted(engagement.themes.values_list("code", flat=True)) == sorted(themes)
    assert sorted(engagement.sdg_targets.values_list("code", flat=True)) == sorted(
        targets[:2]
    )
    again = editor.get(f"/staff/engagements/{engagement.key}/").context["form"]
    assert sorted(again.initial["themes"]) == sorted(themes)
    data.update(themes=[], sdg_targets=["99.99"], version=engagement.version)
    refused = editor.post(f"/staff/engagements/{engagement.key}/", data)
    assert refused.status_code == 200
    assert "99.99" in refused.content.decode()
    assert engagement.themes.count() == 2


def test_delete_asks_why_after_saying_what_goes_and_then_deletes(cast):
    admin = client_as(cast["administrator"])
    e = Engagement.objects.filter(is_published=True, participations__isnull=False)
    e = e.distinct().first()
    url = f"/staff/engagement/{e.key}/delete/"
    page = admin.get(url)
    assert page.status_code == 200
    hanging = dict(page.context["hanging"])
    assert list(hanging.values())[0] == e.participations.count()
    no_reason = admin.post(url, {"version": e.version})
    assert no_reason.status_code == 200
    stale = admin.post(url, {"version": e.version + 3, "reason": "a duplicate"})
    assert stale.status_code == 200
    assert Engagement.objects.filter(pk=e.pk, deleted_at__isnull=True).exists()
    done = admin.post(url, {"version": e.version, "reason": "a duplicate"})
    assert done.status_code == 302
    e.refresh_from_db()
    assert e.deleted_at is not None
    assert e.history.order_by("-history_id").first().history_change_reason == (
        "a duplicate"
    )
    assert admin.get(f"/engagements/{e.key}/").status_code == 404
    assert client_as(cast["editor-africa"]).get(url).status_code in (403, 404)
