"""What the extractor proposes for a text written in a test, in the two shapes the
reading rules' tests compare: the organisations found and the engagements' kinds."""

from __future__ import annotations

from partnerships.ingest.pipeline import extract
from partnerships.sources.paragraphs import split_report


def results(gazetteer, text, lang):
    return extract(split_report(text, lang), gazetteer, lang)


def found(gazetteer, text, lang):
    """{surface: proposed name} of every organisation, paragraph by paragraph."""
    return [
        {m.text: p.resolution.name for p in r.organisations for m in p.mentions}
        for r in results(gazetteer, text, lang)
    ]


def kinds(gazetteer, text, lang):
    """{(kind, proposed name)} of every engagement, paragraph by paragraph."""
    return [
        {(e.kind, p.resolution.name) for e in r.engagements for p, _ in e.participants}
        for r in results(gazetteer, text, lang)
    ]


def names(gazetteer, text, lang):
    """The names found in a one-paragraph text."""
    (one,) = found(gazetteer, text, lang)
    return set(one)
