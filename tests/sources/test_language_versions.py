"""One symbol, a Chinese and an English version: every path that finds a document
by its symbol finds the version it means (docs/data-model.md, "Finding a
document by its symbol"), and none fails for there being two.

The seed report is read in Chinese (its original language English); the tests
add an English version of the same symbol with the same paragraph numbers, or
make a symbol of their own in both languages.
"""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command
from lxml import etree

from partnerships.accounts.actors import actor_for
from partnerships.accounts.models import Profile, Role
from partnerships.cooperation.models import Engagement
from partnerships.core.actor import ANONYMOUS, system_actor
from partnerships.ingest.services import ingest_text
from partnerships.interop.iati.export import activities_xml
from partnerships.interop.iati.importer import import_file
from partnerships.registry.models import Organisation
from partnerships.reports.compose import compose
from partnerships.reports.demo import seed_report
from partnerships.reports.snapshot import collect
from partnerships.sources.models import Evidence, Passage, SourceDocument
from partnerships.sources.selectors import document_for, passage_for
from partnerships.sources.services import (
    document_publish,
    document_revision_create,
    evidence_add,
    evidence_ensure,
    may_publish,
    passage_upsert,
)
from partnerships.sources.visibility import documents_shown_to
from tests.conftest import SEED_SYMBOL
from tests.interop.iati_import_helpers import EXAMPLE
from tests.interop.test_dump import _empty_registry

pytestmark = pytest.mark.django_db

LOADER = system_actor("tests")
SYMBOL = "TEST/VERSIONS/1"
PLEDGE = "p040-ec-psup-pledge"


def _version(symbol: str, lang: str, original: str, text: str) -> SourceDocument:
    document = document_revision_create(
        actor=LOADER,
        symbol=symbol,
        values={"language": lang, "original_language": original},
    )
    passage_upsert(actor=LOADER, document=document, number=3, values={"text": text})
    return document


def _english_seed() -> SourceDocument:
    """An English version of the seed report: each passage of the Chinese one
    under its number, chapter and section (the text marked as English)."""
    chinese = SourceDocument.objects.get(symbol=SEED_SYMBOL, language="zh")
    english = document_revision_create(
        actor=LOADER,
        symbol=SEED_SYMBOL,
        values={
            "language": "en",
            "original_language": chinese.original_language,
            "period_start": chinese.period_start,
            "period_end": chinese.period_end,
        },
    )
    for p in chinese.passages.all():
        passage_upsert(
            actor=LOADER,
            document=english,
            number=p.number,
            values={
                "chapter": p.chapter,
                "section": p.section,
                "text": f"[en] {p.text}",
            },
        )
    return english


# --- The selector itself ------------------------------------------------------------


def test_the_asked_language_then_the_original_then_any():
    zh = _version(SYMBOL, "zh", "zh", "中文第三段。")
    en = _version(SYMBOL, "en", "zh", "Paragraph three.")
    assert document_for(SYMBOL, "en") == en
    assert document_for(SYMBOL, "zh") == zh
    # Not asked, or asked in a language it has no version in: the original.
    assert document_for(SYMBOL) == zh
    assert document_for(SYMBOL, "fr") == zh
    assert passage_for(SYMBOL, 3, "en").text == "Paragraph three."
    assert passage_for(SYMBOL, 3).text == "中文第三段。"
    assert passage_for(SYMBOL, 4, "en") is None
    assert document_for("TEST/NO-SUCH/1") is None


def test_without_the_original_any_version_in_a_fixed_order():
    ru = _version(SYMBOL, "ru", "fr", "Абзац три.")
    en = _version(SYMBOL, "en", "fr", "Paragraph three.")
    assert document_for(SYMBOL) == en  # "en" before "ru", whatever was made first
    assert document_for(SYMBOL, "ru") == ru


def test_the_latest_revision_of_the_version_the_reader_may_see():
    first = _version(SYMBOL, "en", "en", "Paragraph three.")
    draft = document_revision_create(
        actor=LOADER, symbol=SYMBOL, values={"language": "en"}
    )
    assert (draft.revision, draft.is_published) == (2, False)
    assert document_for(SYMBOL, "en") == draft
    shown = documents_shown_to(ANONYMOUS)
    assert document_for(SYMBOL, "en", within=shown) == first
    document_publish(actor=LOADER, document=draft)
    assert document_for(SYMBOL, "en", within=shown) == draft


# --- Write paths of sources --------------------------------------------------------


def test_evidence_added_by_symbol_cites_the_original_language_version():
    _version(SYMBOL, "en", "zh", "Paragraph three.")  # made first on purpose
    zh = _version(SYMBOL, "zh", "zh", "中文第三段。")
    engagement = Engagement.objects.filter(is_published=True).order_by("pk").first()
    evidence = evidence_add(
        actor=LOADER,
        engagement=engagement,
        expected_version=engagement.version,
        symbol=SYMBOL,
        number=3,
    )
    assert evidence.passage.document == zh


# --- Report composition ------------------------------------------------------------


def test_the_report_composes_the_same_with_an_english_version_of_its_source():
    def placed():
        paragraphs = compose(collect(seed_report(), ANONYMOUS)).paragraphs()
        return sorted(
            (key, p.anchor)
            for p in paragraphs
            if p.type == "data"
            for key in p.engagements
        )

    before = placed()
    _english_seed()
    assert SourceDocument.objects.filter(symbol=SEED_SYMBOL).count() == 2
    assert placed() == before


# --- IATI export and import --------------------------------------------------------


def test_iati_export_counts_a_symbol_once_whatever_its_versions_cite():
    english = _english_seed()
    pledge = Engagement.objects.get(key=PLEDGE)
    cited = Evidence.objects.filter(engagement=pledge, passage__document__language="zh")
    for e in cited:
        evidence_ensure(
            actor=LOADER,
            passage=english.passages.get(number=e.passage.number),
            engagement=pledge,
        )
    data = activities_xml(
        engagements=Engagement.objects.filter(key=PLEDGE),
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2019, 3, 6, tzinfo=dt.UTC),
        date_undated_from_source=True,
    )
    notes = [
        d.findtext("narrative") for d in etree.fromstring(data).iter("activity-date")
    ]
    assert notes and all(f"source document {SEED_SYMBOL} (" in n for n in notes)


def test_iati_import_writes_its_own_language_version_of_the_file_symbol():
    symbol = f"IATI:{EXAMPLE.name}"
    other = _version(symbol, "zh", "zh", "中文第三段。")
    import_file(EXAMPLE)
    other.refresh_from_db()
    assert (other.language, other.is_current) == ("zh", True)
    assert list(other.passages.values_list("text", flat=True)) == ["中文第三段。"]
    imported = SourceDocument.objects.get(symbol=symbol, language="en")
    assert Passage.objects.filter(document=imported, number=1).exists()
    assert Evidence.objects.filter(passage__document=imported).exists()
    assert not Evidence.objects.filter(passage__document=other).exists()
    # Importing it again finds the same version and writes nothing.
    assert import_file(EXAMPLE).writes == 0


# --- Ingest ------------------------------------------------------------------------

ZH = f"""{SYMBOL}

## 一、 导言

1. 海港理事会与沿海城镇开展了合作。
"""
ZH_2 = ZH.replace("沿海城镇", "沿海各城镇")
EN = f"""{SYMBOL}
I. Introduction
1. The Harbour Council worked with the towns of the coast.
"""


def test_reading_the_same_english_text_again_reuses_its_english_revision():
    ingest_text(text=ZH, lang="zh", file_name="zh.txt")
    second = ingest_text(text=ZH_2, lang="zh", file_name="zh.txt").document
    assert (second.language, second.revision) == ("zh", 2)
    english = ingest_text(text=EN, lang="en", file_name="en.txt").document
    assert (english.language, english.revision) == ("en", 1)
    again = ingest_text(text=EN, lang="en", file_name="en.txt").document
    assert again == english
    assert SourceDocument.objects.filter(symbol=SYMBOL, language="en").count() == 1


# --- Dump and load -----------------------------------------------------------------


def test_a_dump_cites_each_language_version_and_loads_back(tmp_path):
    english = _english_seed()
    pledge = Engagement.objects.get(key=PLEDGE)
    number = pledge.evidence.first().passage.number
    evidence_ensure(
        actor=LOADER, passage=english.passages.get(number=number), engagement=pledge
    )
    out = io.StringIO()
    call_command("dump", format="json", stdout=out)
    dumped = json.loads(out.getvalue())
    (record,) = [e for e in dumped["engagements"] if e["id"] == PLEDGE]
    languages = sorted(c.get("language", "") for c in record["evidence"])
    assert languages.count("") == 1 and "zh" in languages  # en is the original

    before = sorted(
        (e.passage.document.language, e.passage.number)
        for e in Evidence.objects.filter(engagement=pledge)
    )
    path = tmp_path / "dump.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    _empty_registry()
    assert not Evidence.objects.exists()
    call_command("load", str(path), stdout=io.StringIO())
    after = sorted(
        (e.passage.document.language, e.passage.number)
        for e in Evidence.objects.filter(engagement__key=PLEDGE)
    )
    assert after == before


# --- Who publishes a new language version -------------------------------------------


def test_an_editors_language_version_of_someone_elses_document_waits(
    django_user_model,
):
    user = django_user_model.objects.create_user(username="ed", password="x" * 16)
    Profile.objects.create(user=user, role=Role.EDITOR, categories=["ngo"])
    editor = actor_for(user)
    english = document_revision_create(
        actor=editor, symbol=SEED_SYMBOL, values={"language": "en"}
    )
    assert (english.language, english.is_published) == ("en", False)
    assert not may_publish(editor, english)
    assert may_publish(LOADER, english)
    # The editor's own new document, in any language, the editor publishes.
    own = document_revision_create(
        actor=editor, symbol=SYMBOL, values={"language": "zh"}
    )
    assert may_publish(editor, own)
    other = document_revision_create(
        actor=editor, symbol=SYMBOL, values={"language": "en"}
    )
    assert may_publish(editor, other)
