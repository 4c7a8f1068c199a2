"""Stored runs, staff-written paragraphs, differences, the command and the staff pages."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from partnerships.accounts.models import Profile, Role
from partnerships.cooperation.models import Contribution, Engagement
from partnerships.core.actor import ANONYMOUS
from partnerships.registry.models import Organisation
from partnerships.reports.compose import compose
from partnerships.reports.demo import seed_report
from partnerships.reports.diff import diff_snapshots
from partnerships.reports.models import ReportRun
from partnerships.reports.realise import realise
from partnerships.reports.render import render
from partnerships.reports.services import create_run, save_paragraph_text

pytestmark = pytest.mark.django_db


def _docx_parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in sorted(z.namelist())}


def test_a_stored_run_renders_the_same_after_the_registry_changes(seed_run):
    before = {
        fmt: render(seed_run.snapshot, "en", fmt) for fmt in ("html", "md", "docx")
    }
    Organisation.objects.filter(key="UNDP").update(name_en="Renamed Programme")
    Engagement.objects.filter(key="p040-psup").update(title_en="Changed title")
    again = ReportRun.objects.get(pk=seed_run.pk)
    assert render(again.snapshot, "en", "html") == before["html"]
    assert render(again.snapshot, "en", "md") == before["md"]
    assert _docx_parts(render(again.snapshot, "en", "docx")) == _docx_parts(
        before["docx"]
    )
    fresh = create_run(seed_run.report, ANONYMOUS)
    assert b"Changed title" in render(fresh.snapshot, "en", "md")
    assert fresh.digest != seed_run.digest


def test_staff_text_survives_regeneration_and_is_flagged_when_data_changes(
    seed_run, admin_user
):
    anchor = "II.E/org:UNDP"
    assert anchor in {p.anchor for p in compose(seed_run.snapshot).paragraphs()}
    save_paragraph_text(
        seed_run.report,
        "en",
        anchor,
        "UNDP and UN-Habitat, in our words.",
        admin_user,
        seed_run,
    )
    run = create_run(seed_run.report, ANONYMOUS)
    para = next(
        p for p in realise(run.snapshot, "en").paragraphs() if p.anchor == anchor
    )
    assert para.staff and not para.stale
    assert para.runs[0].text == "UNDP and UN-Habitat, in our words."
    # Other languages keep the composed text.
    zh = next(p for p in realise(run.snapshot, "zh").paragraphs() if p.anchor == anchor)
    assert not zh.staff
    # The data under the paragraph changes: the text stays, flagged.
    Engagement.objects.filter(key="p021-undp-umbrella-mou").update(status="ongoing")
    later = create_run(seed_run.report, ANONYMOUS)
    para = next(
        p for p in realise(later.snapshot, "en").paragraphs() if p.anchor == anchor
    )
    assert para.staff and para.stale
    for fmt in ("html", "md"):
        assert (
            "data under this paragraph changed"
            in render(later.snapshot, "en", fmt).decode()
        ), fmt
    # The DOCX carries the flag too (the PDF is printed from the HTML).
    import io
    import zipfile

    docx = io.BytesIO(render(later.snapshot, "en", "docx"))
    with zipfile.ZipFile(docx) as z:
        assert (
            "data under this paragraph changed" in z.read("word/document.xml").decode()
        )


def test_staff_write_the_introduction_and_conclusions(seed_run, admin_user):
    save_paragraph_text(
        seed_run.report, "zh", "I/text-1", "人居署的引言。", admin_user, seed_run
    )
    save_paragraph_text(
        seed_run.report, "zh", "X/text-1", "结论一段。", admin_user, seed_run
    )
    run = create_run(seed_run.report, ANONYMOUS)
    doc = realise(run.snapshot, "zh")
    intro = [p for p in doc.chapters[0].paragraphs if p.staff]
    assert intro[0].runs[0].text == "人居署的引言。"
    assert any(p.staff for p in doc.chapters[-1].paragraphs)
    # In English the staff text exists only in Chinese: shown, marked as a fallback.
    en = realise(run.snapshot, "en")
    assert en.chapters[0].paragraphs[1].runs[0].fallback == "zh"


def test_unknown_paragraph_is_refused(seed_run, admin_user):
    with pytest.raises(ValueError, match="no paragraph"):
        save_paragraph_text(
            seed_run.report, "en", "II.E/org:NOBODY", "x", admin_user, seed_run
        )


def test_diff_lists_new_partners_agreements_countries_and_amounts(seed_run):
    contribution = Contribution.objects.get(
        participation__engagement__key="p040-ec-psup-pledge"
    )
    Contribution.objects.filter(pk=contribution.pk).update(amount=Decimal("12000000"))
    Engagement.objects.filter(key="p021-undp-mou-2008").update(status="completed")
    later = create_run(seed_run.report, ANONYMOUS)
    diff = diff_snapshots(seed_run.snapshot, later.snapshot)
    assert diff["changed_amounts"] == [
        {
            "engagement": "p040-ec-psup-pledge",
            "organisation": "EC",
            "currency": "EUR",
            "date": diff["changed_amounts"][0]["date"],
            "before": "10000000.00",
            "after": "12000000.00",
        }
    ]
    assert diff["ended_agreements"] == ["p021-undp-mou-2008"]
    # Two periods: 2017-2018 against a report of 2019-2020 holding only what still runs.
    report = seed_report()
    report.pk = None
    report.key = "next"
    report.period_start = report.period_start.replace(year=2019)
    report.period_end = report.period_end.replace(year=2020)
    report.save()
    Engagement.objects.filter(key="p040-psup-third-cycle").update(
        start_date="2019-03-01", start_precision="day"
    )
    periods = diff_snapshots(seed_run.snapshot, create_run(report, ANONYMOUS).snapshot)
    assert "IOM" in periods["gone_partners"]  # told only for 2017-2018
    assert "ACP" not in periods["gone_partners"]  # the third PSUP cycle runs on


def test_command_writes_a_docx(tmp_path):
    out = tmp_path / "report.docx"
    call_command(
        "report",
        "--from",
        "2017-01-01",
        "--to",
        "2018-12-31",
        "--lang",
        "zh",
        "--format",
        "docx",
        "-o",
        str(out),
        stderr=io.StringIO(),
    )
    assert zipfile.is_zipfile(out)
    run = ReportRun.objects.latest("pk")
    assert run.report.symbol == "HSP/HA/1/2/Add.2" and run.audience == "public"
    again = tmp_path / "again.md"
    call_command(
        "report",
        "--run",
        str(run.pk),
        "--lang",
        "en",
        "--format",
        "md",
        "-o",
        str(again),
        stderr=io.StringIO(),
    )
    assert "HSP/HA/1/2/Add.2" in again.read_text()


def test_command_refuses_bad_input():
    with pytest.raises(CommandError, match="not a date"):
        call_command("report", "--from", "2017-13-01", "--to", "2018-12-31")
    with pytest.raises(CommandError, match="before"):
        call_command("report", "--from", "2018-01-01", "--to", "2017-12-31")
    with pytest.raises(CommandError, match="no organisation"):
        call_command(
            "report", "--from", "2030-01-01", "--to", "2030-12-31", "--reporter", "NOPE"
        )
    with pytest.raises(CommandError, match="no report run"):
        call_command("report", "--run", "999999")


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("report-editor", password="x" * 16)
    Profile.objects.create(user=user, role=Role.EDITOR)
    return user


def test_staff_pages(client, editor, seed_run):
    report = seed_run.report
    assert client.get(f"/reports/{report.key}/").status_code == 302  # to the login
    focal = type(editor).objects.create_user("focal", password="x" * 16)
    Profile.objects.create(
        user=focal,
        role=Role.FOCAL_POINT,
        organisation=Organisation.objects.get(key="ITDP"),
    )
    client.force_login(focal)
    assert client.get(f"/reports/{report.key}/").status_code == 403
    client.force_login(editor)
    assert client.get("/reports/").status_code == 200
    page = client.get(f"/reports/{report.key}/")
    assert page.status_code == 200 and b"HSP/HA/1/2/Add.2" in page.content
    response = client.post(f"/reports/{report.key}/compose/")
    run = ReportRun.objects.latest("pk")
    assert response.status_code == 302 and run.created_by == editor
    preview = client.get(f"/reports/runs/{run.pk}/ar/")
    assert (
        preview.status_code == 200 and "dir=&quot;rtl&quot;" in preview.content.decode()
    )
    docx_response = client.get(f"/reports/runs/{run.pk}/en/docx/")
    assert docx_response["Content-Type"].startswith("application/vnd.openxmlformats")
    edit = client.post(
        f"/reports/runs/{run.pk}/en/edit/II.E/org:UNDP", {"text": "Rewritten by staff."}
    )
    assert edit.status_code == 302
    latest = ReportRun.objects.latest("pk")
    assert "Rewritten by staff." in render(latest.snapshot, "en", "md").decode()
    # The masthead is entered per report and kept.
    form = client.get(f"/reports/{report.key}/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update(
        {
            f"{n}_{lang}": form.fields[f"{n}_{lang}"].initial
            for n in ("body", "title")
            for lang in ("en", "zh")
        }
    )
    data.update(
        {
            "reporter": report.reporter_id,
            "symbol": "HSP/HA/1/2/Add.2",
            "session_place_fr": "Nairobi",
        }
    )
    for name in ("period_start", "period_end", "date", "session_start", "session_end"):
        data[name] = getattr(report, name).isoformat()
    assert client.post(f"/reports/{report.key}/", data).status_code == 302
    report.refresh_from_db()
    assert report.texts["session_place"]["fr"] == "Nairobi"
