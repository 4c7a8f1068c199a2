"""Chinese word segmentation with jieba, loaded quietly and once.

Each gazetteer gets its own tokenizer holding its names as user words: names added
for one run (the registry's, say) must not leak into another (the evaluation, which
must not see the registry). The base dictionary is loaded once per process and
copied, which takes a tenth of a second instead of a full load.
"""

from __future__ import annotations

import logging
import threading
import warnings
from collections.abc import Iterable

with warnings.catch_warnings():
    # jieba imports pkg_resources when setuptools provides it, and recent
    # setuptools warns that pkg_resources is deprecated. The warning is about
    # jieba's packaging, not our use; the test suite turns warnings into errors.
    warnings.filterwarnings(
        "ignore", message="pkg_resources is deprecated", category=UserWarning
    )
    import jieba
    import jieba.posseg

# jieba logs its dictionary loading to stderr at DEBUG level.
jieba.setLogLevel(logging.WARNING)

_lock = threading.Lock()
_base: tuple[jieba.Tokenizer, dict[str, str]] | None = None

Token = tuple[str, str, int]  # word, part-of-speech tag, start offset


def _base_tokenizer() -> tuple[jieba.Tokenizer, dict[str, str]]:
    global _base
    with _lock:
        if _base is None:
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            tags = jieba.posseg.POSTokenizer(tokenizer).word_tag_tab
            _base = (tokenizer, tags)
        return _base


class Segmenter:
    """Part-of-speech segmentation with a set of user words (organisation names)."""

    def __init__(self, words: Iterable[tuple[str, str]] = ()) -> None:
        base, tags = _base_tokenizer()
        tokenizer = jieba.Tokenizer()
        tokenizer.FREQ = dict(base.FREQ)
        tokenizer.total = base.total
        tokenizer.initialized = True
        self._pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
        self._pos.tokenizer = tokenizer
        self._pos.word_tag_tab = dict(tags)
        for word, tag in words:
            if len(word) > 1 and " " not in word:
                tokenizer.add_word(word, freq=None, tag=tag)
        self._pos.makesure_userdict_loaded()

    def tokens(self, text: str) -> list[Token]:
        out: list[Token] = []
        offset = 0
        for pair in self._pos.cut(text, HMM=True):
            out.append((pair.word, pair.flag, offset))
            offset += len(pair.word)
        return out
