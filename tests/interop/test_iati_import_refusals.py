"""`partnerships import-iati` refuses hostile or broken files whole, skips an
invalid activity with its line, and rolls a file back when a row is refused."""

import pytest
from django.core.management import CommandError

from partnerships.cooperation.models import (
    Engagement,
)
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.reader import ReaderError
from partnerships.registry.models import Organisation
from tests.interop.iati_import_helpers import DATA, EXAMPLE, command, counts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("xxe.xml", "DOCTYPE"),
        ("billion-laughs.xml", "DOCTYPE"),
        ("not-well-formed.xml", "not well-formed XML at line"),
        ("wrong-root.xml", "the root is <html>"),
        ("version-1.xml", "version 1.05 is not supported"),
    ],
)
def test_a_hostile_or_broken_file_is_refused_and_changes_nothing(name, words):
    before = counts()
    with pytest.raises(ReaderError) as refused:
        import_file(DATA / name)
    assert name in str(refused.value) and words in str(refused.value)
    with pytest.raises(CommandError, match="1 file"):
        command(DATA / name)
    assert counts() == before
    assert not Engagement.objects.filter(key__startswith="XM-TEST-1").exists()


def test_the_xxe_file_never_reads_the_entity():
    with pytest.raises(ReaderError):
        import_file(DATA / "xxe.xml")
    assert not Organisation.objects.filter(name_en__contains="root:").exists()


def test_a_refused_file_does_not_stop_the_others():
    with pytest.raises(CommandError, match="xxe.xml"):
        command(DATA / "xxe.xml", EXAMPLE)
    assert Engagement.objects.filter(key="AA-AAA-123456789-ABC123").exists()


def test_an_invalid_activity_is_skipped_with_its_line_and_the_valid_one_goes_in():
    summary = import_file(DATA / "mixed.xml")
    assert (summary.read, summary.created) == (3, 1)
    assert Engagement.objects.filter(key="XM-TEST-1-good").exists()
    skipped = {line: reason for line, _, reason in summary.skipped}
    assert set(skipped) == {13, 17}
    assert "XSD" in skipped[13] and "reporting-org" in skipped[13]
    assert "country ZZ" in skipped[17]
    printed = command(DATA / "mixed.xml")
    assert "skipped line 13 (XM-TEST-1-no-reporting-org)" in printed


def _broken_status(monkeypatch):
    from partnerships.interop.iati import chunk

    real = chunk.engagement_values

    def broken(spec):
        return {**real(spec), "status": "not-a-status"}  # what a bug could write

    monkeypatch.setattr(chunk, "engagement_values", broken)


def test_a_row_the_services_refuse_rolls_the_whole_file_back(monkeypatch):
    _broken_status(monkeypatch)
    before = counts()
    with pytest.raises(ReaderError, match="Engagements refused: .* not a valid choice"):
        import_file(EXAMPLE)
    assert counts() == before


def test_a_row_the_database_constraints_refuse_rolls_the_whole_file_back(monkeypatch):
    from partnerships.cooperation import bulk

    _broken_status(monkeypatch)
    monkeypatch.setattr(bulk, "check_rows", lambda *args, **kwargs: None)
    before = counts()
    with pytest.raises(ReaderError, match="the database refused a row"):
        import_file(EXAMPLE)
    assert counts() == before


def test_an_amount_the_registry_cannot_hold_skips_its_activity(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    odd = tmp_path / "odd-amount.xml"
    odd.write_text(text.replace(">1000</value>", ">1000.555</value>"), encoding="utf-8")
    before = counts()
    summary = import_file(odd)
    assert (summary.read, summary.created) == (1, 0)
    ((line, identifier, reason),) = summary.skipped
    assert (line, identifier) == (8, "AA-AAA-123456789-ABC123")
    assert "amount 1000.555" in reason and "2 decimal places" in reason
    after = counts()
    assert {k: v for k, v in after.items() if "Source" not in k} == {
        k: v for k, v in before.items() if "Source" not in k
    }


def test_an_activity_nesting_too_deep_is_skipped_and_a_shallower_one_goes_in(
    tmp_path,
):
    text = (DATA / "mixed.xml").read_text(encoding="utf-8")
    good = text[text.index("  <iati-activity") : text.index("</iati-activity>") + 16]

    def extended(key, depth):
        nested = '<x:e xmlns:x="http://example.org/ext">' * depth + "</x:e>" * depth
        body = good.replace("XM-TEST-1-good", key)
        return body.replace("</iati-activity>", nested + "</iati-activity>")

    path = tmp_path / "deep.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n'
        + extended("XM-TEST-1-deep", 40)
        + "\n"
        + extended("XM-TEST-1-shallow", 31)
        + "\n</iati-activities>\n",
        encoding="utf-8",
    )
    summary = import_file(path)
    assert (summary.read, summary.created) == (2, 1)
    ((line, identifier, reason),) = summary.skipped
    assert (line, identifier) == (3, "XM-TEST-1-deep")
    assert reason == "it nests deeper than 32 elements"
    assert Engagement.objects.filter(key="XM-TEST-1-shallow").exists()
