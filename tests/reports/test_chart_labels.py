"""The Arabic charts' labels are shaped and in logical order, not mirrored.

The statistics annex's charts are drawn by matplotlib, which lays Arabic out
itself (libraqm). The same chart is laid out as PDF text (`chart_format="pdf"`,
the very code that draws the PNG) and read back with pdftotext (poppler): each
label must come back as its words in the order they are written, letters in
logical order and no presentation forms (which a label shaped and reordered before
matplotlib, as the report of issue 13 found, shows: "عيراشملا" for "المشاريع").
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from partnerships.reports import charts
from partnerships.reports.annex import statistics_annex
from partnerships.reports.realise import realise

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils"),
]

PRESENTATION_FORMS = re.compile("[\ufb50-\ufdff\ufe70-\ufeff]")
# pdftotext writes a lam-alef ligature's letters in the glyph's order ("األمم"):
# the comparison leaves lam and the alef forms out, every other letter in order.
LIGATURE_LETTERS = str.maketrans("", "", "لاأإآى")


def _skeleton(words: list[str]) -> list[str]:
    return [w.translate(LIGATURE_LETTERS) for w in words]


def _lines(pdf: bytes) -> list[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chart.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(
            ["pdftotext", "-raw", str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        )
    return out.stdout.splitlines()


def _misread(tables) -> list[str]:
    """The labels that do not come back as written."""
    wrong = []
    for table in tables:
        lines = _lines(table.chart)
        if any(PRESENTATION_FORMS.search(line) for line in lines):
            wrong.append(f"{table.title}: presentation forms")
        # pdftotext puts each right-to-left word in RLE … PDF, in visual order.
        read = [
            _skeleton(re.findall("\u202b([^\u202c]*)\u202c", line)[::-1])
            for line in lines
        ]
        for label in [table.title, *(row[0].text for row in table.rows)]:
            if _skeleton(label.split()) not in read:
                wrong.append(label)
    return wrong


def _charted(snapshot):
    tables = statistics_annex(realise(snapshot, "ar"), chart_format="pdf")
    return [t for t in tables if t.chart]


def test_arabic_chart_labels_read_as_written(stored_snapshot):
    tables = _charted(stored_snapshot)
    assert len(tables) == 4
    assert sum(len(t.rows) for t in tables) > 50
    assert _misread(tables) == []


def test_labels_shaped_before_matplotlib_are_caught(stored_snapshot, monkeypatch):
    # The drawing of issue 13's report: labels shaped and reordered beforehand.
    monkeypatch.setattr(charts, "COMPLEX_LAYOUT", False)
    tables = _charted(stored_snapshot)
    assert len(_misread(tables)) > 50


def test_arabic_sdg_targets_keep_their_order(stored_snapshot):
    """ "4.a" in the Arabic annex read "a.4" (a Latin letter after a number in
    right-to-left text): the codes are isolated left to right."""
    from partnerships.reports.annex import LRI, PDI

    tables = statistics_annex(realise(stored_snapshot, "ar"), charts=False)
    codes = [row[0].text for row in tables[-1].rows]
    assert any(code.strip(LRI + PDI).endswith(".a") for code in codes)
    assert all(code.startswith(LRI) and code.endswith(PDI) for code in codes)
    english = statistics_annex(realise(stored_snapshot, "en"), charts=False)
    assert all(row[0].text[0].isdigit() for row in english[-1].rows)
