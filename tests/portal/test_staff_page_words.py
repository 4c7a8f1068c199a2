"""The words of the staff pages of reports, reading reports and IATI import, and
of the partners' sign-in, come out in the reader's language: for each page a few
of its English sentences are gone in French and Arabic, and their translations,
as the app's own catalogue gives them (read here with babel), are on the page."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).parents[2] / "partnerships"
LANGS = {"fr": "fr", "ar": "ar"}
SHORT_REPORT = (
    "1. UN-Habitat and the Institute for Transportation and Development Policy "
    "signed a memorandum of understanding in Nairobi in 2019.\n\n"
    "2. The programme trained planners in Kenya.\n"
)


def _translation(app: str, lang: str, msgid: str) -> str:
    path = ROOT / app / "locale" / LANGS[lang] / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return read_po(handle)[msgid].string


@pytest.fixture
def pages(cast):
    """Each page's address, its app and a few of its sentences (msgids)."""
    from partnerships.core.actor import ANONYMOUS
    from partnerships.ingest.models import IngestJob, JobStatus
    from partnerships.ingest.services import ingest_text
    from partnerships.interop.models import ImportRun, NameMatch, RunStatus
    from partnerships.registry.models import Organisation
    from partnerships.reports.demo import seed_report
    from partnerships.reports.services import create_run

    run = create_run(seed_report(), ANONYMOUS)
    read = ingest_text(text=SHORT_REPORT, lang="en", file_name="short.en.txt")
    job = IngestJob.objects.create(
        file_name="short.en.txt",
        stored="x",
        size=200,
        language="en",
        status=JobStatus.DONE,
        done=2,
        total=2,
        run=read,
        finished_at=timezone.now(),
    )
    iati = ImportRun.objects.create(
        file_name="activities.xml", size=100, stored="y", status=RunStatus.FAILED
    )
    NameMatch.objects.create(
        name="I.T.D.P. Africa",
        organisation=Organisation.objects.get(key="ITDP"),
        how="spelling",
        score=0.9,
        file_name="activities.xml",
    )
    return [
        (f"/reports/runs/{run.pk}/en/", "reports", ["Rewrite a paragraph"]),
        (
            f"/reports/runs/{run.pk}/en/edit/VIII.H/figures",
            "reports",
            ["Save and compose again", "The data under this paragraph"],
        ),
        (f"/reports/{run.report.key}/", "reports", ["Period start", "Agenda item"]),
        (
            f"/reports/runs/{run.pk}/missing/",
            "reports",
            [
                "Per language, the names and titles this run shows in another "
                "language (marked in the report), the most frequent first. Export "
                "them for translation with the command below, or correct names "
                "with a terminology import."
            ],
        ),
        (f"/ingest/jobs/{job.pk}/", "ingest", ["Progress", "Read more reports"]),
        (f"/ingest/runs/{read.pk}/", "ingest", ["confidence", "leave out"]),
        (
            f"/interop/iati/runs/{iati.pk}/",
            "interop",
            ["Progress", "Import more files"],
        ),
        (
            "/interop/iati/matches/",
            "interop",
            ["Name in the file", "Made by the import", "The same organisation"],
        ),
        (
            "/accounts/login/",
            "accounts",
            [
                "For partners' focal points and other registered readers. Staff "
                "sign in to the back office.",
                "Forgotten your password?",
            ],
        ),
    ]


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_the_staff_pages_words_are_in_the_readers_language(cast, pages, lang):
    staff = Client()
    staff.force_login(cast["administrator"])
    for url, app, msgids in pages:
        client = Client() if app == "accounts" else staff
        client.cookies["django_language"] = lang
        response = client.get(url)
        assert response.status_code == 200, url
        page = html.unescape(response.content.decode())
        for msgid in msgids:
            translation = _translation(app, lang, msgid)
            assert translation and translation != msgid, (url, msgid)
            assert translation in page, (url, lang, translation)
            assert msgid not in page, (url, lang, msgid)
