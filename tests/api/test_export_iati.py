"""IATI over HTTP: `/api/engagements/export/?fmt=iati` streams the registered IATI
exporter through the API's permissions and filters. The file passes the official
XSD and holds only the engagements the reader may see; what cannot be exported
is refused with 422 and a sentence."""

from __future__ import annotations

import datetime as dt

import pytest
from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.interop.iati import validate

pytestmark = pytest.mark.django_db
URL = "/api/engagements/export/"
MATRIX = ("published", "unpublished", "confidential", "confidential-asia")


@pytest.fixture
def dated(records):
    """The matrix's engagements, each with a date, so each could be an activity."""
    Engagement.objects.filter(key__startswith="matrix-").update(
        start_date=dt.date(2018, 3, 1), start_precision="day"
    )
    return records


def _read(response) -> tuple[set[str], bytes]:
    """The matrix keys of the file's activities, and the file."""
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("application/xml")
    data = b"".join(response.streaming_content)
    assert validate.validate_activities(data) == []
    identifiers = etree.fromstring(data).xpath("//iati-activity/iati-identifier/text()")
    return {i.rsplit("-matrix-", 1)[1] for i in identifiers if "-matrix-" in i}, data


@pytest.mark.parametrize(
    ("reader", "seen"),
    [
        # as docs/permissions.md has it (tests/api/test_permission_matrix.py)
        ("anonymous", {"published"}),
        ("focal-point", set(MATRIX)),  # its organisation takes part in each
        ("editor-africa", {"published", "unpublished", "confidential"}),
        ("editor-private", {"published"}),
        ("administrator", set(MATRIX)),
    ],
)
def test_the_iati_file_is_valid_and_holds_only_what_the_reader_may_see(
    dated, client_for, reader, seen
):
    response = client_for(reader).get(URL, {"fmt": "iati", "q": "zebrafinch"})
    keys, data = _read(response)
    assert keys == seen
    # The unpublished partner of the published engagement, named only to staff
    # in charge of it.
    named = b"Matrix hidden organisation" in data
    assert named == (reader in {"editor-africa", "administrator"})


def test_the_iati_file_follows_the_filters(dated, client_for):
    response = client_for("administrator").get(
        URL, {"fmt": "iati", "q": "zebrafinch", "country": "KH"}
    )
    assert _read(response)[0] == {"confidential-asia"}


def test_a_selection_the_reader_may_not_see_is_refused_with_a_sentence(
    dated, client_for
):
    response = client_for("anonymous").get(
        URL, {"fmt": "iati", "q": "zebrafinch", "country": "KH"}
    )
    assert response.status_code == 422
    assert "nothing to export" in response.content.decode()


def test_engagements_iati_cannot_hold_are_refused_before_the_first_byte(
    records, client_for
):
    # The matrix has no dates: IATI requires one, so no activity can be written.
    response = client_for("administrator").get(URL, {"fmt": "iati", "q": "zebrafinch"})
    assert response.status_code == 422
    assert not response.streaming
    assert "No engagement can be exported" in response.content.decode()


def test_a_read_token_is_enough_and_an_unknown_format_is_named(client_for):
    response = client_for("anonymous").get(URL, {"fmt": "pdf"})
    assert response.status_code == 400
    assert "iati" in response.content.decode()
