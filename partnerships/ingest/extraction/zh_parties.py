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

PROVINCES = (
    "北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 "
    "河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 内蒙古 广西 西藏 "
    "宁夏 新疆"
).split()
_MUNICIPALITIES = {"北京", "天津", "上海", "重庆"}

# A province acting: its governor's title, or the subject of what a party does.
_ACTING = re.compile(
    rf"(?<![\u4e00-\u9fff在于赴到至从])({'|'.join(PROVINCES)})(省)?"
    r"(?=(?:副)?省长|将|与|同|已|还|也|愿|承诺|同意|决定|签署|表示(?!欢迎))"
)


def province_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, province) of each province acting as a party: the province is
    proposed as `<province>省` (or the municipality `<name>市`)."""
    out = []
    for match in _ACTING.finditer(text):
        name = match.group(1)
        if name in _MUNICIPALITIES:
            continue  # 上海将: the city, read by the place gazetteer
        out.append((match.start(), match.end(), f"{name}省"))
    return out
