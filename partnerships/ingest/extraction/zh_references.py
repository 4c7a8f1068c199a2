"""Chinese back-references: words that name an organisation named before.

- 该署, 本署, 我署, 该组织, 该中心, 该委员会, 该基金会 … (这一中心, 此机构): the last
  organisation named whose name ends in that word, in this paragraph or the one
  before; 该机构, 上述机构, 这一机构: the last organisation named there.
- 我省, 本省, 我市, 本市, 我区: the province's or city's government the page named
  last (青海省政府 … 我省).
- 我们, 我方: the organisation of the one speaking in the sentence (an organisation
  named before a title and a verb of saying: 开发署驻华代表处主任王东表示), else the
  last one speaking before; with no speaker, nobody.
- 双方: the two organisations of the last sentence naming two or more (measured and
  not kept: see docs/ingest.md, "Chinese"; `BOTH_SIDES` turns it on). The parties
  of an engagement, not a mention, it is read in `both_sides.py`.

Only names written before the back-reference are referred to; a back-reference
never refers to another back-reference's words, only to the organisation they name.
"""

from __future__ import annotations

import re

from partnerships.ingest.extraction.mention import M, Named, last_named

BOTH_SIDES = False

_HEADS = (
    "署|组织|中心|委员会|理事会|基金会|协会|大学|公司|银行|集团|办事处|代表处|联盟|网络"
)
_BY_HEAD = re.compile(
    rf"(?:该|本|我|此|这一)({_HEADS})(?![\u4e00-\u9fff]{{0,1}}(?:期间|年|的工作人员))"
)
_ANY = re.compile(r"(?:该|此|这一|上述)机构")
# 我部, 该局, 我厅: a ministry, bureau or department (本部 is a headquarters).
_BODY = re.compile(r"(?:我|该)(部|局|厅)(?![\u4e00-\u9fff]{0,1}(?:长|门|分|署))")
_PLACE = re.compile(
    r"(?:我|本|全)(省|市|区|州|县)(?!委|长|级)|"
    # 副省长 with no province named: the province the page is about.
    r"(?:(?<=[、，,：:\s])|(?<=[、，,：:\s]副))(省)(?=长)"
)
_WE = re.compile(r"我们|我方")
_BOTH = re.compile(r"(?<![\u4e00-\u9fff]{2})双方")
# A speaker: an organisation, then (within 20 characters, no sentence end) a title
# and a verb of saying.
_TITLE = (
    "主任|副主任|署长|副署长|代表|部长|副部长|局长|副局长|主席|负责人|大使|市长|"
    "副市长|省长|副省长|总裁|秘书长|执行主任|司长|官员|发言人"
)
_SAID = re.compile(
    rf"^[^。！？；]{{0,12}}?(?:{_TITLE})[^。！？；]{{0,8}}?(?:表示|说|指出|强调|认为|介绍)"
)
_SENTENCE = re.compile(r"[^。！？]+[。！？]?")


class ZhReferences:
    """Remembers, through a document, what Chinese back-references may name."""

    def __init__(self) -> None:
        self.recent: list[list[Named]] = []  # names of the last two paragraphs
        self.places: list[Named] = []  # provinces' and cities' governments named
        self.speaker: Named | None = None
        self.pair: list[Named] = []  # the parties of the last sentence naming two

    def find(self, text: str, named: list[M]) -> list[tuple[int, int, M]]:
        """(start, end, referent) of each back-reference of the paragraph; `named`
        are the paragraph's mentions that are names, not references."""
        named = sorted(named, key=lambda m: m.start)
        out: list[tuple[int, int, M]] = []
        earlier = [m for paragraph in self.recent[-1:] for m in paragraph]
        for match in [*_BY_HEAD.finditer(text), *_BODY.finditer(text)]:
            head = match.group(1)
            target = last_named(
                earlier, named, match.start(), lambda m, h=head: _ends(m, h)
            )
            if target is not None:
                out.append((match.start(), match.end(), target))
        for match in _ANY.finditer(text):
            target = last_named(
                earlier, named, match.start(), lambda m: m.method != "government"
            )
            if target is not None:
                out.append((match.start(), match.end(), target))
        for match in _PLACE.finditer(text):
            kind = "省" if "省" in (match.group(1), match.group(2)) else "市"
            target = last_named(
                self.places, named, match.start(), lambda m, k=kind: _is_place(m, k)
            )
            if target is not None:
                start, end = match.span() if match.group(1) else match.span(2)
                out.append((start, end, target))
        out += self._we(text, named)
        if BOTH_SIDES:
            out += self._both(text, named)
        self._remember(text, named)
        return out

    def _we(self, text: str, named: list[M]) -> list[tuple[int, int, M]]:
        out = []
        for s_start, s_end in ((m.start(), m.end()) for m in _SENTENCE.finditer(text)):
            speakers = [
                m
                for m in named
                if s_start <= m.start < s_end and _SAID.match(text[m.end : s_end])
            ]
            speaker = speakers[-1] if speakers else self.speaker
            for match in _WE.finditer(text, s_start, s_end):
                if speaker is not None:
                    out.append((match.start(), match.end(), speaker))
            if speakers:
                self.speaker = speakers[-1]
        return out

    def _both(self, text: str, named: list[M]) -> list[tuple[int, int, M]]:
        out = []
        for s_start, s_end in ((m.start(), m.end()) for m in _SENTENCE.finditer(text)):
            inside = _distinct([m for m in named if s_start <= m.start < s_end])
            for match in _BOTH.finditer(text, s_start, s_end):
                if len(inside) < 2:
                    out += [(match.start(), match.end(), m) for m in self.pair]
            if len(inside) >= 2:
                self.pair = inside[-2:]
        return out

    def _remember(self, text: str, named: list[Named]) -> None:
        self.recent = [*self.recent[-1:], named]
        self.places += [m for m in named if _is_place(m, "省") or _is_place(m, "市")]


def _ends(mention: Named, head: str) -> bool:
    return mention.text.rstrip("）)").endswith(head)


_PROVINCE = re.compile(r"省(?:人民)?政府$|省$")
_CITY = re.compile(r"市(?:人民)?政府$|市$")


def _is_place(mention: Named, kind: str) -> bool:
    pattern = _PROVINCE if kind == "省" else _CITY
    return bool(pattern.search(mention.text))


def _distinct(mentions: list[M]) -> list[M]:
    seen: dict[str, M] = {}
    for mention in mentions:
        seen.setdefault(mention.text, mention)
    return list(seen.values())
