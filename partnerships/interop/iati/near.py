"""Near matches: a name the registry does not hold exactly, but nearly.

`registry/resolve.find_organisation` matches names exactly. A name it does not
find may still be an organisation the registry holds under another spelling
("london school of hygiene and tropical medicine" for "London School of Hygiene
& Tropical Medicine"), its acronym, or a close variant. Such a name is never
merged silently: the import keeps it apart (a participant becomes a new
organisation, a provider or receiver of money stays text on its line) and
proposes the pair for review (`NameMatch`, the staff page `/interop/iati/matches/`,
docs/iati.md *Organisations*).

What counts as near, for a name and a registry name (any language, any kind,
the key too):

- `spelling`: equal once case, accents, punctuation, "&"/"and", a leading "the"
  and a parenthesised part are set aside;
- `acronym`: one is the initials of the other's significant words
  ("LSHTM"), or the acronym a name gives in parentheses;
- `similar`: difflib's ratio of the two spellings at least `SIMILAR` (0.9).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from partnerships.core.languages import UN_LANGUAGES
from partnerships.registry.models import Organisation, OrganisationName

SIMILAR = 0.9
MOST = 3  # proposals per name, best first
_NON_WORD = re.compile(r"[\W_]+")
_BRACKETS = re.compile(r"\(([^()]*)\)")
_SMALL = frozenset(
    "the of and for to in on at a an de des du la le les et y el del da di".split()
)


def spelling(name: str) -> str:
    """The name without case, accents, punctuation, "&" or a leading "the"."""
    text = unicodedata.normalize("NFKD", name.replace("&", " and "))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    words = _NON_WORD.sub(" ", text).split()
    if words[:1] == ["the"] and len(words) > 1:
        words = words[1:]
    return " ".join(words)


def _spellings(name: str) -> set[str]:
    """The name's spelling, and the same without its parenthesised parts."""
    out = {spelling(name), spelling(_BRACKETS.sub(" ", name))}
    return {text for text in out if text}


def _acronyms(name: str) -> set[str]:
    """Initials of the significant words (three or more), and what a name
    gives in parentheses when that is one word."""
    out = set()
    words = [w for w in spelling(_BRACKETS.sub(" ", name)).split() if w not in _SMALL]
    if len(words) >= 3:
        out.add("".join(w[0] for w in words))
    for inside in _BRACKETS.findall(name):
        if len(found := spelling(inside)) >= 2 and " " not in found:
            out.add(found)
    return out


@dataclass(frozen=True)
class Near:
    organisation: int  # its key in the registry
    how: str  # "spelling", "acronym" or "similar"
    score: float


class NameIndex:
    """Every name of every organisation the registry holds, read once (per file)."""

    def __init__(self) -> None:
        self.owners: dict[str, set[int]] = defaultdict(set)
        self.initials: dict[str, set[int]] = defaultdict(set)
        fields = [f"name_{lang}" for lang in UN_LANGUAGES]
        rows = Organisation.objects.filter(deleted_at__isnull=True)
        for pk, key, *names in rows.values_list("pk", "key", *fields):
            self._add(pk, [key, *names])
        others = OrganisationName.objects.filter(organisation__deleted_at__isnull=True)
        for pk, value in others.values_list("organisation_id", "value"):
            self._add(pk, [value])
        self.spellings = list(self.owners)

    def _add(self, pk: int, names: Iterable[str]) -> None:
        for name in names:
            if not name:
                continue
            for text in _spellings(name):
                self.owners[text].add(pk)
            for text in _acronyms(name):
                self.initials[text].add(pk)

    def near(self, names: Iterable[str]) -> list[Near]:
        """The organisations these names nearly designate, best first."""
        best: dict[int, Near] = {}

        def keep(pks: Iterable[int], how: str, score: float) -> None:
            for pk in pks:
                if pk not in best or best[pk].score < score:
                    best[pk] = Near(pk, how, score)

        for name in names:
            for text in _spellings(name):
                keep(self.owners.get(text, ()), "spelling", 1.0)
                keep(self.initials.get(text, ()), "acronym", 0.95)
                for close in difflib.get_close_matches(
                    text, self.spellings, n=MOST, cutoff=SIMILAR
                ):
                    ratio = difflib.SequenceMatcher(None, text, close).ratio()
                    keep(self.owners[close], "similar", round(ratio, 3))
            for text in _acronyms(name):
                keep(self.owners.get(text, ()), "acronym", 0.95)
        ranked = sorted(best.values(), key=lambda n: (-n.score, n.organisation))
        return ranked[:MOST]


class Proposals:
    """The near matches of one file's names, each pair proposed once."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.index: NameIndex | None = None  # read at the first name asked
        self.names: set[str] = set()  # names proposed for review

    @property
    def count(self) -> int:
        return len(self.names)

    def made(self, pk: int, names: Iterable[str]) -> None:
        """An organisation this import created: near to later names too."""
        if self.index is not None:
            self.index._add(pk, names)

    def propose(
        self, names: dict[str, str], ref: str, activity: str, created: int | None
    ) -> int:
        """Record the near matches of `names` (language: name; the organisation
        `created` for them left out); returns how many pairs were new."""
        from partnerships.interop.models import NameMatch

        if self.index is None:
            self.index = NameIndex()
        found = [
            n for n in self.index.near(names.values()) if n.organisation != created
        ]
        lang, label = next(iter(names.items()), ("en", ref))
        new = 0
        for near in found:
            _, made = NameMatch.objects.get_or_create(
                name=label[:500],
                organisation_id=near.organisation,
                defaults={
                    "lang": lang,
                    "ref": ref[:200],
                    "created_id": created,
                    "how": near.how,
                    "score": near.score,
                    "file_name": self.file_name[:300],
                    "activity": activity[:500],
                },
            )
            new += made
        if found:
            self.names.add(label[:500])
        return new
