"""Where an English name runs on into the title of a person named after it."""

from __future__ import annotations

_PERSON_TITLES = set(
    "Secretary Minister Governor Ambassador Mayor Commissioner President Chairman "
    "Chairperson Director Representative".split()
)
_TITLE_MODIFIERS = set(
    "Deputy Vice State Permanent Principal Acting Assistant Executive Chief Senior "
    "Country Resident".split()
)


def before_person(words: list[str]) -> list[str]:
    """A name ends before the title of a person named after it: "Economic Relations
    Division Secretary Fatima Yasmin" is the Division ("Office of the Special
    Representative of …" keeps its title: "of" follows it)."""
    for i, word in enumerate(words[1:-1], start=1):
        after = words[i + 1]
        if word in _PERSON_TITLES and after[:1].isupper() and after != "General":
            while i > 1 and words[i - 1] in _TITLE_MODIFIERS:
                i -= 1
            return words[:i]
    return words
