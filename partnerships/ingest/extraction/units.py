"""An organisation named as the frame of one of its own units is no second party.

"The Executive Board of the United Nations Human Settlements Programme", "UN-Habitat
Governing Council", "UN-Habitat’s Regional Office for Arab States", "UNEP, a
subsidiary organ of the United Nations": the parent is named to say whose body,
office or organ the unit is, not as another party working with it. Such a sentence
tells no cooperation between the two; the unit alone stays a participant
(docs/ingest.md, "Fifth batch"). English only: Chinese runs a parent into its unit
(人居署纽约办事处, 联合国可持续发展集团的战略成果小组) where the seed's gold counts both
as taking part.
"""

from __future__ import annotations

import re

# Between the parent and its unit, the parent first: "UN-Habitat ROAP",
# "UN-Habitat’s Regional Office".
_PARENT_BEFORE = re.compile(r"^\s+$|^\s*['’]s\s+$")
# The unit first: "Governing Council of UN-Habitat", "Executive Board of the
# United Nations ...", "UNEP, a subsidiary organ of the United Nations".
_PARENT_AFTER = re.compile(
    r"^\s*(?:of(?:\s+the)?|,\s*(?:an?|the)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:organ|body|office|unit|division|department|branch|entity|arm|subsidiary)"
    r"\s+(?:of|under|within)(?:\s+the)?)\s*$",
    re.IGNORECASE,
)
_SHORT_FORM_OF = re.compile(r"^\s*[（(]\s*$")
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def framing_parents(spans: list[tuple[str, int, int]], text: str) -> set[str]:
    """The identities named only as the parent of another one named next to them
    or inside its name.

    `spans` holds (identity, start, end) of every mention in one sentence."""
    ordered = sorted(spans, key=lambda s: s[1])
    framing: set[str] = set()
    named_alone: set[str] = set()
    for i, (identity, start, end) in enumerate(ordered):
        if (
            _SHORT_FORM_OF.match(text[ordered[i - 1][2] : start])
            and i > 0
            and (ordered[i - 1][0] == identity)
        ):
            continue  # "… Programme (UN-Habitat)": the same name again, short
        before = ordered[i - 1] if i > 0 else None
        after = ordered[i + 1] if i + 1 < len(ordered) else None
        frames = (
            after is not None
            and after[0] != identity
            and _PARENT_BEFORE.match(text[end : after[1]]) is not None
        ) or (
            before is not None
            and before[0] != identity
            and _PARENT_AFTER.match(text[before[2] : start]) is not None
        )
        inside = any(
            other != identity
            and o_start <= start
            and end <= o_end
            and not _CHINESE.search(text[o_start:o_end])
            for other, o_start, o_end in ordered
        )
        (framing if frames or inside else named_alone).add(identity)
    return framing - named_alone
