"""The staff page of `--diff`: /reports/runs/N/diff/, in the staff's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import ANONYMOUS
from partnerships.reports.diff import AMOUNTS, LABELS
from partnerships.reports.services import create_run, save_paragraph_text

pytestmark = pytest.mark.django_db

BANGKOK = "p078-bangkok-training-nso-urban-observatories"


@pytest.fixture
def two_runs(seed_run, admin_user):
    save_paragraph_text(
        seed_run.report, "en", "VIII.H/figures", "Staff wording.", admin_user, seed_run
    )
    Engagement.objects.filter(key=BANGKOK).update(
        start_date="2018-05-01", start_precision="month"
    )
    return seed_run, create_run(seed_run.report, ANONYMOUS)


def test_the_page_lists_what_changed_since_the_run_before(client, admin_user, two_runs):
    first, later = two_runs
    assert client.get(f"/reports/runs/{later.pk}/diff/").status_code == 302
    client.force_login(admin_user)
    page = client.get(f"/reports/runs/{later.pk}/diff/").content.decode()
    assert f"Run {later.pk} compared with run {first.pk}" in page
    assert "Paragraphs rewritten by staff (1)" in page
    assert "<li>VIII.H/figures</li>" in page
    assert (
        "Training in Bangkok for national statistical offices and urban "
        f"observatories [{BANGKOK}] — start"
    ) in page
    # The first run has nothing to compare with; another may be named.
    page = client.get(f"/reports/runs/{first.pk}/diff/").content.decode()
    assert "first run" in page
    page = client.get(f"/reports/runs/{first.pk}/diff/?against={later.pk}")
    assert page.status_code == 200


def test_the_page_has_the_look_of_the_other_staff_pages(client, admin_user, two_runs):
    """The portal's staff base (its navigation, the design system's style sheet),
    as the report list and preview have, not the Django admin's."""
    _, later = two_runs
    client.force_login(admin_user)
    pages = {
        url: client.get(url)
        for url in (f"/reports/runs/{later.pk}/diff/", f"/reports/runs/{later.pk}/en/")
    }
    for response in pages.values():
        names = [t.name for t in response.templates]
        assert "portal/staff_base.html" in names
        assert "admin/base_site.html" not in names
        page = response.content.decode()
        assert 'class="staff-nav"' in page
        assert "admin/css/base.css" not in page


def test_the_page_speaks_the_staffs_language(client, admin_user, two_runs):
    _, later = two_runs
    client.force_login(admin_user)
    client.cookies["django_language"] = "fr"
    page = client.get(f"/reports/runs/{later.pk}/diff/").content.decode()
    assert "Paragraphes réécrits par le personnel (1)" in page
    assert "Engagements modifiés (1)" in page


@pytest.mark.parametrize("lang", ["ar", "es", "fr", "ru", "zh-hans"])
def test_every_label_of_the_page_is_translated(lang):
    labels = [*LABELS.values(), AMOUNTS]
    with translation.override(None):
        english = [str(label) for label in labels]
    with translation.override(lang):
        translated = [str(label) for label in labels]
    assert all(t != e for t, e in zip(translated, english, strict=True))
    assert len(set(translated)) == len(labels)
