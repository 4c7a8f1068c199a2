"""What the stakeholder tests share: uploads kept in a temporary directory, an
open session, and documents of each kind an application needs."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from partnerships.stakeholders.models import REQUIRED_DOCUMENTS
from partnerships.stakeholders.services.sessions import session_upsert
from tests.factories import TESTER

PDF = b"%PDF-1.7\n% a test document\n"


@pytest.fixture(autouse=True)
def upload_dir(settings, tmp_path):
    settings.STAKEHOLDER_UPLOAD_DIR = tmp_path / "uploads"
    return settings.STAKEHOLDER_UPLOAD_DIR


@pytest.fixture(autouse=True)
def default_language():
    """A page requested in another language leaves that language active in the
    thread (LocaleMiddleware does not reset it): go back to the default after
    each test, so that later tests read English messages."""
    yield
    translation.deactivate()


@pytest.fixture
def session(db):
    return session_upsert(
        actor=TESTER,
        key="ha-9",
        values={"title": "Assembly, ninth session", "body": "UN-Habitat Assembly"},
    )[0]


def pdf(name: str = "statutes.pdf", data: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def application_form(**overrides: object) -> dict[str, object]:
    """The fields of the public form, as a browser sends them."""
    data: dict[str, object] = {
        "name": "Slum Dwellers Network of Nairobi",
        "acronym": "SDNN",
        "country": "KE",
        "website": "https://sdnn.example.org",
        "category": "ngo",
        "group": "grassroots",
        "description": "Community savings and upgrading of informal settlements.",
        "contact_name": "Wanjiru Kamau",
        "contact_email": "wanjiru@sdnn.example.org",
        "contact_phone": "+254 700 000000",
    }
    for kind in REQUIRED_DOCUMENTS:
        data[f"doc_{kind}"] = pdf(f"{kind}.pdf")
    data.update(overrides)
    return data
