"""Chinese bodies named by a short form (docs/ingest.md, "Eighth batch").

- An organisation's office in China named alone, as a page names it after its
  organisation (驻华代表处, 驻华办事处, 驻华代表团): the office of the organisation
  named right before it, else of the last organisation named before, in the
  paragraph or earlier in the document (粮农组织… 驻华代表处见证了…). The parent is no
  government and no body of another (大会, 理事会 …). Governing bodies named alone
  (执行局, 主席团) were tried and not kept: they are named most often as the parts
  of a structure (由人居大会、执行局和常驻代表委员会组成), where they cooperate with
  nobody, and the seed's engagements fell (docs/ingest.md, "Eighth batch").
- China's national bodies by their everyday short names before an official's title:
  人大副委员长 (全国人大), 妇联主席 (全国妇联), 政协主席 (全国政协); the full names
  are in the reference data (`data/ingest/zh_government_bodies.csv`).
- A ministry named by its portfolio alone, with no proper name (农业农村部,
  住房和城乡建设部), at the start of a clause and acting: before 与, 和, 同, 签署,
  表示 or its minister's title (农业农村部与世界粮食计划署…, 农业农村部副部长…).
  jieba cuts such names into nouns (农业 | 农村部), and a name ending in a
  one-character organisation word needs a proper name elsewhere (chinese.py).
- 省委, 市委 before an official's title with no place before them (省委书记,
  省委副书记): the party committee of the province or city the page named before
  (青海省政府 … 省委书记 → 青海省委).
"""

from __future__ import annotations

import re

from partnerships.ingest.extraction.mention import Mention

_BOUNDARY = r"(?:^|(?<=[，,。；;：:、（(“\s个的和与及由其该\d]))"
_UNIT = re.compile(r"(?:驻华代表处|驻华办事处|驻华代表团)")
_UNIT_ALONE = re.compile(_BOUNDARY + r"(驻华代表处|驻华办事处|驻华代表团)")
_NATIONAL = {"人大": "全国人大", "妇联": "全国妇联", "政协": "全国政协"}
_NATIONAL_TITLED = re.compile(
    r"(?:^|(?<=[，,。；;：:、（(“\s]))(人大|妇联|政协)(?=副?(?:委员长|主席))"
)
_COMMITTEE = re.compile(
    r"(?:^|(?<=[，,。；;：:、（(“\s]))([省市])委(?=副?(?:书记|常委))"
)
_MINISTRY = re.compile(
    r"(?:^|(?<=[，,。；;：:、（(“\s日]))([\u4e00-\u9fff]{2,10}?部)"
    r"(?=与|和|同|签署|签订|表示|副?部长)"
)
_NOT_MINISTRY = re.compile(r"(?:总|东|西|南|北|中|全|内|外|局|干|本|乐)部$|[的了在是]")
_BODY_ENDS = ("大会", "理事会", "执行局", "主席团", "委员会")
_PLACE_GOVERNMENT = {
    "省": re.compile(r"^(.+省)(?:人民)?政府$"),
    "市": re.compile(r"^(.+市)(?:人民)?政府$"),
}


def _root(mention: Mention) -> Mention:
    while mention.alias_of is not None:
        mention = mention.alias_of
    return mention


def _free(start: int, end: int, mentions: list[Mention]) -> bool:
    return all(end <= m.start or m.end <= start for m in mentions)


class ZhUnits:
    """Remembers, through a document, the organisations a unit may belong to."""

    def __init__(self) -> None:
        self.named: list[Mention] = []

    def find(self, text: str, mentions: list[Mention], lookup) -> list[Mention]:
        """Mentions of the paragraph's units and short-named bodies; `lookup(name)`
        gives the reference data's entries of a name."""
        found: list[Mention] = []
        for match in _UNIT_ALONE.finditer(text):
            start, end = match.span(1)
            if not _free(start, end, mentions + found):
                continue
            parent = self._parent(start, mentions)
            if parent is None:
                continue
            unit = Mention(start, end, text[start:end], "pattern")
            root = _root(parent)
            unit.parent = min(root.keys, default="")
            unit.alias_of = Mention(start, end, root.text + unit.text, "pattern")
            found.append(unit)
        for match in _NATIONAL_TITLED.finditer(text):
            start, end = match.span(1)
            entries = tuple(lookup(_NATIONAL[match.group(1)]))
            if entries and _free(start, end, mentions + found):
                found.append(Mention(start, end, match.group(1), "gazetteer", entries))
        for match in _COMMITTEE.finditer(text):
            start, end = match.start(1), match.end(1) + 1
            place = self._place(match.group(1), start, mentions)
            if place and _free(start, end, mentions + found):
                committee = Mention(start, end, text[start:end], "pattern")
                committee.alias_of = Mention(start, end, place + "委", "pattern")
                found.append(committee)
        for match in _MINISTRY.finditer(text):
            start, end = match.span(1)
            name = match.group(1)
            if not _NOT_MINISTRY.search(name) and _free(start, end, mentions + found):
                found.append(Mention(start, end, name, "pattern"))
        self.named += [m for m in mentions if m.method != "reference"]
        return found

    def _parent(self, start: int, mentions: list[Mention]) -> Mention | None:
        before = [m for m in mentions if m.end <= start]
        if before and before[-1].end == start and not _UNIT.search(before[-1].text):
            return before[-1]  # 大会主席团
        for mention in reversed(self.named + before):
            name = _root(mention).text
            if mention.method != "government" and not name.endswith(_BODY_ENDS):
                return mention
        return None

    def _place(self, kind: str, start: int, mentions: list[Mention]) -> str:
        pattern = _PLACE_GOVERNMENT[kind]
        before = [m for m in mentions if m.end <= start]
        for mention in reversed(self.named + before):
            if found := pattern.match(_root(mention).text):
                return found.group(1)
        return ""
