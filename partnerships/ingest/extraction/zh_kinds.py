"""Chinese names that are no organisation: events, titles of office, publications.

A name found by its form ("…大会") may be a conference rather than a body: one that
carries a year, an edition or a Roman numeral (2017国际低碳(镇江)大会, 人居III大会,
首届城市可持续发展全球大会), or that is a world, climate or global conference
(联合国巴黎气候大会, 城市可持续发展全球大会) is an event. An assembly that is a
body (联合国人居大会, 合作伙伴大会) is found by the reference data or carries none of
these marks. A report (…报告) is a publication.

A known name may be a title of office rather than the office: 秘书长 after an
event's name (人居III大会秘书长, 人居III的秘书长) is the conference's secretary-general,
not the Secretary-General of the United Nations.
"""

from __future__ import annotations

import re

# Words ending the name of an event (a pattern name ending so is one when marked).
_EVENT_END = ("大会", "峰会", "博览会", "研讨会", "论坛")
# Marks of an event: a year or number, a Roman numeral, an edition.
_EVENT_MARK = re.compile(
    r"[0-9０-９]|[IVX]{2,}|第[一二三四五六七八九十百\d]+[届次]|首届|届|"
    r"(?:全球|世界|国际|气候|环境)(?:大会|峰会|博览会)$|"
    r"^(?:国际|全球|世界)[\u4e00-\u9fff]{1,8}(?:大会|峰会|博览会)$"
)
# Publications by their last word.
_PUBLICATION_END = ("报告", "年鉴", "白皮书", "手册", "指南", "公报")


def zh_event_or_publication(name: str) -> bool:
    """A name found by its form that is an event or a publication."""
    name = name.strip()
    if name.endswith(_PUBLICATION_END):
        return True
    return name.endswith(_EVENT_END) and bool(_EVENT_MARK.search(name))


# 秘书长 after an event (its name, or 的 after it): the event's own secretary-general.
_EVENT_BEFORE_TITLE = re.compile(
    r"(?:大会|会议|峰会|论坛|[IVX]{2,}|人居三)(?:的)?(?:副)?$"
)


def zh_title_of_event(text: str, start: int, end: int) -> bool:
    """The known name at [start, end) is a title held at an event (人居III大会秘书长)."""
    return text[start:end] in ("秘书长", "副秘书长") and bool(
        _EVENT_BEFORE_TITLE.search(text[max(0, start - 12) : start])
    )
