"""Text as a reader sees it where a document kept its tracked changes.

A document converted with its revisions shows the deleted text glued to the inserted
text: "UN-HABITATUN-Habitat" (a word replaced by itself in other capitals),
"UNUnited Nations-Habitat" (an acronym replaced by its expansion). The deleted part
is blanked out with spaces, so that every offset into the text stays the same.
"""

from __future__ import annotations

import re

_DOUBLED = re.compile(r"\b((?=[\w-]*[A-Z])[\w-]{4,}?)\1\b", re.IGNORECASE)
_GLUED_ACRONYM = re.compile(r"\b([A-Z]{2,6})((?:[A-Z][a-z]+[\s-]*){2,6})")


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + " " * (end - start) + text[end:]


def mend(text: str) -> str:
    for match in reversed(list(_DOUBLED.finditer(text))):
        if match.group(1) != match.group(0)[len(match.group(1)) :]:
            text = _blank(text, match.start(1), match.end(1))
    for match in reversed(list(_GLUED_ACRONYM.finditer(text))):
        acronym, words = match.group(1), re.split(r"[\s-]+", match.group(2))
        initials = "".join(w[0] for w in words if w)[: len(acronym)]
        if initials == acronym:
            text = _blank(text, match.start(1), match.end(1))
    return text
