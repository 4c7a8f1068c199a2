"""Pieces of report text that know their language.

A Run is a piece of text that remembers whether it fell back to another language, so
renderers can mark missing translations for the translator instead of hiding them.
Templates are filled and lists joined run by run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from partnerships.core.languages import FALLBACK_ORDER
from partnerships.reports.formatting import Formatter


@dataclass(frozen=True)
class Run:
    text: str
    fallback: str = ""  # the language the text is in when it is not the report's


def pick(texts: dict[str, str], lang: str) -> Run:
    """The text in `lang`, else in the first language of FALLBACK_ORDER, marked."""
    if texts.get(lang):
        return Run(texts[lang])
    for other in FALLBACK_ORDER:
        if texts.get(other):
            return Run(texts[other], other)
    return Run("")


_TOKEN = re.compile(
    r"\[([^\[\]]*)\]|\{(\w+)\}|<<([^<>|]*)\|([^<>]*)>>|<([^<>|]*)\|([^<>]*)>"
    r"|([^\[\{<]+)"
)
_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(
    template: str,
    values: dict[str, list[Run]],
    counts: dict[str, int] | None = None,
    genders: dict[str, str] | None = None,
) -> list[Run] | None:
    """Fill a template; None when one of its bare placeholders is empty.

    `<singular|plural>` agrees with the subject: the names placed before it (a
    placeholder counts as `counts[name]` names; titles, dates and places as none):
    "{reporter}[ and {partners}] <is|are> preparing" reads "UN-Habitat is
    preparing" when no partner is named.

    `<<masculine|feminine>>` agrees in gender with the subject named by the next
    placeholder of the template, `genders[name]` ("f" or "m", the default): the
    Arabic verb before its subject, "وقّع موئل الأمم المتحدة", "وقّعت الحكومة"
    (reports/grammar.py, `ar_gender`).
    """
    filled = _fill(template, values, counts or {}, 0, genders or {})
    return filled[0] if filled else None


def _fill(
    template: str,
    values: dict[str, list[Run]],
    counts: dict[str, int],
    placed: int,
    genders: dict[str, str],
) -> tuple[list[Run], int] | None:
    out: list[Run] = []
    for match in _TOKEN.finditer(template):
        optional, name, masc, fem, singular, plural, literal = match.groups()
        if literal is not None:
            out.append(Run(literal))
        elif masc is not None:
            subject = _PLACEHOLDER.search(template, match.end())
            female = subject is not None and genders.get(subject.group(1)) == "f"
            out.append(Run(fem if female else masc))
        elif singular is not None:
            out.append(Run(plural if placed > 1 else singular))
        elif name is not None:
            if not values.get(name):
                return None
            out.extend(values[name])
            placed += counts.get(name, 0)
        else:
            inner = _fill(optional, values, counts, placed, genders)
            names = _PLACEHOLDER.findall(optional)
            if (
                inner is not None
                and any(r.text for r in inner[0])
                and all(values.get(n) for n in names)
            ):
                out.extend(inner[0])
                placed = inner[1]
    return out, placed


def join_runs(parts: list[list[Run]], fmt: Formatter) -> list[Run]:
    """Join lists of runs as the language lists things (A, B and C / A、B和C)."""
    parts = [p for p in parts if p]
    if not parts:
        return []
    markers = [f"\x00{i}\x00" for i in range(len(parts))]
    joined = fmt.list(markers)
    out: list[Run] = []
    for piece in re.split(r"(\x00\d+\x00)", joined):
        if not piece:
            continue
        if piece.startswith("\x00"):
            out.extend(parts[int(piece.strip("\x00"))])
        else:
            out.append(Run(piece))
    return out


def merge(runs: list[Run]) -> list[Run]:
    out: list[Run] = []
    for run in runs:
        if not run.text:
            continue
        if out and out[-1].fallback == run.fallback:
            out[-1] = Run(out[-1].text + run.text, run.fallback)
        else:
            out.append(run)
    return out
