"""Names of organisations in Chinese text, found by their form.

jieba segments the text with parts of speech. A word ending in an organisation word
(协会, 基金会, 组织, 委员会, 大学, 市, 县 ...) ends a name, which extends leftwards
over nouns, place and proper names, Latin words and 和/与/及 between nouns. Also
names: words jieba tags as organisations, names in quotation marks ending in an
organisation word, runs of Latin words, the partner in "与 X 合作".
"""

from __future__ import annotations

import re
from collections.abc import Callable

from partnerships.core.scripts import is_han
from partnerships.ingest.extraction.segment import Token
from partnerships.ingest.extraction.zh_kinds import zh_event_or_publication
from partnerships.ingest.extraction.zh_titled import titled_bodies, without_deputy

# Organisation words that end a Chinese name, longest first where one ends another.
ZH_SUFFIXES = (
    "基金会 联合会 组委会 委员会 理事会 协会 学会 组织 大学 学院 研究所 研究院 公司 集团 "
    "中心 网络 联盟 运动 办事处 秘书处 市政府 政府 银行 基金 工作队 工作组 小组 "
    "专家组 平台 机构 企业 管理局 发展局 局 署 部 厅 司 处 市 县 郡 网 群组 市政联盟 大会 "
    "特使 红十字会"
).split()
# One-character words also end everyday words (城市, 内部): a name ending in one
# needs a proper name (place, person, organisation, Latin word) before it.
_WEAK_SUFFIXES = {"局", "署", "部", "厅", "司", "处", "市", "县", "郡", "网"}
# Parts of speech that may stand inside a Chinese name (jieba's tag set).
_NAME_TAGS = set("n nr nrt ns nt nz ng j eng vn b l s a t".split())
# Words that make no name on their own: 国家和地方政府, 区域工作队, 咨询委员会.
ZH_GENERIC_WORDS = set(
    "国家 地方 中央 区域 地区 次区域 民间 社会 私营 部门 城市 所有 各级 实体 伙伴 "
    "合作 合作伙伴 利益攸关方 咨询 指导 在线 开放式 数据 问题 主要 当局 政府 "
    "组织 机构 国家级 市级 专家 技术 管理 发展 项目 方案 理事 常设 执行 区域性 南部 北部 "
    "东部 西部 多边 双边 金融 基层 学术界 专门 其他 有关 相关 全球性 国际性 "
    "最高 决策 全体 开幕式 闭幕式 大会 会议".split()
)
# Tags of words that are names in themselves (伊德斯网), unlike 城市 ("ns").
_NAME_WORD_TAGS = {"nt", "nz", "nr", "nrt"}
_PROPER_TAGS = {"nr", "nrt", "ns", "nt", "nz", "eng", "j"}
_JOINERS = {"和", "与", "及"}
# Names that are kinds of actor, not organisations ("civil-society organisations").
ZH_GENERIC = set(
    "民间社会组织 非政府组织 社会组织 地方政府 国家政府 各国政府 政府间组织 基层组织 "
    "青年组织 妇女组织 社区组织 合作伙伴 伙伴组织 国际组织 区域组织 私营部门 联合国系统 "
    "专门机构 有关机构 其他机构 地方当局 会员国 国家 机构 组织 部门 政府 中心 城市 "
    "工作组 工作队 小组 网络 平台 公司 企业 银行 基金 委员会 理事会 秘书处 办事处 "
    "区域委员会 经济委员会 联合国实体 城市政府 市政府 金融机构 发展机构 研究机构 "
    "学术机构 大学 学院 协会 联盟 运动 区域经济委员会 联合国系统 大会 论坛 特使 "
    "联合国 非政府 联合国实体 联合国机构 国际社会 国家统计局 统计局 水电公司 私营部门组织 "
    "妇女和青年组织 政府间机构 协调中心 中央政府 省政府 州政府 公民社会组织 妇女团体 "
    "青年团体 治理机构 各级政府 联合国各机构 全体大会 全体会议 最高决策机构 "
    "投资银行 全球网络 合作平台".split()
)
_GENERIC_HEADS = tuple(
    "其他 各 这些 该 有关 相关 许多 一些 多个 两个 本 所有 包括 领导 研究 项目 若干 下列 "
    "以下 不同 重要 主要".split()
)

_QUOTED = re.compile(r"“([^”“]{2,30})”")


def zh_name_end(word: str) -> str | None:
    return next((s for s in ZH_SUFFIXES if word.endswith(s)), None)


def _name_tag(word: str, tag: str) -> bool:
    if tag == "eng":
        return word[:1].isupper()  # "and", "kwa": not the start of a name
    return tag in _NAME_TAGS or tag.startswith("n") or word == "间"


def _extends(tokens: list[Token], cursor: int, first: int, index: int) -> bool:
    """Whether the name ending at `index`, now starting at `first`, takes in the
    token at `cursor` before it."""
    w, tag, _ = tokens[cursor]
    prev = tokens[cursor - 1] if cursor > 0 else ("", "x", 0)
    if w in _STOP_VERBS or w in _PREPOSITIONS or any(c.isdigit() for c in w):
        return False
    if len(w) == 1 and w in _WEAK_SUFFIXES:
        return False  # 内罗毕郡郡长: the name ended at the first 郡
    if w == "代表" and cursor + 1 < index and tokens[cursor + 1][1] == "nt":
        return False  # 先生代表中国政府: representing, not a word of the name
    if _is_title(w) or (tag in ("nr", "nrt") and _is_title(prev[0])):
        return (
            False  # 商务部副部长易小准及联合国开发计划署驻华代表处: a title, a person
        )
    if (_name_tag(w, tag) and w not in _GENERIC_HEADS) or (tag == "v" and len(w) == 2):
        return True
    if w in (" ", "&"):
        return prev[1] == "eng" or prev[0] in (" ", "&")
    return (
        w in _JOINERS
        and _name_tag(*prev[:2])
        and not ends_name(prev[0])
        and first < index
    )


def _extend_left(tokens: list[Token], index: int) -> tuple[int, bool]:
    """The first token of the name ending at `index`, and whether it holds a proper
    name. A verb inside a name needs a proper name before it (瑞典国际开发合作署,
    Bimkom 规划者争取规划权利组织); a name starts with a verb only after a list
    separator (、支持阿勒颇协会)."""
    first = index
    while first > 0 and _extends(tokens, first - 1, first, index):
        first -= 1
    for position in range(first, index):
        w, tag, _ = tokens[position]
        if tag == "v" and not any(t[1] in _PROPER_TAGS for t in tokens[first:position]):
            if position > first or _before(tokens, first) not in _LIST_BOUNDARIES:
                first = position + 1
    while first < index and tokens[first][0] in _JOINERS | {" ", "&"}:
        first += 1
    proper = any(t[1] in _PROPER_TAGS for t in tokens[first:index])
    return first, proper


def _before(tokens: list[Token], first: int) -> str:
    return tokens[first - 1][0] if first > 0 else ""


# Job titles, which no name holds: a name ends after the one before them and the
# next starts after the person named after them.
_ZH_TITLES = set(
    "部长 副部长 局长 副局长 署长 副署长 司长 副司长 厅长 处长 主任 副主任 执行主任 "
    "代理主任 主席 副主席 委员长 副委员长 省长 市长 县长 大使 总裁 副总裁 董事长 院长 "
    "校长 书记 顾问 理事长 总经理 经理 总干事 先生 女士 博士 教授".split()
)


def _is_title(word: str) -> bool:
    """A job title or honorific, also with a prefix jieba kept on it (代市长)."""
    return word in _ZH_TITLES or (
        len(word) > 2 and word[-2:] in _ZH_TITLES and not ends_name(word)
    )


# One-character prepositions jieba may tag as nouns (经 in 经理事会批准).
_PREPOSITIONS = set("经 由 向 据 被 对 自 从".split())
_LIST_BOUNDARIES = {"、", "（", "“", "和", "与", "及", "包括"}
_STOP_VERBS = set(
    "包括 参与 继续 推动 帮助 领导 建立 创建 作为 设立 通过 加强 支助 协助 促使 鼓励 "
    "邀请 呼吁 成立 召集 组成 举办 举行 发布 编写 签署 执行 实施 提供 宣布 推出 启动 "
    "会见 表示 感谢 搭建 打造 构建 致力于 团结".split()
)


def ends_name(word: str) -> bool:
    suffix = zh_name_end(word)
    return suffix is not None and not (suffix in _WEAK_SUFFIXES and len(word) == 2)


def _zh_candidates(tokens: list[Token]) -> list[tuple[int, int, bool]]:
    """(start, end, has a proper name) of names ending in an organisation word."""
    out: list[tuple[int, int, bool]] = []
    for index, (word, tag, start) in enumerate(tokens):
        suffix = zh_name_end(word)
        if suffix is None:
            continue
        if suffix in _WEAK_SUFFIXES and len(word) == 2 and tag not in _NAME_WORD_TAGS:
            continue  # 城市, 当局, 内部: everyday words
        if index + 1 < len(tokens) and tokens[index + 1][0] in ("了", "过", "着"):
            continue  # 组织了: a verb
        first, proper = _extend_left(tokens, index)
        proper = proper or tag in _PROPER_TAGS or _titled(tokens, index)
        if suffix in _WEAK_SUFFIXES and (
            not proper or (first == index and tag != "nt")
        ):
            continue
        words = [t[0] for t in tokens[first:index]]
        if word != suffix:
            words.append(word[: -len(suffix)])
        if all(w in ZH_GENERIC_WORDS or w in _JOINERS for w in words):
            continue
        out.append((tokens[first][2], start + len(word), proper))
    for word, tag, start in tokens:
        # jieba tags names of organisations it knows (非洲开发银行) "nt"; at four
        # characters or more (measured: docs/ingest.md, "Fourth batch").
        if tag == "nt" and len(word) >= 4 and word not in ZH_GENERIC:
            out.append((start, start + len(word), True))
    return _longest(out)


# A job title right after a name ending in 部, 局, 署 ... says it is a body:
# 住房城乡建设部副部长.
_TITLES_AFTER = (
    "部长",
    "副部长",
    "局长",
    "副局长",
    "署长",
    "司长",
    "厅长",
    "处长",
    "党组书记",
    "主任",
    "副主任",
    "执行主任",
    "省长",
    "市长",
    "县长",
)


def _titled(tokens: list[Token], index: int) -> bool:
    after = "".join(t[0] for t in tokens[index + 1 : index + 3])
    return after.startswith(_TITLES_AFTER)


def _ministers_of(
    text: str, known: Callable[[str], bool]
) -> list[tuple[int, int, bool]]:
    """肯尼亚环境部长: the ministry of a country (肯尼亚环境部), named by its minister's
    title written short (部长 for 部部长)."""
    out: list[tuple[int, int, bool]] = []
    for match in re.finditer(r"(?<!部)部长", text):
        end = match.start() + 1
        for size in (2, 3, 4, 5):
            for field_size in range(2, 7):
                start = match.start() - field_size - size
                name = text[max(0, start) : end]
                if start >= 0 and all(map(is_han, name)) and known(name[:size]):
                    out.append((start, end, True))
                    break
            else:
                continue
            break
    return out


def _longest(spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    kept: list[tuple[int, int, bool]] = []
    for span in sorted(spans, key=lambda s: s[0] - s[1]):
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


def _latin_names(text: str) -> list[tuple[int, int]]:
    """In Chinese text, a run of Latin words is a name: of an organisation unless
    the place gazetteer knows it."""
    persons = [m.span(1) for m in _LATIN_PERSON.finditer(text)]
    return [
        (m.start(), m.end())
        for m in _LATIN_RUN.finditer(text)
        if not _PLACE_AFTER.match(text[m.end() :])
        and not re.fullmatch(r"[IVX]+", m.group())  # 人居III: an edition
        and not any(s <= m.start() and m.end() <= e for s, e in persons)
        and not re.match(r"(?:项目|计划|方案)", text[m.end() :])  # 北京ITPO项目
    ]


# 桑爱玲(Amakobe Sande), 希拉·阿加瓦尔汗(Sheila Aggarwal-Khan): a person's name in
# Latin letters in brackets after the Chinese one, words with no organisation word.
_LATIN_PERSON = re.compile(
    r"(?<=[\u4e00-\u9fff])[（(]((?:[A-Z][a-z]+[\s-]+)+[A-Z][a-z]+)[）)]"
)


_LATIN_RUN = re.compile(r"[A-Z][A-Za-z]+(?:\s*(?:&\s*)?[A-Za-z][A-Za-z]+)*")
# Chinese words after a Latin name that make it a place: Kallaseh 街区, Maratane 营地.
_PLACE_AFTER = re.compile(
    r"^\s*(?:省|区|州|村|镇|营|社区|街区|居民区|定居点|地区|县|河|岛|难民营|\(|（)"
)


_WITH = {"与", "同", "和"}
# 在城市建设领域合作: a field of cooperation, not a partner.
_TOPICS = {"领域", "方面", "问题", "工作", "事项", "活动", "事务", "层面"}
_COOPERATE = ("合作", "协作", "一道", "携手", "共同")


def _partners_named(tokens: list[Token]) -> list[tuple[int, int, bool]]:
    """与 X (的)合作: X is a partner even without an organisation word (与爱立信合作,
    与全球发展孵化器合作), if it holds a proper name."""
    out: list[tuple[int, int, bool]] = []
    for index, (word, _tag, _start) in enumerate(tokens):
        if word not in _WITH:
            continue
        end = index + 1
        while (
            end < len(tokens)
            and end - index <= 4
            and _name_tag(*tokens[end][:2])
            and tokens[end][0] not in _COOPERATE
        ):
            end += 1
        after = [t[0] for t in tokens[end : end + 2]]
        if end == index + 1 or not after:
            continue
        verb = after[1] if after[0] == "的" and len(after) > 1 else after[0]
        if verb not in _COOPERATE:
            continue
        inner = tokens[index + 1 : end]
        if all(t[0] in ZH_GENERIC_WORDS for t in inner) or inner[-1][0] in _TOPICS:
            continue
        if any(t[1] in _PROPER_TAGS for t in inner):
            out.append((inner[0][2], inner[-1][2] + len(inner[-1][0]), True))
    return out


def _verb_organise(text: str, start: int, end: int) -> int:
    """中国政府组织有关部门, 由X委员会组织的会议: 组织 is the verb of the body named
    before it."""
    name, after = text[start:end], text[end : end + 1]
    if name.endswith("组织") and zh_name_end(name[:-2].rstrip()) and is_han(after):
        by = text[:start].rstrip().endswith("由")  # organised by
        return end - 2 if after != "的" or by else end
    return end


def _joint_prefix(text: str, start: int, known: Callable[[str], bool]) -> int:
    """中国-联合国和平与发展基金: a known place or body joined by a hyphen before
    the name is part of it."""
    if text[start - 1 : start] not in ("-", "–", "—"):
        return start
    for size in (4, 3, 2):
        prefix = text[max(0, start - 1 - size) : start - 1]
        if len(prefix) == size and all(map(is_han, prefix)) and known(prefix):
            return start - 1 - size
    return start


# 中国企业, 中国优势企业, 中国金融机构: a place and a kind of actor, no proper name.
_KIND_OF_ACTOR = re.compile(
    r"^([\u4e00-\u9fff]{2,4}?)[\u4e00-\u9fff]{0,3}(?:企业|机构)$"
)


def _kind_of_actor(name: str, known: Callable[[str], bool]) -> bool:
    match = _KIND_OF_ACTOR.match(name)
    return bool(match) and known(match.group(1)) and not known(name)


def zh_acceptable(name: str, proper: bool) -> bool:
    name = name.strip()
    if len(name) < 3 or name in ZH_GENERIC or name.startswith(_GENERIC_HEADS):
        return False
    if re.search(r"(?:首|第[\d一二三四五六七八九十]+)[届次]$", name):
        return False  # 暨首届: an edition, which jieba may tag a name
    if zh_event_or_publication(name):
        return False  # 2017国际低碳(镇江)大会: an event (zh_kinds.py)
    if not proper and name.endswith(("政府", "企业", "机构", "平台")):
        return False  # 多级政府, 清洁能源企业, 广阔平台: a kind named by no proper name
    return proper or len(name) >= 4


def chinese_spans(
    text: str, tokens: list[Token], known: Callable[[str], bool]
) -> list[tuple[int, int]]:
    """Spans of names in `text`; `known(name)` says whether a gazetteer (of
    organisations or places) already holds the name."""
    spans = [
        (m.start(1), m.end(1))
        for m in _QUOTED.finditer(text)
        if ends_name(m.group(1))
        and len(m.group(1)) >= 5
        and not re.search(r"[：，、；]", m.group(1))
    ]
    found = _longest(
        _zh_candidates(tokens) + titled_bodies(text) + _ministers_of(text, known)
    )
    found += [
        span
        for span in _partners_named(tokens)
        if all(span[1] <= s or e <= span[0] for s, e, _ in found)
        and not known(text[span[0] : span[1]])
    ]
    for start, end, proper in found:
        end = without_deputy(text, start, _verb_organise(text, start, end))
        if text.startswith("代表", start) and text[start:end].endswith("政府"):
            start += 2  # 代表中国政府: on behalf of the government
        if text.startswith(("代表与", "代表和", "代表及"), start):
            start += 3  # …领导代表与X驻越办事处代表: the representatives of a party
        on_behalf = text.find("代表", start, end)
        if on_behalf > start and ends_name(text[start:on_behalf]):
            start = on_behalf + 2  # 秘书处代表理事会: one body acting for another
        if text[start:end].endswith("总部"):
            continue  # 纽约联合国总部: a place of meeting
        start = _joint_prefix(text, start, known)
        if any(s <= start < e or s < end <= e for s, e in spans):
            continue
        if zh_acceptable(text[start:end], proper) and not _kind_of_actor(
            text[start:end], known
        ):
            spans.append((start, end))
    for start, end in _latin_names(text):
        if not known(text[start:end]) and all(end <= s or e <= start for s, e in spans):
            spans.append((start, end))
    return spans
