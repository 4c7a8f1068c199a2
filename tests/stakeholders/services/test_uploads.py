"""Uploads are checked for kind, content and size, and pass the virus-scan hook."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from partnerships.stakeholders.services.uploads import check_upload
from tests.stakeholders.conftest import PDF


def test_it_accepts_a_pdf_and_reports_no_scan_without_a_scanner():
    assert check_upload("statutes.pdf", PDF) == ""


def test_it_refuses_an_executable_by_its_extension():
    with pytest.raises(ValidationError, match="send a PDF"):
        check_upload("setup.exe", b"MZ\x90\x00")


def test_it_refuses_an_executable_renamed_to_pdf():
    with pytest.raises(ValidationError, match="not the kind of file"):
        check_upload("statutes.pdf", b"MZ\x90\x00 renamed program")


def test_it_refuses_a_file_over_the_size_limit(settings):
    settings.STAKEHOLDER_UPLOAD_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match="larger than"):
        check_upload("report.pdf", PDF + b"x" * 2000)


def flag_everything(data: bytes, name: str) -> str:
    return "Test-Signature found"


def test_the_virus_scan_hook_refuses_what_it_flags(settings):
    settings.STAKEHOLDER_VIRUS_SCAN = (
        "tests.stakeholders.services.test_uploads.flag_everything"
    )
    with pytest.raises(ValidationError, match="virus scan") as refused:
        check_upload("statutes.pdf", PDF)
    assert "Test-Signature" not in str(refused.value)


def pass_everything(data: bytes, name: str) -> None:
    return None


def test_a_clean_file_is_marked_as_scanned(settings):
    settings.STAKEHOLDER_VIRUS_SCAN = (
        "tests.stakeholders.services.test_uploads.pass_everything"
    )
    assert check_upload("statutes.pdf", PDF) == "clean"


def scanner_down(data: bytes, name: str) -> None:
    raise ConnectionRefusedError("clamd is not running")


def test_a_failing_scanner_refuses_the_file_with_a_clear_message(settings):
    settings.STAKEHOLDER_VIRUS_SCAN = (
        "tests.stakeholders.services.test_uploads.scanner_down"
    )
    with pytest.raises(ValidationError, match="could not be scanned") as refused:
        check_upload("statutes.pdf", PDF)
    assert "statutes.pdf" in str(refused.value)
    assert "clamd" not in str(refused.value)


def test_every_setting_of_the_app_is_documented():
    from pathlib import Path

    from django.conf import settings as django_settings

    root = Path(__file__).parents[3]
    documented = (root / "docs" / "configuration.md").read_text(encoding="utf-8")
    names = sorted({n for n in dir(django_settings) if n.startswith("STAKEHOLDER_")})
    assert len(names) == 3
    assert [n for n in names if f"`{n}`" not in documented] == []
