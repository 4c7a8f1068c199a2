"""An English sentence cut into clauses, so that a cue word tells only of the
organisations of its own clause (docs/ingest.md, "Clauses").

"UN-Habitat signed an MoU with UNDP; the EU funded the workshop" tells two acts: an
agreement of UN-Habitat and UNDP, funding by the EU. A sentence is cut at ";", before
", and", ", while", ", whereas", ", but", before a relative clause (", which",
", who", " which", " who") and before "when" ("the MoU of X and Y was signed when a
Z delegation met W": an agreement of X and Y, a meeting of Z and W). A clause naming no organisation belongs to the clause
before it (to the one after it when it comes first): "UN-Habitat and UNDP, which have
worked together since 2000, signed an MoU" stays one act. A clause naming one
organisation only is no act of its own either (one organisation is a statement, not
cooperation): it belongs to the clause before it, so that what it tells is read
with the partners named there.
"""

from __future__ import annotations

import re

_BREAK = re.compile(
    r";\s+|,\s+(?=(?:and|while|whereas|but|which|who|whose)\b)"
    r"|\s+(?=(?:which|who)\s+[a-z])"
    r"|,?\s+(?=when\s)"
)


# A list of names before ", and" is no clause: "UN-Habitat, OHCHR, UCLG, and X".
_NAMES_ONLY = re.compile(r"^(?:[\s,□]|\bthe\b|\band\b|\bThe\b)*$")


def clauses(masked: str, offset: int = 0) -> list[tuple[int, int]]:
    """The clauses of a sentence whose names are masked (□), as spans shifted by
    `offset`."""
    out: list[tuple[int, int]] = []
    here = 0
    breaks = list(_BREAK.finditer(masked))
    for i, match in enumerate(breaks):
        after = breaks[i + 1].start() if i + 1 < len(breaks) else len(masked)
        if (
            match.group().startswith(",")
            and (
                _NAMES_ONLY.match(masked[here : match.start()])
                # The list goes on past "and": "…, Italy, and the Republic of Korea,
                # Monaco and Norway."
                or _NAMES_ONLY.match(masked[match.end() : after].rstrip(" ."))
            )
        ):
            continue
        if match.start() > here:
            out.append((here, match.start()))
        here = match.end()
    if len(masked) > here:
        out.append((here, len(masked)))
    return [(offset + s, offset + e) for s, e in out] or [
        (offset, offset + len(masked))
    ]


def acts(spans: list[tuple[int, int]], named: list[set[str]]) -> list[tuple[int, int]]:
    """Clauses joined into acts: each act names at least two organisations, except
    where the whole sentence names fewer. `named[i]` holds the identities of the
    organisations named in `spans[i]`."""
    groups: list[tuple[int, int, set[str]]] = []
    for (start, end), names in zip(spans, named, strict=True):
        if groups and len(names) < 2:
            s, _, known = groups[-1]
            groups[-1] = (s, end, known | names)
        else:
            groups.append((start, end, set(names)))
    # A first clause naming fewer than two joins the one after it.
    while len(groups) > 1 and len(groups[0][2]) < 2:
        (s, _, a), (_, e, b) = groups[0], groups[1]
        groups[0:2] = [(s, e, a | b)]
    return [(s, e) for s, e, _ in groups]
