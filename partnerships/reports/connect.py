"""The subject said once: when consecutive sentences of a paragraph have the
reporting organisation alone as their subject, the second takes a pronoun or a
connective instead of the name ("UN-Habitat implemented A. In addition, it
implemented B."), as each language does it (`subject_again` in phrases.yaml):

- `{rest}`: the name at the start of the sentence gives way to the phrase, the
  rest of the sentence following ("In addition, it", "En outre, il", "Además,",
  "Кроме того, она", Chinese 该署还);
- `{sentence}`: the sentence, whose verb comes first, is prefixed (Arabic كما).

The next sentence names the organisation again, so that a pronoun never
stands far from the name it stands for; a summary between two sentences breaks
the chain.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from partnerships.reports.runs import Run

if TYPE_CHECKING:
    from partnerships.reports.realise import Writer

# What may follow the name when another subject joins it: "UN-Habitat and UNDP".
JOINED = (" and ", ", ", " et ", " y ", " и ", "、", "和", " و")


def _subject_alone(text: str, name: str, lang: str) -> bool:
    """Whether the sentence's subject is the name alone."""
    if lang == "ar":  # verb first: "نفّذ موئل الأمم المتحدة …"
        _, _, after_verb = text.partition(" ")
        rest = after_verb.removeprefix(name)
        return after_verb.startswith(name) and not rest.startswith(JOINED)
    rest = text.removeprefix(name)
    return text.startswith(name) and not rest.startswith(JOINED)


def opens_with_reporter(writer: Writer, runs: list[Run]) -> bool:
    name = writer.phrases.get("reporter_short", "")
    text = "".join(r.text for r in runs)
    return bool(name) and _subject_alone(text, name, writer.lang)


def said_again(writer: Writer, runs: list[Run]) -> list[Run]:
    """The sentence with the reporting organisation's name given way to the
    language's pronoun or connective (a run stored before the phrase: as is)."""
    phrase = writer.phrases.get("subject_again")
    if not phrase or not opens_with_reporter(writer, runs):
        return runs
    if "{sentence}" in phrase:
        head, _, tail = phrase.partition("{sentence}")
        return [Run(head), *runs, Run(tail)]
    name = writer.phrases["reporter_short"]
    first, *others = runs
    if not first.text.startswith(name) or first.fallback:
        return runs
    head, _, tail = phrase.partition("{rest}")
    return [Run(head + first.text.removeprefix(name) + tail), *others]
