"""Chinese provinces acting as parties, named by the province alone.

The place gazetteer holds countries and cities, not China's provinces; a page of a
ministry or a province names its partner province by its name alone when the
province acts (海南将在…指导下, 青海与…签署) or through its governor's title
(海南省省长, 副省长). The province's government is proposed ("海南省政府"), the
words kept as the surface. Provincial-level divisions are listed by their names as
published (facts, not taken from any report).
"""

from __future__ import annotations

import re
from collections.abc import Callable

PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 "
    "河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 "
    "宁夏 新疆"
).split()
_MUNICIPALITIES = {"北京", "天津", "上海", "重庆"}

# A province acting: its governor's title, or the subject of what a party does.
_ACTING = re.compile(
    rf"(?<![\u4e00-\u9fff在于赴到至从])({'|'.join(PROVINCES)})(省)?"
    r"(?=(?:副)?省长|将|与|同|已|还|也|愿|承诺|同意|决定|签署|表示(?!欢迎)|"
    r"高度|一直|始终|积极|继续)|"
    # The province a party supports: 全力支持海南, 帮助青海省.
    rf"(?<=支持|帮助|协助|援助)({'|'.join(PROVINCES)})(省)?(?![\u4e00-\u9fff]{{0,2}}(?:地区|的))"
)


def province_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, province) of each province acting as a party: the province is
    proposed as `<province>省` (or the municipality `<name>市`)."""
    out = []
    for match in _ACTING.finditer(text):
        name = match.group(1) or match.group(3)
        if name in _MUNICIPALITIES:
            continue  # 上海将: the city, read by the place gazetteer
        out.append((match.start(), match.end(), f"{name}省"))
    return out


# "澳大利亚布里斯班、中国福州、…5座城市获此奖项", "为…5个获奖城市颁奖": the cities
# of a list of winners, each perhaps after its country.
_WINNERS = re.compile(
    r"((?:[\u4e00-\u9fff]{2,12}、)+[\u4e00-\u9fff]{2,12}?)等?\s*"
    r"[\d一二三四五六七八九十]+\s*(?:[座个](?:城市(?:获得|荣获|获此|获)|获奖城市))"
)


def winning_cities(
    text: str, sources: Callable[[str], set[str]]
) -> list[tuple[int, int, str]]:
    """(start, end, city) of each city of a list of winners; `sources(name)` says
    what the place gazetteer knows the name as ("country", "city")."""
    out = []
    for match in _WINNERS.finditer(text):
        at = match.start(1)
        for item in match.group(1).split("、"):
            start = at
            for size in (2, 3, 4, 5):  # a country before the city says where it is
                if "country" in sources(item[:size]) and len(item) > size:
                    start = at + size
                    break
            city = text[start : at + len(item)]
            if "city" in sources(city):
                out.append((start, at + len(item), city))
            at += len(item) + 1
    return out


_CLAUSE_START = re.compile(r"(?:^|(?<=[。！？；：:]))\s*")


def subject_cities(
    text: str, sources: Callable[[str], set[str]]
) -> list[tuple[int, int, str]]:
    """乌干达坎帕拉基于创新方案，…取得了长足的进步: a city written after its country
    at the start of a sentence is its subject, the city acting."""
    out = []
    for match in _CLAUSE_START.finditer(text):
        at = match.end()
        for size in (2, 3, 4, 5):
            if "country" not in sources(text[at : at + size]):
                continue
            for city_size in (2, 3, 4, 5, 6):
                end = at + size + city_size
                city = text[at + size : end]
                if "city" in sources(city) and text[end : end + 1] not in ("的", ""):
                    out.append((at + size, end, city))
                    break
            break
    return out


def zh_party_spans(
    text: str, sources: Callable[[str], set[str]]
) -> list[tuple[int, int, str]]:
    """Provinces acting, cities of a list of winners, cities as subjects."""
    return (
        province_spans(text)
        + winning_cities(text, sources)
        + subject_cities(text, sources)
    )


# A country giving, told by a noun or an idiom: 中国的捐助, 中国对该署的捐款, 中国在
# 环境署设立信托基金, 中国在紧急关头慷慨解囊, 中国提出…倡议.
_GIVING_AFTER = re.compile(
    r"^(?:的|对[^,，。;；]{1,12}的)(?:捐款|捐助|捐赠|资助|援助|贡献)|"
    r"^在[^,，。;；]{1,12}(?:设立|捐|出资|慷慨解囊)|^(?:慷慨解囊|提出|坚定)"
)
# The country given to, right after the giver's verb (将提供蒙古一系列援助) or between
# 向 and it (向秘鲁提供).
_GIVEN_BEFORE = re.compile(r"(?:提供|给予)$")
_GIVEN_TO_AFTER = re.compile(r"^(?:提供|捐|给予|派遣|转让)")


def gives(before: str, after: str) -> bool:
    """A Chinese country, between `before` and `after`, gives or is given to."""
    if before.endswith("向") and _GIVEN_TO_AFTER.match(after):
        return True
    return bool(_GIVING_AFTER.match(after) or _GIVEN_BEFORE.search(before))


# 中方, 美方: the side of a country in talks is its government.
ZH_SIDES = {
    "中方": "中国",
    "美方": "美国",
    "日方": "日本",
    "英方": "英国",
    "法方": "法国",
    "德方": "德国",
    "俄方": "俄罗斯",
    "韩方": "韩国",
    "蒙方": "蒙古",
}
ZH_SIDE = re.compile(f"(?:{'|'.join(ZH_SIDES)})(?![法面式向案针位便])")


# 巴西企业, 巴西金融机构: the country's firms or institutions, not the country;
# 北京ITPO项目: a place starting a name written with Latin letters.
ZH_KIND_AFTER = re.compile(r"^(?:[\u4e00-\u9fff]{0,3}?(?:企业|机构)|[A-Za-z])")


# 来自中国的援助: the country aid comes from is its government.
_FROM_PARTY = re.compile(r"^的(?:援助|捐款|捐赠|资金|资助|支持|贡献)")


def aid_from(text: str, start: int, end: int) -> bool:
    return text[:start].endswith("来自") and bool(_FROM_PARTY.match(text[end:]))


ZH_PLACE_BEFORE = re.compile(r"(?:在|于|赴|到|至|从|位于|来自|前往)$")


def told_as_place(text: str, start: int, end: int) -> bool:
    """在南非, 来自中国的专家: after a place word; not 来自中国的援助."""
    return bool(ZH_PLACE_BEFORE.search(text[:start])) and not aid_from(text, start, end)
