"""A re-import of an unchanged file skips every activity before reading it
(interop/iati/digest.py), and reads again those whose engagement or whose
organisations changed since, or whose XML changed."""

from pathlib import Path

import pytest
from lxml import etree

from partnerships.cooperation.models import Engagement
from partnerships.cooperation.services import engagement_update
from partnerships.core.actor import system_actor
from partnerships.interop.iati import checks
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.inverse import safe_key

pytestmark = pytest.mark.django_db
REAL = Path(__file__).parent / "data" / "real"
FILE = REAL / "gdihub-activity.xml"  # four activities


def _identifiers(path):
    root = etree.parse(str(path)).getroot()
    return [a.findtext("iati-identifier").strip() for a in root.iter("iati-activity")]


def _reads(monkeypatch):
    """Count the activities the import checks (what a skip never reaches)."""
    seen = []
    original = checks.check

    def counting(element, *args, **kwargs):
        seen.append(element.findtext("iati-identifier"))
        return original(element, *args, **kwargs)

    monkeypatch.setattr(checks, "check", counting)
    return seen


def test_an_unchanged_file_is_skipped_unread(monkeypatch):
    identifiers = _identifiers(FILE)
    first = import_file(FILE)
    assert first.created == len(identifiers) > 1
    seen = _reads(monkeypatch)
    again = import_file(FILE)
    assert (again.read, again.unchanged, again.writes) == (len(identifiers),) * 2 + (0,)
    assert seen == []


def test_an_edited_engagement_or_a_changed_activity_is_read_again(
    monkeypatch, tmp_path
):
    identifiers = _identifiers(FILE)
    import_file(FILE)
    engagement = Engagement.objects.get(key=safe_key(identifiers[0], 120))
    title = engagement.title_en
    engagement_update(
        actor=system_actor("test"),
        engagement=engagement,
        expected_version=engagement.version,
        changes={"title_en": "Edited by hand"},
    )
    seen = _reads(monkeypatch)
    again = import_file(FILE)
    # Only the edited one is read again; the file's title comes back, as before.
    assert seen == [identifiers[0]]
    assert (again.updated, again.unchanged) == (1, len(identifiers) - 1)
    engagement.refresh_from_db()
    assert engagement.title_en == title
    # A changed activity (same place in the file) is read again too.
    changed = tmp_path / FILE.name
    text = FILE.read_text(encoding="utf-8")
    last = identifiers[-1]
    changed.write_text(text.replace(f">{last}<", f">{last}-b<", 1), encoding="utf-8")
    seen.clear()
    # The same file name is the same document: only the changed one is read.
    assert import_file(changed).created == 1
    assert seen == [f"{last}-b"]
