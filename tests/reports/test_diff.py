"""`report --diff`: rewritten and stale paragraphs, engagements new, changed and
gone by name, and nothing outside a later period called ended."""

from __future__ import annotations

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import ANONYMOUS
from partnerships.reports.demo import seed_report
from partnerships.reports.diff import diff_snapshots, format_diff
from partnerships.reports.services import create_run, save_paragraph_text

pytestmark = pytest.mark.django_db

BANGKOK = "p078-bangkok-training-nso-urban-observatories"


def test_a_rewritten_paragraph_and_a_changed_date_are_listed(seed_run, admin_user):
    anchor = "VIII.H/figures"
    save_paragraph_text(
        seed_run.report, "en", anchor, "Staff wording.", admin_user, seed_run
    )
    Engagement.objects.filter(
        key="p078-bangkok-training-nso-urban-observatories"
    ).update(start_date="2018-05-01", start_precision="month")
    later = create_run(seed_run.report, ANONYMOUS)
    diff = diff_snapshots(seed_run.snapshot, later.snapshot)
    assert diff["rewritten"] == [anchor]
    assert diff["stale"] == [anchor]  # the training's engagement changed under it
    assert diff["changed_engagements"] == {
        "p078-bangkok-training-nso-urban-observatories": ["start"]
    }
    text = format_diff(diff, seed_run.snapshot, later.snapshot)
    assert (
        "  Training in Bangkok for national statistical offices and urban "
        "observatories [p078-bangkok-training-nso-urban-observatories] — start"
    ) in text


def test_what_lies_outside_a_later_period_is_not_called_ended(seed_run):
    report = seed_report()
    report.pk = None
    report.key = "next"
    report.period_start = report.period_start.replace(year=2019)
    report.period_end = report.period_end.replace(year=2020)
    report.save()
    later = create_run(report, ANONYMOUS)
    diff = diff_snapshots(seed_run.snapshot, later.snapshot)
    agreements = {
        r["key"] for r in seed_run.snapshot["engagements"] if r["kind"] == "agreement"
    }
    later_keys = {r["key"] for r in later.snapshot["engagements"]}
    assert set(diff["outside_period"]) >= agreements - later_keys
    assert diff["gone_engagements"] == []
    assert not set(diff["ended_agreements"]) & (agreements - later_keys)
    text = format_diff(diff, seed_run.snapshot, later.snapshot)
    assert "engagements outside the later period (not ended)" in text
    assert "UNICEF–UN-Habitat letter of intent [" in text


def test_the_rewrite_form_shows_the_composed_text_and_the_data_under_it(
    client, seed_run, django_user_model
):
    from partnerships.accounts.models import Profile, Role

    user = django_user_model.objects.create_user("rewriter", password="x" * 16)
    Profile.objects.create(user=user, role=Role.EDITOR)
    client.force_login(user)
    response = client.get(f"/reports/runs/{seed_run.pk}/en/edit/VIII.H/figures")
    assert response.status_code == 200
    page = response.content.decode()
    assert "The paragraph as composed from the data" in page
    # The form opens with the composed text, not empty.
    from partnerships.stakeholders.models import Training

    n = Training.objects.get(engagement__key=BANGKOK).indicators.count()
    form = page.split("<textarea")[1]
    assert f"covered {n} indicators of Sustainable Development Goal 11" in form
    assert f"<code>{BANGKOK}</code>" in page
    assert "HSP/HA/1/2/Add.2 ¶78" in page


def test_the_missing_names_page_counts_what_the_report_marks(
    client, seed_run, django_user_model
):
    import re

    from partnerships.accounts.models import Profile, Role
    from partnerships.reports.missing import missing_terms
    from partnerships.reports.render import render

    # An independent reading: the fallback marks of each version's Markdown body
    # (from the first chapter to the footnote rule), counted per language.
    first_chapter = {
        "fr": "\n## I.",
        "es": "\n## I.",
        "ru": "\n## I.",
        "ar": "\n## أولا",
    }
    counted = {}
    for lang, start in first_chapter.items():
        terms = missing_terms(seed_run.snapshot, lang)
        md = render(seed_run.snapshot, lang, "md").decode()
        body = md[md.index(start) : md.index("\n---\n")]
        marks = re.findall(r"\[([^\[\]]+)\]\{lang=(\w+)\}", body)
        assert terms and sum(n for _, _, n in terms) == len(marks), lang
        assert terms[0][2] == max(marks.count(m) for m in set(marks)), lang
        counts = [n for _, _, n in terms]
        assert counts == sorted(counts, reverse=True), lang
        counted[lang] = (len(terms), len(marks))
    user = django_user_model.objects.create_user("terminologist", password="x" * 16)
    Profile.objects.create(user=user, role=Role.EDITOR)
    client.force_login(user)
    page = client.get(f"/reports/runs/{seed_run.pk}/missing/").content.decode()
    assert "missing: {}, occurrences: {}".format(*counted["fr"]) in page
