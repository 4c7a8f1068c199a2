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

Other organisations as the subject of two consecutive sentences take a pronoun
too (`subject_again_others`): "ECA, ECE, ECLAC, ESCAP and ESCWA organised A. In
addition, they led B.", "En outre, elles ont dirigé", "上述各方还牵头开展了".
French pronouns follow the gender of the names' first noun (`articles.
FR_GENDER`; none where it is not known); Russian says a plural subject again
("Кроме того, они") but names a single one again after its connective
(`{names}`), since the registry holds no gender of names for a pronoun to agree
with; Arabic keeps the names after "كما".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from partnerships.reports.articles import org_gender
from partnerships.reports.runs import Run, merge

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


# Placeholders that name actors; the first in a template is the sentence's subject.
ACTORS = {"reporter", "by", "partners", "funders", "leads", "organisers", "hosts"}


def subject_keys(template: str, named: dict[str, list[str]]) -> tuple[str, ...]:
    """The organisations the sentence opens with when they are not the
    reporting organisation (the keys of the template's first actor
    placeholder); () otherwise."""
    for name in re.findall(r"\{(\w+)\}", template):
        if name == "reporter":
            return ()
        if name in ACTORS:
            return tuple(named.get(name, []))
    return ()


def _pronoun(writer: Writer, keys: tuple[str, ...]) -> str | None:
    """The phrase for the subject said again (`subject_again_others`, by number
    and gender: `one_m`, `one_f`, `other_m`, `other_f`); French takes the gender
    of the names' first noun and none where it is not known."""
    phrases = writer.phrases.get("subject_again_others") or {}
    # A single organisation whose name is plural is "they": "Страновые группы
    # … Кроме того, они …", "Les équipes de pays … En outre, elles …".
    number = "one" if len(keys) == 1 and not writer.plural(keys[0]) else "other"
    if writer.lang != "fr":
        return phrases.get(f"{number}_m")
    genders = {org_gender(writer.orgs[k], "fr") for k in keys}
    if None in genders:
        return None
    feminine = genders <= {"f", "fp"}
    return phrases.get(f"{number}_{'f' if feminine else 'm'}")


def others_again(writer: Writer, runs: list[Run], keys: tuple[str, ...]) -> list[Run]:
    """The sentence with its subject, other organisations named in the sentence
    before, given way to the language's pronoun ("In addition, they led …",
    "En outre, elles ont dirigé …", "上述各方还…"); as is where none fits."""
    phrase = _pronoun(writer, keys)
    if not phrase:
        return runs
    if "{sentence}" in phrase:
        head, _, tail = phrase.partition("{sentence}")
        return [Run(head), *runs, Run(tail)]
    mentioned, fallbacks = set(writer.mentioned), writer.fallbacks
    names = "".join(r.text for r in writer.orgs_list(list(keys)))
    writer.mentioned, writer.fallbacks = mentioned, fallbacks
    names = names[:1].upper() + names[1:]
    first, *others = merge(runs)
    rest = first.text.removeprefix(names)
    if not names or rest == first.text or rest.startswith(JOINED) or first.fallback:
        return runs
    head, _, tail = phrase.partition("{rest}")
    return [Run(head.replace("{names}", names) + rest + tail), *others]
