"""The kind of engagement and the roles of its partners, from cue words.

A paragraph is cut into sentences; a sentence that names at least one organisation
proposes one engagement. Its kind is given by the first cue word of the strongest
kind found in it (an agreement outranks a project, a project an event ...); with no
cue the kind is `project`, the commonest kind of cooperation in these reports.
Roles come from cue words right before or after an organisation's name.
"""

from __future__ import annotations

import re

from partnerships.ingest.extraction.senses import other_senses
from partnerships.ingest.extraction.speech import said_cooperation

# Kinds, strongest first, with their cue words in Chinese and English ("|" between).
_KIND_WORDS = [
    (
        "agreement",
        "谅解备忘录|意向书|协定|协议|签署|签订|合作框架|增编|"
        "memorandum of understanding|letter of intent|agreement|signed|mou|"
        "memorandum|exchange of notes|notes were|agreed to|agreed on|agreed upon|signing|"
        "inked",
    ),
    (
        "governance",
        "决议|决定|批准|选举产生|resolution|decision|approved|elected|endorse",
    ),
    ("commitment", "承诺|认捐|pledged|pledge|committed to"),
    (
        "publication",
        "编写|出版|发布|发表|报告|文件|知识产品|准则|指南|手册|白皮书|指数|"
        "prepared|published|produced|co-authored|guidelines|handbook|toolkit|"
        "policy guide|guidebook",
    ),
    (
        "network",
        "网络|工作队|工作组|咨询委员会|咨询小组|成员|联盟|"
        "network|task force|working group|advisory|member|alliance",
    ),
    (
        "event",
        "举办|举行|会议|论坛|讲习班|研讨会|培训|会外活动|启动|运动|组织了|会见|拜会|会谈|"
        "对话|安排|主办|承办|协办|出席|致辞|召开|这次活动|此次活动|本次活动|"
        "座谈|会晤|拜访|"
        "held|workshop|meeting|forum|conference|training|side event|seminar|"
        "launched|campaign|co-organi|attended|met with|meets with|visited|convened|"
        "present at",
    ),
    (
        "coordination",
        "协调机制|机构间|参与|参加了|协商|交流|"
        "coordinat|inter-agency|participated|consult|discussed",
    ),
    (
        "funding",
        "供资|资助|提供资金|捐助|捐赠|捐款|funded|financed|grant|funding|contribut|"
        "donat|financial assistance|financial support|earmarked|received|"
        "amounting to|assistance package|aid package|total amount of|receives|"
        "donor to|donors to|largest donor|donor countr",
    ),
    ("project", "项目|方案|推出|project|programme|initiative"),
]
KIND_CUES: list[tuple[str, tuple[str, ...]]] = [
    (kind, tuple(words.split("|"))) for kind, words in _KIND_WORDS
]

# Role cues: (role, cues before the name, cues after the name).
ROLE_CUES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "funder",
        (
            "funded by",
            "financed by",
            "funding from",
            "support from",
            "grant from",
            "contribution from",
            "contributions from",
            "support of",
        ),
        (
            "供资",
            "资助",
            "提供资金",
            "捐助",
            "出资",
            "将向",
            "捐赠",
            "捐款",
            "provided funding",
            "funded",
            "-funded",
            "funding",
            "is contributing",
            "contributed",
            "contributes",
            "has provided",
            "will provide",
            "provides",
            "has given",
            "donated",
            "will extend",
            "is also one of",
        ),
    ),
    (
        "implementer",
        ("implemented by", "carried out by"),
        ("执行", "实施", "implemented", "carried out"),
    ),
    ("co-chair", ("co-chaired by",), ("共同主持", "co-chaired", "co-chair")),
    ("chair", ("chaired by",), ("主持", "担任主席", "chaired", "chairs")),
    (
        "organiser",
        ("organized by", "organised by"),
        ("举办", "组织了", "organized", "organised"),
    ),
    ("host", ("hosted by",), ("主办", "承办", "hosted")),
    (
        "author",
        ("prepared by", "written by"),
        ("编写", "编制", "撰写", "prepared", "wrote"),
    ),
    ("lead", ("led by",), ("领导", "牵头", "发起", "led", "launched")),
    ("signatory", (), ("签署", "签订", "signed")),
    ("member", (), ("成员", "member", "members")),
]
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_EN_SENTENCE = re.compile(r".+?(?:[.;!?](?=\s+[A-Z(\"“])|$)", re.S)


# A full stop after a title or an abbreviation ends no sentence: "Mr. Yomi", "H.E. Mr."
_ABBREVIATION_END = re.compile(
    r"(?:^|[\s(])(?:Mr|Ms|Mrs|Messrs|Dr|Prof|H\.E|St|No|Nos|Jr|Sr|Amb|Rev|Hon)\.\s*$"
)


def sentences(text: str, lang: str) -> list[tuple[int, int]]:
    pattern = _EN_SENTENCE if lang != "zh" else _SENTENCE
    spans = [(m.start(), m.end()) for m in pattern.finditer(text) if m.group(0).strip()]
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if (
            out
            and lang != "zh"
            and _ABBREVIATION_END.search(text[out[-1][0] : out[-1][1]])
        ):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


# A partner whose name ends so is a network, task force or advisory body: the
# sentence tells of cooperation in it (全球土地工具网络, 区域工作队).
NETWORK_NAME_ENDS = tuple(
    "网络|网|工作队|工作组|咨询委员会|咨询小组|专家组|群组|联盟|Network|Task Force|"
    "Taskforce|Working Group|Advisory Board|Advisory Committee|Advisory Group|Alliance".split(
        "|"
    )
)


# What a title in quotation marks names, by its last word: “……报告” is a
# publication, “……项目” a project, “……对话” an event.
TITLE_ENDS = [
    (
        "publication",
        "报告|指南|准则|指数|手册|白皮书|战略|框架|Report|Guidelines|Index|Handbook",
    ),
    ("project", "项目|方案|倡议|举措|Project|Programme|Initiative"),
    (
        "event",
        "会议|论坛|讲习班|研讨会|对话|活动|运动|Forum|Conference|Workshop|Dialogue|Campaign",
    ),
]


_SELF_REFERENCE = re.compile(
    r"本报告|报告所述期间|报告期|the present report|this report"
)


_GIVEN_MONEY = re.compile(r"提供[^，。；、]{0,12}?(?:资金|捐款|赠款)")


def _has_cue(lower: str, cue: str) -> bool:
    """Chinese cues anywhere; English ones at the start of a word ("grant" is
    not in "migrant", "coordinat" is in "coordination")."""
    if not cue.isascii():
        return cue in lower
    return re.search(rf"(?<![a-z]){re.escape(cue)}", lower) is not None


def title_kinds(titles: list[str]) -> list[tuple[str, str]]:
    found = []
    for kind, words in TITLE_ENDS:
        title = next(
            (t for t in titles if t.rstrip().endswith(tuple(words.split("|")))), None
        )
        if title is not None:
            found.append((kind, f"“{title}”"))
    return found


def kinds_of(
    masked: str, names: list[str], titles: list[str] = ()
) -> list[tuple[str, str]]:
    """Every kind a cue of the sentence points to, strongest first, with the cue;
    `project` when none does. Names are masked first: 联盟 in 欧洲联盟 is no cue."""
    found = []
    # "This report" and "the reporting period" are not publications.
    lower = other_senses(_SELF_REFERENCE.sub("", masked.lower()))
    # Money given, its amount or its kind between: 提供5000万美元资金, 提供的最新资金.
    lower = _GIVEN_MONEY.sub("提供资金", lower)
    for kind, cues in KIND_CUES:
        cue = next((c for c in cues if _has_cue(lower, c)), None)
        if cue is None and kind == "network":
            cue = next((n for n in names if n.endswith(NETWORK_NAME_ENDS)), None)
        if cue is not None:
            found.append((kind, cue))
    for kind, cue in title_kinds(list(titles)):
        if kind not in {k for k, _ in found}:
            found.append((kind, cue))
    found = _pruned(found, names, lower)
    if not found and not _COOPERATION.search(lower):
        if said := said_cooperation(masked.lower()):
            return [("project", said)]  # "… this partnership with UNDP”, said X
        return []  # named side by side, not working together
    return found or [("project", "")]


_TALKS = ("举行", "会见", "会谈", "held", "meeting")
# Without a cue, organisations named in one sentence cooperate only where it says so.
_COOPERATION = re.compile(
    r"合作|协作|共同|联合|携手|一道|一起|协助|支持|伙伴|与|同|和|及|援助|帮助|提供|"
    r"\bwith\b|together|joint|partner|cooperat|collaborat|support|"
    # Two organisations as the subject of one verb: "X and the Y also confirmed".
    r"(?<!between )(?<!between the )(?<!□)□+\s*,?\s+and\s+(?:the\s+)?□"
)


def _pruned(
    found: list[tuple[str, str]], names: list[str], lower: str
) -> list[tuple[str, str]]:
    """The kinds a sentence tells, less those a more specific one includes."""
    if len(found) > 1 and found[-1] == ("project", "方案"):
        found = found[:-1]  # 方案 is a plan as often as a programme
    if len(found) > 1:
        # Taking part is how most cooperation is told; it is coordination only
        # when nothing more specific is.
        found = [f for f in found if f[0] != "coordination"] or found
    if len(found) > 1 and any(
        kind == "network" and cue in names for kind, cue in found
    ):
        found = [f for f in found if not (f[0] == "network" and f[1] in names)]
    kinds = {kind for kind, _ in found}
    if "agreement" in kinds:
        # Talks held to sign an agreement are part of it (举行会谈，并签署).
        found = [f for f in found if f[1] not in _TALKS]
    if "funding" in kinds and "project" in kinds and "projects" not in lower:
        # Money for a named project or programme is told on the project.
        found = [f for f in found if f[0] != "funding"]
    if [k for k, _ in found] == ["coordination"] and found[0][1] in _TAKING_PART:
        # Working together told outright: exchanges and taking part are what the
        # cooperation is about (开展…合作, 为…交流合作搭建平台), a project.
        if told := _WORKING_TOGETHER.search(lower):
            found = [("project", told.group(0))]
    return found


# Chinese only: in English "discussed the framework of cooperation" is coordination.
_TAKING_PART = ("参与", "参加了", "协商", "交流")
_WORKING_TOGETHER = re.compile(r"合作|协作|携手")


# "With X funding", "with Japan's support": X gives; "work with X" is no funding.
_MONEY_AFTER = re.compile(
    r"^(?:['’]s)?\s*(?:funding|support|financing|financial|contribution|grant|money)",
    re.IGNORECASE,
)
# Verbs of giving that give money only where money follows them.
_GIVES = ("provides", "has provided", "will provide", "has given", "will extend")
_MONEY_NEAR = re.compile(
    r"fund|financ|grant|contribut|support|donat|loan|money|budget|\$|€|£|¥|"
    r"\b(?:USD|EUR|US|GBP|JPY|CHF|million|billion)\b",
    re.IGNORECASE,
)
_SHORT_FORM_AFTER = re.compile(r"^\s*[（(][^（）()]{1,24}[）)]")


def role_of(sentence: str, start: int, end: int, window: int = 12) -> str:
    """The role of the organisation named at [start, end) of the sentence."""
    before = sentence[max(0, start - window * 2) : start].lower()
    # A short form in brackets after the name is skipped: "Sida) is contributing".
    rest = _SHORT_FORM_AFTER.sub("", sentence[end:], count=1)
    after = rest[: window + 4].lower()
    if before.rstrip().endswith("with") and _MONEY_AFTER.match(rest):
        return "funder"  # "with EU funding", "with Japan's support"
    for role, cues_before, cues_after in ROLE_CUES:
        if any(before.rstrip().endswith(cue) for cue in cues_before):
            return role
        cue = next(
            (c for c in cues_after if after.lstrip(" 由还也共同").startswith(c)), None
        )
        if cue is None:
            continue
        if cue in _GIVES and not _MONEY_NEAR.search(rest[:80]):
            continue  # "X provides solutions to ...": no money given
        return role
    return "partner"


# A project told in the plural beside another act is the work that act is for or
# about, not a project of its own: "signed an MoU to develop programmes", "received
# USD 230 million to implement projects", "building on their initiatives, they
# committed to ...". A project named in the singular is one ("a grant agreement to
# implement a one-year project").
_PLURAL_PROJECT = re.compile(r"\b(?:projects|programmes|programs|initiatives)\b")
_SINGULAR_PROJECT = re.compile(r"\b(?:project|programme|program|initiative)\b(?!s)")


# A project named as whose an event or a text is: "the final workshop of the X
# project", "a report of the Y programme".
_OWNING_PROJECT = re.compile(
    r"\b(?:workshop|meeting|conference|forum|seminar|session|event|report|"
    r"publication|guidelines|handbook)s?\s+(?:of|under|for)\s+the\s+[^,.;]{0,80}?"
    r"\b(?:project|programme|program|initiative)\b"
)


def one_act(
    found: list[tuple[str, str]], masked: str, *, money: bool
) -> list[tuple[str, str]]:
    """English: the kinds of one act, one per act where the cue words tell one
    (docs/ingest.md, "Clauses"). Funding and a project told together are funding
    where money is told (the money is the act), else the project (funded by X, the
    project is what X and the others do). A project in the plural beside another
    kind is what that act is for."""
    kinds = {kind for kind, _ in found}
    lower = other_senses(masked.lower())
    if "funding" in kinds and "project" in kinds:
        drop = "project" if money else "funding"
        return [f for f in found if f[0] != drop]
    if len(kinds - {"project", "coordination"}) >= 1 and "project" in kinds:
        plural = _PLURAL_PROJECT.search(lower) and not _SINGULAR_PROJECT.search(lower)
        if plural or _OWNING_PROJECT.search(lower):
            return [f for f in found if f[0] != "project"]
    return found
