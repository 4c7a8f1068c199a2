"""What the words around a name say about it: mentions a careful reader would not take
for an organisation, and back-references ("the Office", 大会) to one named before.

Not an organisation:

- the United Nations as a frame rather than an actor ("the United Nations system",
  联合国机构, 联合国可持续发展目标);
- a job title that names no organisation ("Under-Secretary-General", "Assistant
  Secretary-General");
- a person's name in Latin letters in Chinese text (after 顾问, 主任, 省长 ..., or
  before 先生, 女士), a place's or person's name in brackets (伊图利省(Ituri));
- the publisher in a dateline (新华社内罗毕6月9日电, （记者 ...）), words of an address
  (www.example.org);
- an event told by its edition (第五届 ... 大会, the 9th World Urban Forum);
- a body introduced as one of a kind (一个政府间专家工作组);
- a programme, plan, agenda or initiative named like an organisation, when no known
  organisation has that name.
"""

from __future__ import annotations

import re

_UN_FRAME_EN = re.compile(
    r"^(?:’s|'s|’|')|^\s*(?:system|agencies|agency|entities|entity|bodies|Member States|"
    r"member States|headquarters|Headquarters|family|Charter|Day|country team|80|"
    r"Sustainable|Millennium|Conference|General|Secretary|Office|Development|"
    r"Human|Children|Environment|Population|High|program|programme|programmes|"
    r"official|officials|reform|staff|partners?|Compound|compound|"
    r"Under-Secretary-General|Assistant|Deputy|Resident|Special)\b"
)
_UN_FRAME_ZH = re.compile(
    r"^(?:系统|机构|实体|各|会员国|可持续发展|千年|大家庭|宪章|总部|日|成员国|会议|"
    r"大会|秘书长|人居|开发|环境|儿童|人口|难民|粮食)"
)
_JOB_BEFORE_SG = re.compile(r"(?i)(?:under|assistant|deputy)[\s-]*$|[副助理]$")
_ZH_PERSON_BEFORE = re.compile(
    r"(?:顾问|主任|负责人|总干事|主持人|省长|市长|大使|部长|先生|女士|博士|记者|"
    r"执行主任|代表|主席|秘书长)\s*$"
)
_ZH_PERSON_AFTER = re.compile(r"^\s*(?:先生|女士|博士|主持|表示|说|指出)")
_BRACKETED_AFTER_NAME = re.compile(r"(?:·[\u4e00-\u9fff]+|[省市州县区国])[（(]\s*$")
_DATELINE = re.compile(
    r"新华社[^。，,]{0,20}?电|[（(]记者[^）)]*[）)]|"
    # "福州新闻网10月31日讯", "中国金融信息网讯", "经济日报-中国经济网5月29日讯": a
    # news site's byline.
    r"^(?:[\u4e00-\u9fff]{2,10}[-－—])?[\u4e00-\u9fff]{2,10}(?:网|社|报|台)"
    r"(?:\d{1,2}月\d{1,2}日)?讯|"
    # "(越通社-VNA)", "（新华社电 记者…）" at a paragraph's end: its source.
    r"[（(][\u4e00-\u9fff]{1,8}(?:社|网|报|台)电?(?:[-－][A-Za-z]{2,8})?[^（）()]{0,20}"
    r"[）)]\s*$"
)
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:org|com|net|int|gov)\b\S*")
_EDITION = re.compile(
    r"(?:第\s*[\d一二三四五六七八九十百]+\s*[届次]\s*|"
    r"\b(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|"
    r"Eighth|Ninth|Tenth|Eleventh|Twelfth)\s+"
    r"(?:(?:session|edition|meeting)\s+of\s+(?:the\s+)?)?)$"
)
# "Goal 11 on Sustainable Cities and Communities": the title of a goal.
_GOAL_BEFORE = re.compile(r"(?:Goal|SDG)\s*\d*\s*(?:on\s+)?$")
_EVENT_WORDS = (
    "论坛",
    "峰会",
    "会议",
    "联盟大会",
    "Forum",
    "Summit",
    "Conference",
    "Congress",
    "Session",
)
# An event's name by its edition: what it names inside is no party.
_ZH_EVENT_NAME = re.compile(
    r"第\s*[\d一二三四五六七八九十百]+\s*届[^，。；、“”《》（）()]{2,30}?"
    r"(?:洽谈会|博览会|交易会|展览会|论坛|峰会|大会|研讨会|会议)"
)
_CONFERENCE = re.compile(r"第\s*[\d一二三四五六七八九十]+\s*次\s*$")
_INDEFINITE = re.compile(r"(?:一个|一项|一家|一所|一支|一批|一些)$")
_PROGRAMME_WORDS = {
    "Programme",
    "Program",
    "Programmes",
    "Plan",
    "Agenda",
    "Initiative",
    "Campaign",
    "Strategy",
    "Framework",
    "Project",
    "Declaration",
    "Report",
    # "the Country Programme Document": a text signed, not a party signing.
    "Document",
    "Policy",
    "Roadmap",
    "Award",
    "Fund",
}
_FUND_CONTEXT = re.compile(r"(?:to|towards|under|from|into)\s+the\s+$")
_TITLE_END = re.compile(r"^》")
# "the City RAP programme": the name of a programme, not of an organisation.
_PROGRAMME_AFTER = re.compile(
    r"^[”\"’']?\s+(?:programme|program|project|initiative|plan|campaign|strategy|"
    r"framework|approach|platform)s?\b"
)
# "Small Islands Developing States", "Least Developed Countries": groups of countries.
_HEAD_WORDS = re.compile(r"\b(?:Office|Centre|Center|Commission|Bank|Fund|League)\b")
_GROUP_OF_COUNTRIES = re.compile(r"\b(?:States|Countries|Nations)\)?$")


def _inside(pattern: re.Pattern[str], text: str, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in pattern.finditer(text))


_UN_AUTHOR_OF = re.compile(
    r"(?:Declaration|Charter|Convention|Report|Agenda|Goals?)\s+of\s+the\s+$"
)
_UN_ACTOR_ZH = re.compile(
    r"^(?:将|已|也|还|与|和|同|宣布|签署|通过|决定|支持|呼吁|表示|在|的|正|于|"
    r"副秘书长|助理秘书长|"
    r"[，。；：、,;:）)]|$)"
)


def un_as_frame(text: str, start: int, end: int, lang: str) -> bool:
    """联合国 names the Organization only where it acts (联合国将, 联合国与);
    before a noun (联合国系统, 联合国各实体) it is the frame of something else."""
    after = text[end:]
    if _UN_AUTHOR_OF.search(text[:start]):
        return True  # "the Millennium Declaration of the United Nations"
    if lang == "zh":
        return not _UN_ACTOR_ZH.match(after)
    return bool(_UN_FRAME_EN.match(after))


# The agency's own funds, which are accounts, not organisations (the Foundation set
# up by General Assembly resolution 3327 (XXIX), its trust funds, 信托基金).
_INSTRUMENT = re.compile(
    r"(?:Habitat and Human Settlements Foundation|Trust Fund|信托基金|人居署基金会|人居基金会|"
    r"人类住区基金会)$"
)


def not_an_organisation(
    text: str, start: int, end: int, *, known: bool, keys: set[str]
) -> bool:
    """True when the words around text[start:end] say it is no organisation."""
    if _frame_or_occasion(text, start, end, keys):
        return True
    if _INSTRUMENT.search(text[start:end]):
        return True
    if known:
        return False
    before, name = text[:start], text[start:end]
    if name.isascii() and _lang(text) == "zh" and _person(text, start, end):
        return True
    if _PROGRAMME_AFTER.match(text[end:]) or _GOAL_BEFORE.search(before):
        return True
    if _GROUP_OF_COUNTRIES.search(name) and not _HEAD_WORDS.search(name):
        return True  # "Small Islands Developing States", not "... for Arab States"
    return _programme(name, before)


def _frame_or_occasion(text: str, start: int, end: int, keys: set[str]) -> bool:
    """Known names too: the UN as a frame, a job title, a dateline or an address,
    an edition of an event, a body of a kind, a title of a text."""
    before, name = text[:start], text[start:end]
    if ("UN" in keys and un_as_frame(text, start, end, _lang(name))) or (
        "UNSG" in keys and _JOB_BEFORE_SG.search(before)
    ):
        return True
    if _inside(_DATELINE, text, start, end) or _inside(_ADDRESS, text, start, end):
        return True
    if name.endswith(_EVENT_WORDS) and _EDITION.search(before):
        return True
    if any(m.start() < start and end < m.end() for m in _ZH_EVENT_NAME.finditer(text)):
        return True  # 第十五届中国—欧盟投资贸易科技合作洽谈会: within an event's name
    if name.endswith("大会") and _CONFERENCE.search(before):
        return True  # 第二次联合国人居大会: the conference, not the assembly
    # 一个专家工作组: one of a kind; 《移民问题全球契约》: the title of a text.
    return bool(_INDEFINITE.search(before)) or (
        bool(_TITLE_END.match(text[end:])) and "《" in before[-40:]
    )


def _person(text: str, start: int, end: int) -> bool:
    before, after = text[:start], text[end:]
    return bool(
        _ZH_PERSON_BEFORE.search(before)
        or _ZH_PERSON_AFTER.match(after)
        or _BRACKETED_AFTER_NAME.search(before)
    )


def _programme(name: str, before: str) -> bool:
    """A programme, plan, fund ... by its head word: "Singapore's Sustainable
    Development Programme", but not "the Brussels Office of the ... Programme"."""
    words = re.split(r"\s+(?:of|for|on|to)\s+", name, maxsplit=1)[0].split()
    if not words or words[-1] not in _PROGRAMME_WORDS:
        return False
    if name.startswith(("United Nations ", "UN ")):
        return False  # a programme of the United Nations is an organisation
    if words[-1] == "Fund":
        return bool(_FUND_CONTEXT.search(before))  # contributions to the X Fund
    return True


# Head words of a text (signed, published, adopted), never of a body: a short form
# defined for such a name names no organisation later in the document either.
_TEXT_WORDS = {"Document", "Report", "Declaration", "Policy", "Roadmap", "Strategy"}


def names_a_text(name: str) -> bool:
    words = re.split(r"\s+(?:of|for|on|to)\s+", name, maxsplit=1)[0].split()
    return bool(words) and words[-1] in _TEXT_WORDS


def _lang(text: str) -> str:
    return "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en"


# Back-references: "the Office" after "the Brussels Office of ...", 大会 after
# 联合国人居大会. The head is the name's organisation word before "of"/"for" in
# English, its last organisation word in Chinese.
EN_HEADS = (
    "Office Centre Center Commission Council Assembly Bank Agency Programme Fund "
    "Committee Secretariat Foundation Organization Organisation Institute Ministry "
    "Alliance Network Board Bureau Federation Union Department Embassy Mission"
).split()
ZH_HEADS = ("大会", "理事会", "执行局")
# A bare head word refers back only where a word may start: 本届大会, 由理事会.
_ZH_HEAD_BEFORE = re.compile(
    r"(?:^|[，。；：、,;:（(“\s]|本届|该|本|此次|由|向|和|与|在|经|即)$"
)


def head_of(name: str, lang: str) -> str | None:
    if lang == "zh":
        return next((h for h in ZH_HEADS if name.endswith(h)), None)
    words = re.split(r"\s+(?:of|for|on|to)\s+", name, maxsplit=1)[0].split()
    return next((w for w in reversed(words) if w in EN_HEADS), None)


_ZH_TIME_AFTER = re.compile(r"^(?:期间|之际|前|后|上)")
# 大会第73/239号决议: the General Assembly, not the assembly named before.
_ZH_RESOLUTION_AFTER = re.compile(r"^\s*第?\s*\d+\s*/\s*\d+")


def general_assembly_resolutions(text: str) -> list[tuple[int, int]]:
    """Spans of 大会 in 大会第56/206号决议."""
    return [
        (m.start(), m.start() + 2)
        for m in re.finditer(
            r"(?<![\u4e00-\u9fff])大会(?=\s*第?\s*\d+\s*/\s*\d+)", text
        )
    ]


def back_references(
    text: str, heads: dict[str, str], lang: str
) -> list[tuple[int, int, str]]:
    """(start, end, head) of each back-reference to a head named before."""
    out = []
    for head in sorted(heads, key=len, reverse=True):
        if lang == "zh":
            pattern = re.escape(head)
        else:
            pattern = rf"(?<=\b[Tt]he ){re.escape(head)}\b(?!\s+(?:of|for|on)\b)"
            pattern += r"(?!\s+[A-Z])"
        for match in re.finditer(pattern, text):
            if lang == "zh" and (
                _ZH_TIME_AFTER.match(text[match.end() :])
                or (
                    head == "大会" and not _ZH_HEAD_BEFORE.search(text[: match.start()])
                )
                or _ZH_RESOLUTION_AFTER.match(text[match.end() :])
            ):
                continue
            out.append((match.start(), match.end(), head))
    return out
