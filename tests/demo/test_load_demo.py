"""`partnerships load-demo` is idempotent and all-or-nothing."""

import io
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from partnerships.cooperation.models import Engagement, Participation
from partnerships.registry.models import Organisation
from partnerships.sources.models import Evidence

pytestmark = pytest.mark.django_db
DATASET = Path(settings.DATA_DIR) / "sources" / "HSP-HA-1-2-Add.2"


def _state():
    return {
        "organisations": Organisation.objects.count(),
        "engagements": Engagement.objects.count(),
        "participations": Participation.objects.count(),
        "evidence": Evidence.objects.count(),
        "history": Organisation.history.count()
        + Engagement.history.count()
        + Participation.history.count(),
    }


def test_loading_twice_changes_nothing():
    before = _state()
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert _state() == before
    assert "0 rows written" in out.getvalue()


def test_loading_records_who_wrote_in_the_history():
    record = Organisation.history.filter(key="UNDP").order_by("history_date").first()
    assert record.history_type == "+"
    assert record.history_change_reason == "load-demo"


def _broken_copy(tmp_path, file_name, old, new):
    copy = tmp_path / "dataset"
    shutil.copytree(DATASET, copy)
    path = copy / file_name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def test_a_quote_not_in_its_paragraph_stops_the_load_and_writes_nothing(tmp_path):
    copy = _broken_copy(
        tmp_path,
        "engagements/shared.yaml",
        "quote: (d) 组织世界城市论坛",
        "quote: 组织了奥运会",
    )
    Engagement.objects.filter(key="p002-wuf9").update(title_en="changed by a user")
    before = _state()
    with pytest.raises(
        CommandError, match=r"quote '组织了奥运会' is not in paragraph 2"
    ):
        call_command("load_demo", dataset=copy, stdout=io.StringIO())
    assert _state() == before
    assert Engagement.objects.get(key="p002-wuf9").title_en == "changed by a user"


def test_an_unknown_organisation_and_role_are_both_reported(tmp_path):
    copy = _broken_copy(
        tmp_path,
        "engagements/shared.yaml",
        "- {org: UN-Habitat, role: organiser}",
        "- {org: NOBODY, role: sponsor}",
    )
    with pytest.raises(CommandError) as caught:
        call_command("load_demo", dataset=copy, stdout=io.StringIO())
    message = str(caught.value)
    assert "engagements/shared.yaml entry 1 (engagement p002-wuf9)" in message
    assert "organisation 'NOBODY' is not defined" in message
    assert "role of NOBODY 'sponsor' is not one of" in message


def test_malformed_yaml_is_reported_with_its_file(tmp_path):
    copy = tmp_path / "dataset"
    shutil.copytree(DATASET, copy)
    (copy / "organisations.yaml").write_text("- key: [unclosed\n", encoding="utf-8")
    with pytest.raises(CommandError, match=r"organisations.yaml: cannot be read"):
        call_command("load_demo", dataset=copy, stdout=io.StringIO())


def test_an_unquoted_comma_that_splits_a_title_is_reported(tmp_path):
    copy = _broken_copy(
        tmp_path,
        "engagements/shared.yaml",
        "en: Ninth session of the World Urban Forum}",
        "en: Ninth session, World Urban Forum}",
    )
    with pytest.raises(CommandError, match=r"title has 'World Urban Forum': 'None'"):
        call_command("load_demo", dataset=copy, stdout=io.StringIO())
