"""Finding a source document by its symbol, now that a symbol has a version in
each language (unique on symbol, language and revision).

Nothing outside this module should look a document up by `symbol=` alone: with a
Chinese and an English version of one symbol, `.get(symbol=...)` fails and
`.filter(symbol=...).first()` returns either of them.
"""

from __future__ import annotations

from django.db.models import Case, F, IntegerField, QuerySet, Value, When

from partnerships.sources.models import Passage, SourceDocument


def document_for(
    symbol: str,
    language: str | None = None,
    *,
    within: QuerySet[SourceDocument] | None = None,
) -> SourceDocument | None:
    """The version of `symbol` to use, or None if there is none.

    Of the documents in `within` (all documents if not given; pass
    `documents_shown_to(actor)` for what a reader sees) under `symbol`:

    1. the version in `language`, if asked and there is one;
    2. else the version in the document's original language (or any version
       whose original language is not recorded);
    3. else any version;

    and within the chosen language the latest revision `within` holds (for a
    reader that is the current one, as `documents_shown_to` keeps only those).
    Ties between languages of equal rank go to the language code in alphabetical
    order, so the answer never depends on the database's row order."""
    rows = (within if within is not None else SourceDocument.objects.all()).filter(
        symbol=symbol
    )
    rank = [
        When(original_language="", then=Value(1)),
        When(language=F("original_language"), then=Value(1)),
    ]
    if language:
        rank.insert(0, When(language=language, then=Value(0)))
    return rows.order_by(
        Case(*rank, default=Value(2), output_field=IntegerField()),
        "language",
        "-revision",
    ).first()


def passage_for(
    symbol: str,
    number: int,
    language: str | None = None,
    *,
    within: QuerySet[SourceDocument] | None = None,
) -> Passage | None:
    """Paragraph `number` of the version `document_for` chooses, or None."""
    document = document_for(symbol, language, within=within)
    if document is None:
        return None
    return Passage.objects.filter(document=document, number=number).first()
