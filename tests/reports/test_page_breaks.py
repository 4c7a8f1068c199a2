"""Breaks a reader sees in the PDF (session 9, looked at in French and Arabic): a
paragraph number left alone at the foot of a page while its text starts the next
one ("83 -" on page 9 of the Arabic report, "56." in French), and a French closing
guillemet starting a line by itself."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from partnerships.reports.render import render

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.slow,
    pytest.mark.skipif(
        shutil.which("pdftotext") is None, reason="poppler-utils: make setup"
    ),
]

# "12." (Latin), "12 -" (Arabic); pdftotext may keep direction marks around them.
BARE_NUMBER = re.compile(r"(\d+\.|\d+ -|- \d+)")
MARKS = "\u200e\u200f\u202a\u202b\u202c\u2066\u2067\u2068\u2069 "


def _pages(path: Path, *options: str) -> list[list[str]]:
    text = subprocess.run(
        ["pdftotext", *options, str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    pages = []
    for page in text.split("\f"):
        lines = [line.strip(MARKS) for line in page.splitlines()]
        pages.append([line for line in lines if line and not line.isdigit()])
    return pages


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_no_paragraph_number_is_left_at_the_foot_of_a_page(
    stored_snapshot, tmp_path, lang
):
    path = tmp_path / f"report.{lang}.pdf"
    path.write_bytes(render(stored_snapshot, lang, "pdf"))
    pages = _pages(path)
    assert len(pages) > 10
    left = [
        (n, p[-1]) for n, p in enumerate(pages, 1) if p and BARE_NUMBER.fullmatch(p[-1])
    ]
    assert not left, left
    if lang == "fr":  # the lines as laid out (without -layout, a justified
        # line's wide spaces split it)
        laid_out = _pages(path, "-layout")
        starts = [line for p in laid_out for line in p if line.startswith("»")]
        assert not starts, starts[:3]


def test_french_guillemets_hold_their_title_with_no_break_spaces(stored_snapshot):
    quote = stored_snapshot["phrases"]["fr"]["quote"]
    assert quote == ["«\u00a0", "\u00a0»"]
    html = render(stored_snapshot, "fr", "html").decode()
    assert html.count("\u00a0»") > 100 and " »" not in html


@pytest.mark.parametrize("lang, direction", [("ar", "rtl"), ("fr", "ltr")])
def test_the_distribution_block_reads_in_its_languages_direction(
    stored_snapshot, lang, direction
):
    """The Arabic block was forced left to right: "6 آذار/مارس 2019" showed its day
    at the far end."""
    html = render(stored_snapshot, lang, "html").decode()
    assert f'<div class="row meta"><div class="distribution" dir="{direction}">' in html
