"""Composition of the seed period: structure, placement, numbering, languages."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import ANONYMOUS, Actor
from partnerships.reports.compose import compose, place
from partnerships.reports.demo import seed_report
from partnerships.reports.formatting import Formatter, chinese_numeral, numeral_value
from partnerships.reports.realise import realise
from partnerships.reports.render import render
from partnerships.reports.snapshot import collect

pytestmark = pytest.mark.django_db

SEED_CHAPTERS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
SEED_SECTIONS = {
    "II": ["A", "B", "C", "D", "E"],
    "VIII": ["A", "B", "C", "D", "E", "F", "G", "H"],
}


def _seed_section(snapshot, row):
    by_position = {
        (s["chapter"], s["letter"]): s["code"] for s in snapshot["outline"]["sections"]
    }
    return {
        by_position[(numeral_value(ev["chapter"]), ev["section"] or "")]
        for ev in row["evidence"]
    }


def test_every_seed_engagement_of_2017_2018_is_in_the_report(stored_snapshot):
    keys = {row["key"] for row in stored_snapshot["engagements"]}
    seed = set(
        Engagement.objects.filter(
            evidence__passage__document__symbol="HSP/HA/1/2/Add.2"
        )
        .values_list("key", flat=True)
        .distinct()
    )
    assert len(seed) == 191
    assert seed <= keys


def test_each_engagement_appears_in_exactly_one_paragraph(stored_snapshot):
    composition = compose(stored_snapshot)
    paragraphs = composition.paragraphs()
    told = Counter(k for p in paragraphs if p.type == "data" for k in p.engagements)
    assert set(told) == {row["key"] for row in stored_snapshot["engagements"]}
    assert max(told.values()) == 1
    # A figures paragraph cites the engagements its records stand for, which a
    # data paragraph tells.
    cited = {k for p in paragraphs if p.type == "figures" for k in p.engagements}
    assert cited and cited <= set(told)


def test_chapters_and_sections_follow_the_seed(stored_snapshot):
    doc = realise(stored_snapshot, "en")
    assert [c.label.rstrip(".") for c in doc.chapters] == SEED_CHAPTERS
    for chapter in doc.chapters:
        letters = [s.label.rstrip(".") for s in chapter.sections]
        assert letters == SEED_SECTIONS.get(chapter.label.rstrip("."), [])
    zh = realise(stored_snapshot, "zh")
    assert [c.label for c in zh.chapters] == [
        f"{chinese_numeral(n)}、" for n in range(1, 11)
    ]
    assert zh.chapters[7].title[0].text == "与民间社会的合作"


def test_paragraphs_are_numbered_continuously(stored_snapshot):
    doc = realise(stored_snapshot, "fr")
    numbers = [p.number for p in doc.paragraphs()]
    assert numbers == list(range(1, len(numbers) + 1))
    html = render(stored_snapshot, "fr", "html").decode()
    shown = [int(n) for n in re.findall(r'<span class="num">(\d+)\.</span>', html)]
    assert shown == numbers


def test_every_seed_engagement_lands_where_the_seed_reports_it(stored_snapshot):
    composition = compose(stored_snapshot)
    for row in stored_snapshot["engagements"]:
        assert composition.placements[row["key"]].section in _seed_section(
            stored_snapshot, row
        ), row["key"]


def test_the_category_rules_alone_place_most_of_the_seed(stored_snapshot):
    """Without the earlier report's placement, the staff-editable rules decide.

    Measured: 111 of 191 (58 %); the rest the seed placed by narrative (a network's
    projects under the private sector, country teams under regional commissions).
    This guards the rules against regressions; it is not the placement used.
    """
    outline, orgs = stored_snapshot["outline"], stored_snapshot["organisations"]
    hits = sum(
        place(row, outline, orgs, "UN-Habitat", use_source=False).section
        in _seed_section(stored_snapshot, row)
        for row in stored_snapshot["engagements"]
    )
    assert hits >= 100


def test_a_paragraph_groups_one_partner_or_one_theme(stored_snapshot):
    composition = compose(stored_snapshot)
    groups = [p.group for p in composition.paragraphs() if p.type == "data"]
    assert all(g.startswith(("org:", "theme:")) for g in groups)
    by_section: dict[str, list[str]] = {}
    for p in composition.paragraphs():
        if p.type == "data":
            by_section.setdefault(p.anchor.split("/")[0], []).append(p.group)
    for section, items in by_section.items():
        assert len(items) == len(set(items)), section
    assert "org:UNDP" in by_section["II.E"]
    assert all(g.startswith("theme:") for g in by_section["VIII.A"])


def test_public_report_leaves_out_confidential_and_unpublished(db):
    report = seed_report()
    secret = Engagement.objects.get(key="p021-undp-umbrella-mou")
    Engagement.objects.filter(pk=secret.pk).update(is_confidential=True)
    draft = Engagement.objects.get(key="p040-psup")
    Engagement.objects.filter(pk=draft.pk).update(is_published=False)
    public = {row["key"] for row in collect(report, ANONYMOUS)["engagements"]}
    assert secret.key not in public and draft.key not in public
    admin = Actor(role="administrator", user_id=1)
    full = {row["key"] for row in collect(report, admin)["engagements"]}
    assert {secret.key, draft.key} <= full


def test_engagements_outside_the_period_are_left_out(db):
    report = seed_report()
    report.period_start = report.period_start.replace(year=2021)
    report.period_end = report.period_end.replace(year=2022)
    keys = {row["key"] for row in collect(report, ANONYMOUS)["engagements"]}
    # Only what may still run: ongoing/planned agreements dated before 2021.
    statuses = set(
        Engagement.objects.filter(key__in=keys).values_list("status", flat=True)
    )
    assert statuses <= {"ongoing", "planned", "unknown"}
    assert "p040-psup-third-cycle-launch" not in keys


def test_chinese_follows_un_conventions(stored_snapshot):
    text = render(stored_snapshot, "zh", "md").decode()
    assert "1 000 万欧元" in text  # the EUR 10 000 000 of PSUP (paragraph 40)
    assert "2018年12月20日" in text  # resolution 73/239 (paragraph 7)
    assert "《" in text and "》" in text
    assert "《《" not in text and "〈" in text  # nested titles take 〈〉
    # A project title quoting a title (paragraph 27) takes the inner marks ‘’.
    assert "““" not in text and "“‘加强叙利亚城市的地方协议’项目”" in text
    assert "，" in text and "。" in text


def test_locale_formats():
    assert Formatter("fr", "fr_FR").number(1000000) == "1\u202f000\u202f000"
    import datetime as dt
    from decimal import Decimal

    day = dt.date(2018, 12, 20)
    assert Formatter("en", "en_GB").date(day, "day") == "20 December 2018"
    assert Formatter("zh", "zh_Hans_CN").date(day, "month") == "2018年12月"
    assert Formatter("es", "es_ES").date(day, "day") == "20 de diciembre de 2018"
    assert (
        Formatter("zh", "zh_Hans_CN").amount(Decimal(10000000), "EUR") == "1 000 万欧元"
    )
    assert Formatter("en", "en_GB").amount(Decimal(10000000), "EUR") == "€10,000,000"


def test_missing_translations_fall_back_to_english_and_are_marked(stored_snapshot):
    doc = realise(stored_snapshot, "ar")
    assert doc.fallbacks > 0
    html = render(stored_snapshot, "ar", "html").decode()
    assert 'dir="rtl"' in html and 'lang="ar"' in html
    # GLTN has no Arabic name in the registry: English, marked for the translator.
    assert re.search(
        r'<span class="fallback" lang="en" dir="ltr"[^>]*>GLTN</span>', html
    )
    md = render(stored_snapshot, "ar", "md").decode()
    assert "[GLTN]{lang=en}" in md
    en = realise(stored_snapshot, "en")
    assert en.fallbacks < doc.fallbacks


def test_draft_html_paragraphs_link_to_their_engagements_and_passages(
    stored_snapshot,
):
    html = render(stored_snapshot, "en", "html", draft=True).decode()
    doc = realise(stored_snapshot, "en")
    for para in doc.paragraphs():
        for key, _ in para.engagements:
            assert f'href="/engagements/{key}/"' in html
    assert 'href="/documents/HSP/HA/1/2/Add.2/#p40"' in html


def test_output_is_escaped(db):
    report = seed_report()
    report.texts = {**report.texts, "heading": {"en": "<script>alert(1)</script>"}}
    report.save()
    html = render(collect(report, ANONYMOUS), "en", "html").decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html


def test_every_paragraph_has_its_provenance_in_the_draft(stored_snapshot):
    """Composed paragraphs cite engagements; the opening cites the statistics."""
    html = render(stored_snapshot, "zh", "html", draft=True).decode()
    doc = realise(stored_snapshot, "zh")
    for para in doc.paragraphs():
        assert f'<tr id="prov-{para.number}">' in html, para.anchor
        assert para.engagements or para.kind in ("opening", "closing", "text")
    official = render(stored_snapshot, "zh", "html").decode()
    assert 'id="annex-provenance"' not in official
    assert "/engagements/" not in official


def test_sentences_follow_kind_role_and_framework(stored_snapshot):
    text = render(stored_snapshot, "en", "md").decode()
    # A funder's commitment in its currency, told without the reporting organisation.
    assert "European Commission committed €10,000,000 to" in text
    # An agreement within another engagement; a project within a programme.
    # (The seed says the two entities prepared the letter: its authors prepare it.)
    assert "prepared “UNICEF–UN-Habitat letter of intent” in the framework of" in text
    assert "as part of “Participatory Slum Upgrading Programme (PSUP)”" in text
    # A network co-chaired, an event held in a place on a date.
    assert "co-chaired" in text
    assert "in New York (United States of America) on 8 October 2018" in text


def test_every_summary_written_in_a_language_is_in_that_language_version(
    stored_snapshot,
):
    rows = {r["key"]: r for r in stored_snapshot["engagements"]}
    written = {lang for r in rows.values() for lang, v in r["summary"].items() if v}
    assert written >= {"en", "zh"}  # the seed's own languages
    for lang in sorted(written):
        with_summary = {k for k, r in rows.items() if r["summary"].get(lang)}
        found = set()
        for para in realise(stored_snapshot, lang).paragraphs():
            if para.kind != "data":
                continue
            text = "".join(r.text for r in para.runs)
            for key, _ in para.engagements:
                if key in with_summary:
                    assert rows[key]["summary"][lang] in text, (lang, key)
                    found.add(key)
        assert found == with_summary, lang
