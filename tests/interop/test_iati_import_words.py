"""The IATI import's skip reasons, warnings and refusals in the reader's
language (the interop app's six catalogues); the upload's task imports in the
uploader's language."""

from pathlib import Path

import pytest
from django.utils import translation

from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.reader import ReaderError
from tests.interop.iati_import_helpers import EXAMPLE

pytestmark = pytest.mark.django_db
REAL = Path(__file__).parent / "data" / "real"
COUNTRY = '<recipient-country code="AF" percentage="25" />'


def _unknown_country(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    assert COUNTRY in text
    path = tmp_path / EXAMPLE.name
    path.write_text(text.replace(COUNTRY, COUNTRY.replace("AF", "ZZ")), "utf-8")
    return path


@pytest.mark.parametrize(
    ("language", "reason"),
    [
        ("en", "unknown code: country ZZ"),
        ("fr", "code inconnu : country ZZ"),
        ("ar", "رمز غير معروف: country ZZ"),
        ("zh-hans", "未知代码：country ZZ"),
    ],
)
def test_a_skip_reason_is_in_the_readers_language(tmp_path, language, reason):
    with translation.override(language):
        summary = import_file(_unknown_country(tmp_path))
    ((line, identifier, said),) = summary.skipped
    assert (identifier, said) == ("AA-AAA-123456789-ABC123", reason)


def test_warnings_and_refusals_are_in_the_readers_language(tmp_path):
    with translation.override("es"):
        summary = import_file(REAL / "ec-intpa-activity.xml")
    assert summary.warnings[0] == (
        "ec-intpa-activity.xml: la raíz no tiene @version; se lee como 2.03 y "
        "cada actividad se comprueba con el esquema 2.03."
    )
    broken = tmp_path / "broken.xml"
    broken.write_text('<iati-activities version="2.03"><iati-activity>', "utf-8")
    with translation.override("ru"), pytest.raises(ReaderError) as refused:
        import_file(broken)
    assert str(refused.value).startswith("broken.xml: некорректный XML в строке")


def test_the_uploads_task_imports_in_the_uploaders_language(tmp_path, settings):
    from partnerships.interop import tasks
    from partnerships.interop.models import ImportRun

    settings.MEDIA_ROOT = str(tmp_path)
    (tmp_path / "iati-uploads").mkdir()
    path = _unknown_country(tmp_path / "iati-uploads")
    run = ImportRun.objects.create(
        file_name=path.name,
        size=path.stat().st_size,
        stored=f"iati-uploads/{path.name}",
    )
    tasks.import_iati_run.call(run.pk, language="fr")
    run.refresh_from_db()
    assert [skip["reason"] for skip in run.summary["skipped"]] == [
        "code inconnu : country ZZ"
    ]
