"""Governments named by their country or city when they act as a party.

A careful reader counts "Japan" in "Japan and the United Nations have signed" and
肯尼亚 in 肯尼亚将向人居署捐赠, but not "Japan" in "projects in Japan". A country or
city (the place gazetteer) is a government here when:

- an official or a body names it: "Government of X", "Ambassador of X", "Embassy
  of X", "the X Government", 中方, X政府, X总统, X驻华大使;
- it is joined by "and" or "with" to an organisation, outside a place phrase
  ("between Japan and UN-Habitat", "a framework for Singapore and UN-Habitat");
- it is the subject of what a party does: "Sweden is ...", "Japan would continue
  to support", 肯尼亚将向 ..., 肯尼亚支持 ...;
- it is the one an act is made with or for: "an agreement with China", "support
  to Syria", 支持中国建立 ... (docs/ingest.md, "Organisations on unseen text").

It is never one after a place preposition (in, at, to, from, across; 在, 于, 赴) or
before a place word (首都, 北部, "-based").
"""

from __future__ import annotations

import re

from partnerships.ingest.extraction.en_references import COUNTRY_ACRONYMS
from partnerships.ingest.extraction.zh_parties import (
    ZH_KIND_AFTER,
    ZH_SIDE,
    ZH_SIDES,
    aid_from,
    gives,
    told_as_place,
)
from partnerships.ingest.gazetteer import Gazetteer, Match

_EN_BEFORE = re.compile(
    r"(?:Government|Ambassador|Embassy|Minister|President|Prime Minister|Parliament|"
    r"Governor|Mayor|King|Queen|People|[Rr]epresentatives?|[Dd]elegations?|"
    r"[Cc]it(?:y|ies)|[Mm]unicipalit(?:y|ies))\s+of\s+(?:the\s+)?"
    r"(?:Republic\s+of\s+)?$"
)
_EN_PLACE_BEFORE = re.compile(
    r"(?:\b(?:in|at|to|from|across|throughout|within|around|near|into|over|"
    r"outside|inside)\s+(?:the\s+)?$)|[-–]$"
)
_POSSESSIVE_PARTY = (  # "Japan's contribution", "Japan's overall contribution"
    r"^(?:’s|'s)\s+(?:(?:overall|total|steadfast|generous|continued|continuing|"
    r"ongoing|new|additional|latest|annual|financial|strong|long-standing)\s+)?"
    r"(?:efforts|contribution|support|funding|commitment|pledge|"
    r"assistance|aid|donation|grant|Ambassador|Embassy|Minister|President|"
    r"Government|government|Prime Minister)\b"
)
# "the Republic of Korea Deputy Minister of Environment", "United Arab Emirates (UAE)
# Minister of ...": a country named before its official's title.
_EN_OFFICIAL_AFTER = re.compile(
    r"^\s+(?:\([A-Z]{2,6}\)\s+)?(?:(?:Deputy|Vice)[- ])?(?:Minister|Ambassador|"
    r"President|Prime Minister|Foreign Minister|Permanent Representative)\b"
)
# "donors including Finland, Norway, ...": the first of a list of donors.
_EN_DONORS_BEFORE = re.compile(
    r"\b(?:donors?|contributors?|funders?)\s+(?:including|such as|like|from)\s+"
    r"(?:the\s+)?$"
)
# "signed an agreement with China", "technical support to Syria": the country an
# act is made with or for is its government, though "to" is a place word elsewhere.
_EN_PARTNER_BEFORE = re.compile(
    r"\b(?:agreements?|[Mm]emorand(?:um|a)(?:\s+of\s+[Uu]nderstanding)?|MoUs?|"
    r"partnerships?|partnered|cooperation|co-operation|collaboration|support|"
    r"assistance)\s+(?:with|to)\s+(?:the\s+)?$"
)
_EN_OF_BEFORE = re.compile(r"\b(?:of|on|for|by)\s+(?:the\s+)?$")
# The one who does an act told by a noun or a passive verb: "this new commitment by
# Spain", "funded by Norway", "hosted by Kenya".
_EN_AGENT_BEFORE = re.compile(
    r"\b(?:commitments?|contributions?|pledges?|donations?|grants?|funding|"
    r"funded|financed|supported|signed|provided|hosted|organi[sz]ed|offered|made)"
    r"\s+by\s+(?:the\s+)?$"
)
_EN_DOING = re.compile(
    r"^,\s+which\s+(?:has|have|had|is|was)\s+(?:been\s+)?[a-z]+ing\b"
)
_EN_AFTER_PARTY = re.compile(
    r"^(?:’s|'s)\s+(?:efforts|contribution|support|funding|commitment|pledge|"
    r"assistance|aid|donation|grant)\b|"
    r"^(?:’s|'s)?\s+(?:[Gg]overnment|has|have|had|is|was|will|would|signed|provided|"
    r"provides|contributed|contributes|pledged|committed|announced|agreed|donated|"
    r"funds|funded|supports|supported|continues|decided|gave|granted|thanked|also|"
    r"delegation|authorities|municipal government|"
    r"and\s+(?:the\s+)?[A-Z][\w-]*)\b"
)
# "in Afghanistan, Iraq, Myanmar and South Sudan": every place of a list after "in".
_EN_PLACE_LIST_BEFORE = re.compile(
    r"\b(?:in|at|to|from|across|throughout|within)\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*,\s+)+(?:and\s+)?$"
)
# "in the Tanzanian city of Mwanza": a city as a place, named so.
_EN_CITY_PLACE = re.compile(
    r"\b(?:in|at|to|from|near)\s+(?:the\s+)?(?:[\w-]+\s+)?cit(?:y|ies)\s+of\s+$"
)
_EN_AFTER_PLACE = re.compile(r"^(?:[-–]based|\s+(?:City|Province|Prefecture)\b)")
_ZH_AFTER_PARTY = re.compile(
    r"^国?(?:自\d{4}年(?:以来|起)?)?(?:获得|荣获|参与|参加)|"
    r"^等?\s*[\d一二三四五六七八九十]+\s*[个座](?:城市|国家)(?:获得|荣获|获此|参与|参加)|"
    r"^国?(?:政府|将|宣布|承诺|捐|提供|签署|同意|决定|支持|资助|向|已|也|还|又|愿|总统|总理|"
    r"一直|始终|继续|积极|认真|高度重视|代表团|"
    r"国王|驻[\u4e00-\u9fff]{1,12}?(?:大使|代表)|大使|外长|常驻代表)"
)
# 支持中国建立…, 帮助中国开展…: the country a party supports is its government.
_ZH_SUPPORTED_BEFORE = re.compile(r"(?:支持|帮助|协助|援助)$")


# A short form in brackets after the country's name: "the Republic of Korea (ROK)
# and UNDP", read as if it were not there.
_EN_SHORT_FORM = re.compile(r"^\s*\([A-Z]{2,6}\)")


def _doing_en(before: str, after: str) -> bool:
    """ "China, which has been providing", "with Beijing releasing"."""
    if before.endswith("with ") and re.match(r"^\s+[a-z]+ing\b", after):
        return True
    return bool(_EN_DOING.match(after))


def _acts_en(text: str, match: Match, near_org: bool) -> bool:
    before, after = text[: match.start], _EN_SHORT_FORM.sub("", text[match.end :])
    if _EN_BEFORE.search(before) and not _EN_CITY_PLACE.search(before):
        return True
    if re.match(_POSSESSIVE_PARTY, after) or _EN_OFFICIAL_AFTER.match(after):
        return True  # "in Japan's assistance policy", "Japan's Ambassador"
    if _EN_DONORS_BEFORE.search(before) or _EN_PARTNER_BEFORE.search(before):
        return True
    if _EN_AGENT_BEFORE.search(before) or _doing_en(before, after):
        return True
    if (
        _EN_PLACE_BEFORE.search(before)
        or _EN_PLACE_LIST_BEFORE.search(before)
        or _EN_CITY_PLACE.search(before)
        or _EN_AFTER_PLACE.match(after)
    ):
        return False
    if near_org:
        return True
    if not _EN_AFTER_PARTY.match(after):
        return False
    if re.match(r"^(?:’s|'s)\s", after):
        return True  # "Singapore's efforts", "Japan's contribution"
    if _EN_OF_BEFORE.search(before):
        return False
    # The subject of its clause: a sentence or clause starts right before it.
    head = re.sub(r"\b(?:[Tt]he|[Aa]n?)\s*$", "", before).rstrip()
    return not head or head.endswith(
        (".", ",", ";", ":", "that", "which", "and", "“", '"', "–", "—")
    )


def _acts_zh(text: str, match: Match, near_org: bool) -> bool:
    before, after = text[: match.start], text[match.end :]
    if told_as_place(text, match.start, match.end) or ZH_KIND_AFTER.match(after):
        return False
    if _ZH_SUPPORTED_BEFORE.search(before) or gives(before, after):
        return True
    if aid_from(text, match.start, match.end):  # 来自中国的援助
        return True
    return bool(_ZH_AFTER_PARTY.match(after)) or (
        near_org
        and (
            before.endswith(("与", "和", "同")) or after.startswith(("与", "和", "同"))
        )
    )


_LIST_JOINT = re.compile(
    r"^(?:,\s+(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?|、|和|与)$"
)


def _listed(text: str, match: Match, acting: list[tuple[int, int, str]]) -> bool:
    """Listed right after a place acting as a party: "Representatives of Armenia,
    Moldova, Serbia and Tajikistan", "the cities of Amsterdam, Barcelona and New
    York"."""
    return bool(acting) and bool(_LIST_JOINT.match(text[acting[-1][1] : match.start]))


def _listed_before(
    text: str, passed: list[Match], acting: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Places listed right before one acting as a party: 唐山、杭州、…、扬州等7个城市
    获得, where only the last of the list is next to what they do."""
    out: list[tuple[int, int, str]] = []
    starts = {start for start, _, _ in acting}
    for match in reversed(passed):
        if match.start in starts:
            continue
        following = next((m for m in passed if m.start >= match.end), None)
        if following is not None and following.start in starts:
            if _LIST_JOINT.match(text[match.end : following.start]):
                out.append((match.start, match.end, text[match.start : match.end]))
                starts.add(match.start)
    return out


def _near_org(text: str, match: Match, organisations: list[tuple[int, int]]) -> bool:
    """Joined by "and"/"with"/与/和 to an organisation named next to it."""
    joined = re.compile(r"^\s*(?:and|with|与|和|同|、)\s*(?:the\s+)?$")
    for start, end in organisations:
        if end <= match.start and joined.match(text[end : match.start]):
            return True
        after = _EN_SHORT_FORM.sub("", text[match.end : start])
        if start >= match.end and joined.match(after):
            return True
    return False


# Titles in quotation marks: short, ending no sentence; a quoted speech is no title.
_QUOTED = re.compile(
    r"“(?:[^”]{0,79}[^”.。!?！？,，])?”|《[^》]*》|\"(?:[^\"]{0,79}[^\".!?,])?\""
)


# A country by its acronym where it acts: "ROK is a long-standing partner of UNDP"
# (the acronyms and the names they stand for: en_references.py, one map for both).
_COUNTRY_ACRONYM = re.compile(r"\b(?:" + "|".join(COUNTRY_ACRONYMS) + r")\b(?![$-])")


def _country_acronyms(text: str, places: Gazetteer, lang: str) -> list[Match]:
    if lang == "zh":
        return []
    out = []
    for found in _COUNTRY_ACRONYM.finditer(text):
        entries = places.lookup(COUNTRY_ACRONYMS[found.group()])
        if entries:
            out.append(Match(found.start(), found.end(), found.group(), tuple(entries)))
    return out


# A city's name right after a capitalised word that is no part of a place's name
# is a person's surname ("German Valdivia"), unless a sentence starts there.
_GIVEN_NAME_BEFORE = re.compile(r"(?<=[a-z,;:)]\s)([A-Z][a-z]+)\s+$")
_PLACE_WORDS = frozenset(
    "The New North South East West Greater Saint Port San Santa Los Las El La Le "
    "Mayor Governor City Province".split()
)


def _surname(text: str, match: Match) -> bool:
    if any(e.source == "country" for e in match.entries):
        return False
    given = _GIVEN_NAME_BEFORE.search(text[: match.start])
    return given is not None and given.group(1) not in _PLACE_WORDS


def _may_act(
    text: str,
    match: Match,
    inside: list[tuple[int, int]],
    organisations: list[tuple[int, int]],
    lang: str,
) -> bool:
    """A country or city, not inside a title or a longer name, nor the first word of
    the name after it (荷兰 ZOA 难民服务组织), nor a person's surname."""
    if not any(e.source in ("country", "city") for e in match.entries):
        return False
    if any(s <= match.start and match.end <= e for s, e in inside):
        return False
    if any(
        text[match.end : s].strip() == "" for s, _ in organisations if s >= match.end
    ):
        return False
    return lang == "zh" or not _surname(text, match)


def government_spans(
    text: str,
    places: Gazetteer,
    organisations: list[tuple[int, int]],
    lang: str,
    words: list[tuple[int, int]],
) -> list[tuple[int, int, str]]:
    """(start, end, country) of each country or city acting as a party; not inside
    a quoted title, nor inside a longer known name (`words`: 联合国 holds 联合)."""
    acts = _acts_zh if lang == "zh" else _acts_en
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    out: list[tuple[int, int, str]] = []
    passed: list[Match] = []  # places that are no part of a name or title
    where: set[int] = set()  # ends of places told as places (在南非, 在南非约翰内斯堡)
    for match in places.find(text) + _country_acronyms(text, places, lang):
        if lang == "zh" and (
            match.start in where or told_as_place(text, match.start, match.end)
        ):
            where.add(match.end)  # a place right after a place is one too
            continue
        if not _may_act(text, match, quoted + words, organisations, lang):
            continue
        passed.append(match)
        if acts(text, match, _near_org(text, match, organisations)) or _listed(
            text, match, out
        ):
            end = match.end + (lang == "zh" and text[match.end : match.end + 1] == "国")
            name = text[match.start : end]
            out.append((match.start, end, COUNTRY_ACRONYMS.get(name, name)))
    out += _listed_before(text, passed, out)
    if lang == "zh":
        # 我国与联合国开发计划署签订了: "our country", in a Chinese publisher's text.
        for ours in re.finditer("我国", text):
            after = text[ours.end() :]
            if _ZH_AFTER_PARTY.match(after) or after.startswith(("与", "同")):
                out.append((ours.start(), ours.end(), "中国"))
        for side in ZH_SIDE.finditer(text):
            out.append((side.start(), side.end(), ZH_SIDES[side.group()]))
    return out


# "the Japanese government": a government named by its people's adjective.
DEMONYMS = {
    "Japanese": "Japan",
    "Dutch": "Netherlands",
    "Swedish": "Sweden",
    "Norwegian": "Norway",
    "Danish": "Denmark",
    "Finnish": "Finland",
    "German": "Germany",
    "French": "France",
    "British": "United Kingdom",
    "Italian": "Italy",
    "Spanish": "Spain",
    "Swiss": "Switzerland",
    "Belgian": "Belgium",
    "Austrian": "Austria",
    "Chinese": "China",
    "Korean": "Republic of Korea",
    "Indian": "India",
    "Kenyan": "Kenya",
    "American": "United States",
    "Canadian": "Canada",
    "Australian": "Australia",
    "Brazilian": "Brazil",
    "Mexican": "Mexico",
    "Egyptian": "Egypt",
    "Saudi": "Saudi Arabia",
    "Emirati": "United Arab Emirates",
    "Malaysian": "Malaysia",
    "Singaporean": "Singapore",
    "Polish": "Poland",
    "Turkish": "Türkiye",
    "Russian": "Russian Federation",
    "Syrian": "Syria",
    "Iraqi": "Iraq",
    "Yemeni": "Yemen",
    "Lebanese": "Lebanon",
    "Jordanian": "Jordan",
    "Moroccan": "Morocco",
    "Tunisian": "Tunisia",
    "Ethiopian": "Ethiopia",
    "Nigerian": "Nigeria",
    "Ghanaian": "Ghana",
    "Pakistani": "Pakistan",
    "Indonesian": "Indonesia",
    "Philippine": "Philippines",
    "Afghan": "Afghanistan",
    "Somali": "Somalia",
    "Sudanese": "Sudan",
    "Ugandan": "Uganda",
    "Tanzanian": "Tanzania",
    "Rwandan": "Rwanda",
    "Colombian": "Colombia",
    "Peruvian": "Peru",
    "Chilean": "Chile",
    "Ecuadorian": "Ecuador",
    "Argentine": "Argentina",
}
_DEMONYM_GOVERNMENT = re.compile(
    rf"\b({'|'.join(DEMONYMS)})\s+(?:[Gg]overnment|delegation|authorities|"
    r"Ambassador|Embassy|Minister)\b"
)


def demonym_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, country) of "the Dutch Government", "a Syrian delegation"."""
    return [
        (m.start(), m.end(), DEMONYMS[m.group(1)])
        for m in _DEMONYM_GOVERNMENT.finditer(text)
    ]


_GOVERNMENT_OF = re.compile(
    r"\bgovernment of (?:the )?([A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*)"
)


def government_of_spans(text: str) -> list[tuple[int, int, str]]:
    """ "the government of Comores": a government named in lower case, by a name
    the place gazetteer may not hold."""
    out = []
    for match in _GOVERNMENT_OF.finditer(text):
        name, end = match.group(1), match.end()
        if name.endswith(
            ("’s", "'s")
        ):  # "the government of Germany’s development bank"
            name, end = name[:-2], end - 2
        out.append((match.start(), end, name))
    return out
