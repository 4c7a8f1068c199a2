"""An import never takes over a record its actor may not change (issue 16, item 1).

Written as the attack: an editor for Africa uploads an IATI file holding an
activity imported earlier as an engagement in Nepal, outside its charge, or as
a deleted engagement. Nothing of the file may be written. (A hand-made
engagement whose key equals the identifier is not that activity at all:
test_iati_identity.py.)
"""

import pytest
from django.utils import timezone

from partnerships.accounts.models import Profile
from partnerships.cooperation.models import Engagement, Place, PublishedActivity
from partnerships.core.actor import Role
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.reader import ReaderError
from partnerships.sources.models import SourceDocument
from tests.interop.iati_import_helpers import EXAMPLE, engagement_state

pytestmark = pytest.mark.django_db

KEY = "AA-AAA-123456789-ABC123"  # the example's iati-identifier


def _editor(django_user_model, name, regions):
    user = django_user_model.objects.create_user(username=name, password="x" * 16)
    profile = Profile.objects.create(user=user, role=Role.EDITOR)
    profile.regions.set(regions)
    return user


def _target(country, **flags):
    engagement = Engagement.objects.create(
        key=KEY, kind="project", title_en="Kept as it was", **flags
    )
    engagement.themes.set(["housing"])
    Place.objects.create(engagement=engagement, country_id=country)
    # Imported from this activity earlier: the identifier is kept with it.
    PublishedActivity.objects.create(engagement=engagement, identifier=KEY)
    return engagement


def _state(engagement):
    documents = SourceDocument.objects.filter(symbol=f"IATI:{EXAMPLE.name}")
    return (*engagement_state(engagement), documents.count())


def test_an_editor_cannot_overwrite_an_engagement_outside_its_charge(
    django_user_model,
):
    target = _target("NP")
    before = _state(target)
    editor = _editor(django_user_model, "editor-africa", ["002"])
    with pytest.raises(ReaderError, match=f"not yours to change: {KEY}"):
        import_file(EXAMPLE, user=editor)
    assert _state(target) == before


def test_nobody_overwrites_a_deleted_engagement_not_even_the_console():
    target = _target("KE", deleted_at=timezone.now())
    before = _state(target)
    with pytest.raises(ReaderError, match=f"deleted: {KEY}"):
        import_file(EXAMPLE)
    assert _state(target) == before


def test_an_editor_in_charge_updates_the_engagement(django_user_model):
    target = _target("KE")
    editor = _editor(django_user_model, "editor-africa", ["002"])
    summary = import_file(EXAMPLE, user=editor)
    assert (summary.created, summary.updated) == (0, 1)
    target.refresh_from_db()
    assert (target.title_en, target.version) == ("Activity title", 2)
    latest = target.history.first()
    assert (latest.history_type, latest.history_user) == ("~", editor)


def test_a_user_without_a_staff_role_writes_nothing(django_user_model):
    reader = django_user_model.objects.create_user(username="reader", password="x")
    with pytest.raises(ReaderError, match="Only editors and administrators"):
        import_file(EXAMPLE, user=reader)
    assert not Engagement.objects.filter(key=KEY).exists()


def test_an_editor_updates_what_its_own_file_created_earlier(
    django_user_model, tmp_path
):
    """The same activity twice: the second updates the engagement the first made,
    though the editor's charge (Africa) does not cover its places."""
    text = EXAMPLE.read_text(encoding="utf-8")
    start = text.index("<iati-activity ")
    end = text.index("</iati-activity>") + len("</iati-activity>")
    again = text[start:end].replace("Activity title", "Activity title, again")
    path = tmp_path / "twice.xml"
    path.write_text(text[:end] + "\n" + again + text[end:], encoding="utf-8")
    editor = _editor(django_user_model, "editor-africa", ["002"])
    summary = import_file(path, user=editor)
    assert (summary.read, summary.created, summary.updated) == (2, 1, 1)
    engagement = Engagement.objects.get(key=KEY)
    assert (engagement.title_en, engagement.version) == ("Activity title, again", 2)
