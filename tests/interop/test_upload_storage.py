"""IATI uploads go through Django's storage (issue 16, item 6): kept in the file
system under MEDIA_ROOT, or in an S3-compatible bucket (django-storages) that a
worker on another machine reads. The S3 test runs moto's server in a thread, a
local S3-compatible endpoint, and talks to it over HTTP with boto3 as
django-storages does in production."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.cooperation.models import Engagement
from partnerships.interop.models import ImportRun, RunStatus

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
NAME = "activity-standard-example-annotated.xml"
KEY = "AA-AAA-123456789-ABC123"
BUCKET = "partnerships-uploads"


def _upload(client, admin_user, django_capture_on_commit_callbacks) -> ImportRun:
    client.force_login(admin_user)
    upload = SimpleUploadedFile(NAME, (DATA / NAME).read_bytes(), "text/xml")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("interop:iati-upload"), {"files": upload})
    assert response.status_code == 302
    return ImportRun.objects.get()


def test_an_upload_is_kept_in_the_file_system_storage(
    client, admin_user, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path / "var"
    run = _upload(client, admin_user, django_capture_on_commit_callbacks)
    assert run.status == RunStatus.DONE and run.total == 1
    kept = tmp_path / "media" / run.stored
    assert kept.read_bytes() == (DATA / NAME).read_bytes()
    assert not (tmp_path / "var").exists()  # nothing beside the storage
    assert Engagement.objects.filter(key=KEY).exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def s3(settings, tmp_path, monkeypatch):
    """A bucket in moto's S3 server, and the default storage pointed at it."""
    boto3 = pytest.importorskip("boto3")
    server_module = pytest.importorskip("moto.server")
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    server = server_module.ThreadedMotoServer(
        ip_address="127.0.0.1", port=_free_port(), verbose=False
    )
    server.start()
    endpoint = f"http://127.0.0.1:{server._port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    client.create_bucket(Bucket=BUCKET)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": BUCKET,
                "endpoint_url": endpoint,
                "default_acl": None,
                "querystring_auth": True,
            },
        },
    }
    yield client
    server.stop()


def test_an_upload_is_kept_in_an_s3_bucket_and_imported_from_it(
    client, admin_user, s3, tmp_path, django_capture_on_commit_callbacks
):
    run = _upload(client, admin_user, django_capture_on_commit_callbacks)
    body = s3.get_object(Bucket=BUCKET, Key=run.stored)["Body"].read()
    assert body == (DATA / NAME).read_bytes()
    assert default_storage.exists(run.stored)
    assert run.status == RunStatus.DONE and run.summary["created"] == 1
    engagement = Engagement.objects.get(key=KEY)
    # The import cites the file under its own name, not the temporary copy's.
    assert engagement.evidence.get().passage.document.file_name == NAME
    assert not (tmp_path / "media").exists()
