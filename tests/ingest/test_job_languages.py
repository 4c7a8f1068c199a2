"""A reading runs in the background, where no reader's language is active: it
writes its stages and its refusal in the language of the page it was started
from (the job keeps it), not in the worker's (docs/i18n.md, "Error messages")."""

from __future__ import annotations

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from partnerships.ingest import tasks
from partnerships.ingest.models import IngestJob, JobStatus

pytestmark = pytest.mark.django_db


def _upload_as(client, upload_post, editor, lang: str, name: str, data: bytes):
    client.force_login(editor)
    client.cookies["django_language"] = lang
    upload = SimpleUploadedFile(name, data)
    response = upload_post({"file": upload, "lang": "en", "symbol": "TEST/LANG/1"})
    assert response.status_code == 302
    return IngestJob.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("fr", "Document Word : fichier non valide"),
        ("ar", "مستند Word: ملف غير صالح"),
        ("zh-hans", "Word 文档：文件无效"),
    ],
)
def test_a_refusal_is_written_in_the_uploaders_language(
    client, editor, upload_post, lang, said
):
    job = _upload_as(client, upload_post, editor, lang, "report.docx", b"not a zip")
    assert job.status == JobStatus.REFUSED and job.reader_language == lang
    assert "report.docx" in job.message and said in job.message
    assert "Nothing was written" not in job.message
    page = client.get(f"/ingest/jobs/{job.pk}/").content.decode()
    assert said in page


def test_the_worker_writes_in_the_jobs_language_not_its_own(
    client, editor, upload_post
):
    """A worker's language is the settings' default; the job's is the reader's."""
    job = _upload_as(client, upload_post, editor, "ru", "report.docx", b"not a zip")
    # Queue it again, as a resume would, and run it from an English context.
    name = default_storage.save("ingest/again.docx", SimpleUploadedFile("x", b"nope"))
    IngestJob.objects.filter(pk=job.pk).update(
        status=JobStatus.QUEUED, message="", stored=name, attempt=2
    )
    with translation.override("en"):
        tasks.read_upload.call(job.pk, 2)
    job.refresh_from_db()
    assert job.status == JobStatus.REFUSED
    assert "Документ Word: недопустимый файл" in job.message
    assert "Ничего не записано" in job.message


def test_the_stage_is_shown_in_the_readers_language(
    client, editor, upload_post, monkeypatch
):
    seen = []
    real = tasks.Beat.stage

    def keep(self, stage, **values):
        seen.append(stage)
        real(self, stage, **values)

    monkeypatch.setattr(tasks.Beat, "stage", keep)
    _upload_as(client, upload_post, editor, "es", "report.en.txt", b"1. Text.\n")
    assert seen[0] == "leyendo el archivo"
