"""The reader on published documents it was not tuned on (docs/ingest.md, "Corpus").

The floors are the figures reached on the test part, less 0.01 (the issue's targets,
organisation F1 0.85 and engagement F1 0.6 in each language, are not reached; the
figures are in docs/ingest.md). No rule was tuned on the test part.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerships.ingest.corpus import (
    Totals,
    read_corpus,
    read_document,
    score_document,
    score_text,
    totals,
)
from partnerships.sources.texts import read_text
from tests.ingest.conftest import CORPUS

FLOORS = {  # (part, language): (organisation F1, engagement F1), reached less 0.01
    # English organisations 0.820 -> 0.809 after the fifth batch's rules, read once
    # at the end and not tuned on (docs/ingest.md, "Fifth batch").
    # English engagements 0.333 -> 0.340 after the clauses round, read once at the
    # end (docs/ingest.md, "Clauses"); 0.809 / 0.340 -> 0.811 / 0.333 after the
    # back-references round, read once at the end (docs/ingest.md, "English
    # back-references"); organisations 0.811 -> 0.831 after the seventh batch's
    # round, read twice, the same both times (docs/ingest.md, "Seventh batch").
    # Engagements 0.333 -> 0.400 after the eighth batch's round, read once at the
    # end (docs/ingest.md, "Eighth batch (session 10)").
    # The eleventh batch (16 documents, 91 paragraphs, never run before) joined the
    # test part in session 12 (docs/ingest.md, "Eleventh batch"): its first reading
    # was English 0.731 / 0.371, Chinese 0.787 / 0.462; the 17 earlier documents
    # stayed 0.825 / 0.400 and 0.785 / 0.392. The part as a whole, 33 documents:
    ("test", "en"): (0.766, 0.374),  # 0.776 / 0.384
    # Chinese 0.786 / 0.442 -> 0.796 / 0.444 after the gates calibrated on first
    # runs, read once after them (docs/ingest.md, "Calibrated on first runs").
    ("test", "zh"): (0.786, 0.434),  # 0.796 / 0.444
    # The development part too, so that no later rule undoes what was reached there;
    # with the seventh batch in it (docs/ingest.md, "Seventh batch (session 9)"),
    # lower than before because the batch is harder: the earlier documents score as
    # before or better. Engagements raised after the second round of session 9
    # (docs/ingest.md, "Engagements on unseen text (session 9, second round)"), and
    # both after its third round ("Organisations on unseen text"). With the eighth
    # batch in it (docs/ingest.md, "Eighth batch (session 10)"): English
    # organisations lower than before because the batch is harder (its first run
    # 0.791 / 0.464), the earlier 48 documents at 0.941 / 0.819.
    # With the ninth batch in it (docs/ingest.md, "Ninth batch (session 10, second
    # round)"): lower again because the batch is harder (its first run English
    # 0.627 / 0.410, Chinese 0.790 / 0.582); the earlier 96 documents score
    # 0.926 / 0.797 and 0.924 / 0.751, as before or better. The test part did not
    # move (read once at the end), so its floors stay.
    # With the tenth batch in it, both halves (docs/ingest.md, "Tenth batch
    # (session 11)"): lower again because the batch is harder (its first run
    # English 0.681 / 0.524 and 0.807 / 0.541, Chinese 0.474 / 0.312 and
    # 0.800 / 0.654, development and held-out halves); the earlier 107 documents
    # score 0.917 / 0.785 and 0.927 / 0.765, higher than before. The test part did
    # not move (read once at the end), so its floors stay.
    # With the twelfth batch in it (session 13; docs/ingest.md, "Twelfth batch,
    # held out"), read first as totals while held out: English 0.786 / 0.500,
    # Chinese 0.753 / 0.362; then session 13's rules (docs/ingest.md, "Twelfth batch
    # in the development part"), after which the test part read the same.
    ("dev", "en"): (0.894, 0.745),  # 0.904 / 0.755
    ("dev", "zh"): (0.872, 0.679),  # 0.882 / 0.689
}


@pytest.fixture(scope="module")
def corpus_totals(reference_gazetteer):
    documents = read_corpus(CORPUS)
    return totals(score_document(d, reference_gazetteer) for d in documents)


def test_the_corpus_holds_150_paragraphs_in_both_languages_and_parts(corpus_totals):
    assert set(corpus_totals) == {
        (p, lang) for p in ("dev", "test") for lang in ("en", "zh")
    }
    assert sum(t.paragraphs for t in corpus_totals.values()) >= 150
    assert sum(t.documents for t in corpus_totals.values()) >= 10


@pytest.mark.parametrize("key", sorted(FLOORS))
def test_each_part_keeps_its_floors(corpus_totals, key):
    organisations, engagements = FLOORS[key]
    total = corpus_totals[key]
    assert total.layouts == total.documents
    assert total.score("orgs").f1 >= organisations, total.score("orgs").line("orgs")
    assert total.score("engs").f1 >= engagements, total.score("engs").line("engs")


def test_pdf_and_docx_score_as_the_text_within_a_hundredth(reference_gazetteer):
    by_format: dict[str, Totals] = {}
    folders = sorted({p.parent for p in CORPUS.glob("*/source.pdf")})
    assert len(folders) >= 6
    for folder in folders:
        document = read_document(folder)
        for path in sorted(folder.glob("source.*")):
            text = read_text(path.name, Path(path).read_bytes())
            score = score_text(document, text, reference_gazetteer)
            by_format.setdefault(path.suffix, Totals()).add(score)
    text = by_format[".txt"]
    for suffix in (".pdf", ".docx"):
        for key in ("orgs", "engs"):
            assert by_format[suffix].score(key).f1 == pytest.approx(
                text.score(key).f1, abs=0.01
            ), (suffix, key)
