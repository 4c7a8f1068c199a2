"""The dashboards' HTML is kept for the public, per language, and dropped by any
write (views/dashboards.page through figures.cached_public); staff never get the
public's page, nor the public theirs."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.test import Client

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.services import engagement_create
from partnerships.core.actor import system_actor

pytestmark = pytest.mark.django_db


def _total(client, lang: str = "en") -> int:
    client.cookies["django_language"] = lang
    page = client.get("/dashboards/").content.decode()
    lead = re.search(r'<p class="lead">\s*([\d,\s\u202f\u00a0]+)', page)
    return int(re.sub(r"\D", "", lead.group(1)))


def _plainly_public() -> int:
    return Engagement.objects.filter(
        deleted_at__isnull=True, is_published=True, is_confidential=False
    ).count()


def test_a_write_drops_the_kept_page(client):
    before = _total(client)
    assert before == _plainly_public()
    assert _total(client) == before  # from the kept page
    engagement_create(
        actor=system_actor("test"),
        key="kept-dashboard-1",
        changes={
            "kind": "agreement",
            "title_en": "A new public engagement",
            "start_date": dt.date(2018, 3, 1),
            "start_precision": "day",
            "is_published": True,
        },
    )
    assert _total(client) == before + 1 == _plainly_public()


def test_each_language_its_own_page(client):
    english = client.get("/dashboards/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    client.cookies["django_language"] = "zh-hans"
    chinese = client.get("/dashboards/").content.decode()
    assert "Engagements by kind and year" in english
    assert "Engagements by kind and year" not in chinese


def test_staff_see_their_own_figures_not_the_publics(admin_client):
    hidden = Engagement.objects.filter(is_published=True).order_by("pk").first()
    Engagement.objects.filter(pk=hidden.pk).update(is_confidential=True)
    public = _total(Client())
    assert public == _plainly_public()
    assert _total(admin_client) > public  # the administrator sees the hidden one
    assert _total(Client()) == public


def test_the_public_page_is_made_once_per_language():
    reader = Client()
    made = [
        "portal/_dashboards_body.html" in [t.name for t in reader.get(url).templates]
        for url in ("/dashboards/", "/dashboards/", "/dashboards/?category=ngo")
    ]
    assert made == [True, False, True]
    reader.cookies["django_language"] = "ar"
    assert "portal/_dashboards_body.html" in [
        t.name for t in reader.get("/dashboards/").templates
    ]
