"""Which script a text is written in, as the readers and the ranking need to know."""

from __future__ import annotations

import re

# CJK Unified Ideographs and Extension A: the Han characters of Chinese text.
_HAN = re.compile(r"[\u3400-\u9fff]")


def is_han(char: str) -> bool:
    """Whether `char` is one Han character ("" is not)."""
    return bool(char) and "\u3400" <= char <= "\u9fff"


def has_han(text: str) -> bool:
    """Whether `text` holds a Han character anywhere."""
    return bool(_HAN.search(text))
