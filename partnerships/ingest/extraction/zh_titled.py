"""Chinese bodies found before their official's title (住房城乡建设部副部长,
省委书记, 市发改委主任), however jieba cut them."""

from __future__ import annotations

import re

# A ministry or bureau before its official's title, however jieba cut it:
# 住房城乡建设部副部长.
_TITLED_BODY = re.compile(
    r"(?:^|(?<=[，,。；;：:、（(“\s]))([\u4e00-\u9fff]{2,14}?[部局署厅司])"
    r"(?=(?:[\u4e00-\u9fff]{2,3}?(?<![部局署厅司处]))?副?"
    r"(?:部长|局长|署长|厅长|司长|主任|党组书记))"
)


# A province's or city's party committee, people's congress or political
# consultative conference before its official's title: 省委书记, 镇江市委常委,
# 省人大常委会主任.
_TITLED_COMMITTEE = re.compile(
    r"(?:^|(?<=[，,。；;：:、（(“\s]))"
    r"([\u4e00-\u9fff]{0,6}?[省市区县州]委(?=副?(?:书记|常委))|"
    r"(?:[\u4e00-\u9fff]{0,6}?[省市区县州])?(?:人大常委会|政协)(?=副?(?:主任|主席)))"
)


# A city's commission, office or station before its head's title: 市发改委主任,
# 市广播电视台相关负责人.
_TITLED_LOCAL_BODY = re.compile(
    r"(?:^|(?<=[，,。；;：:、（(“\s及和与]))"
    r"((?:[\u4e00-\u9fff]{0,4}[省市区县])[\u4e00-\u9fff]{1,6}?(?<![省市区县])(?:委|办|台))"
    r"(?=副?(?:主任|台长|相关负责人|负责人))"
)


# Words no such body's name holds: a name found before a title starts after the
# last of them (合作计划由商务部部长 → 商务部).
_INSIDE_BOUNDARY = re.compile(r".*(?:由|向|经|对|在|代表|先生|女士)")


def titled_bodies(text: str) -> list[tuple[int, int, bool]]:
    out = []
    for pattern in (_TITLED_BODY, _TITLED_COMMITTEE, _TITLED_LOCAL_BODY):
        for m in pattern.finditer(text):
            cut = _INSIDE_BOUNDARY.match(m.group(1))
            start = m.start(1) + (cut.end() if cut else 0)
            if m.end(1) - start >= 2:
                out.append((start, m.end(1), True))
    return out


# 中国教育部副部长: jieba may cut 副部 off 长, leaving it on the body's name.
_DEPUTY_CUT = re.compile(r"副[部局署厅司处]$")


def without_deputy(text: str, start: int, end: int) -> int:
    """The end of a body's name found with 副部 of 副部长 after it: before 副."""
    if _DEPUTY_CUT.search(text[start:end]) and text[end : end + 1] == "长":
        return end - 2
    return end
