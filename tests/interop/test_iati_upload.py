"""The IATI upload page: who may use it, the background import and its summary."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from partnerships.accounts.models import Profile, Role
from partnerships.cooperation.models import Engagement
from partnerships.interop.models import ImportRun, RunStatus
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
UPLOAD = reverse("interop:iati-upload")


@pytest.fixture(autouse=True)
def var_dir(settings, tmp_path):
    """Uploads go to the storage: here the file system under tmp_path/media."""
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
    return tmp_path


def _user(django_user_model, name, role=None, **profile):
    user = django_user_model.objects.create_user(username=name, password="x" * 16)
    if role:
        Profile.objects.create(user=user, role=role, **profile)
    return user


@pytest.fixture
def post(client, django_capture_on_commit_callbacks):
    """Post, running what the view leaves for after its commit (the task)."""

    def send(data, *, follow=False):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(UPLOAD, data)
        if follow and response.status_code == 302:
            return client.get(response["Location"])
        return response

    return send


def _file(name, content=None):
    data = content if content is not None else (DATA / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="text/xml")


def test_anonymous_users_are_sent_to_the_login(client, post):
    response = client.get(UPLOAD)
    assert response.status_code == 302 and "login" in response["Location"]
    response = post({"files": _file("xxe.xml")})
    assert response.status_code == 302 and not ImportRun.objects.exists()


def test_a_focal_point_is_refused(client, django_user_model, post):
    focal = _user(
        django_user_model,
        "focal",
        Role.FOCAL_POINT,
        organisation=Organisation.objects.get(key="ITDP"),
    )
    client.force_login(focal)
    assert client.get(UPLOAD).status_code == 403
    response = post({"files": _file("mixed.xml")})
    assert response.status_code == 403 and not ImportRun.objects.exists()


def test_an_editor_uploads_the_official_example_and_sees_the_summary(
    client, django_user_model, var_dir, post
):
    editor = _user(django_user_model, "iati-editor", Role.EDITOR)
    client.force_login(editor)
    page = client.get(UPLOAD)
    assert page.status_code == 200 and b"csrfmiddlewaretoken" in page.content
    name = "activity-standard-example-annotated.xml"
    response = post({"files": _file(name)}, follow=True)
    run = ImportRun.objects.get()
    assert response.request["PATH_INFO"] == reverse("interop:iati-run", args=[run.pk])
    assert (run.status, run.read, run.total, run.user) == (
        RunStatus.DONE,
        1,
        1,
        editor,
    )
    assert run.summary["created"] == 1 and run.summary["skipped"] == []
    assert (var_dir / "media" / run.stored).read_bytes() == (DATA / name).read_bytes()
    text = response.content.decode()
    assert "Read 1, created 1, updated 0, unchanged 0, skipped 0;" in text
    assert 'http-equiv="refresh"' not in text  # finished: no more refreshing
    engagement = Engagement.objects.get(key="AA-AAA-123456789-ABC123")
    assert engagement.history.get().history_user == editor
    assert engagement.evidence.get().passage.document.file_name == name


def test_skipped_activities_are_listed_with_line_and_reason(
    client, django_user_model, post
):
    client.force_login(_user(django_user_model, "iati-editor2", Role.EDITOR))
    response = post({"files": _file("mixed.xml")}, follow=True)
    text = response.content.decode()
    assert "skipped 2" in text
    assert "<td>13</td><td>XM-TEST-1-no-reporting-org</td>" in text
    assert "unknown code: country ZZ" in text


def test_an_xxe_file_is_refused_clearly_and_changes_nothing(client, admin_user, post):
    client.force_login(admin_user)
    before = (Engagement.objects.count(), Organisation.objects.count())
    response = post({"files": _file("xxe.xml")}, follow=True)
    run = ImportRun.objects.get()
    assert run.status == RunStatus.REFUSED
    assert "DOCTYPE" in run.message and "XXE" in run.message
    assert "refused for safety" in response.content.decode()
    assert (Engagement.objects.count(), Organisation.objects.count()) == before


def test_a_dry_run_saves_nothing_and_not_xml_is_refused(client, admin_user, post):
    client.force_login(admin_user)
    before = Engagement.objects.count()
    name = "activity-standard-example-annotated.xml"
    post({"files": _file(name), "dry_run": "on"})
    run = ImportRun.objects.get()
    assert run.dry_run and run.summary["created"] == 1
    assert Engagement.objects.count() == before
    response = post({"files": _file("notes.txt", b"hello")})
    assert (
        response.status_code == 400 and "only .xml files" in response.content.decode()
    )
    assert ImportRun.objects.count() == 1


def test_a_running_import_shows_its_progress_and_refreshes(client, admin_user):
    client.force_login(admin_user)
    run = ImportRun.objects.create(
        file_name="big.xml",
        size=10,
        stored="iati-uploads/x/big.xml",
        user=admin_user,
        status=RunStatus.RUNNING,
        total=400,
    )
    from django.core.cache import cache

    from partnerships.interop.tasks import progress_key

    cache.set(progress_key(run), 150)  # as the worker does, in the shared cache
    text = client.get(reverse("interop:iati-run", args=[run.pk])).content.decode()
    assert "150 of 400 read" in text and 'http-equiv="refresh"' in text


def test_uploading_needs_the_csrf_token(admin_user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    response = strict.post(UPLOAD, {"files": _file("mixed.xml")})
    assert response.status_code == 403 and not ImportRun.objects.exists()


def test_the_admin_lists_the_runs_and_links_to_the_upload_page(client, admin_user):
    client.force_login(admin_user)
    ImportRun.objects.create(
        file_name="listed.xml", size=1, stored="iati-uploads/x/listed.xml"
    )
    index = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:interop_importrun_changelist") in index
    page = client.get(reverse("admin:interop_importrun_changelist")).content.decode()
    assert UPLOAD in page and "listed.xml" in page
