"""Names of organisations in English text, found by their form: runs of
capitalised words (with "of", "for", "and", "the" inside) holding an organisation
word (Association, Foundation, Programme, University ...)."""

from __future__ import annotations

import re
from collections.abc import Callable

from partnerships.ingest.extraction.en_titles import before_person
from partnerships.ingest.gazetteer import NEWS_STYLE

EN_ORG_WORDS = set(
    "Programme Program Organization Organisation Fund Bank Council Commission "
    "Committee Association Foundation Institute Institution University College School "
    "Network Alliance Agency Ministry Government Department Office Centre Center "
    "Federation Union Group Society Corporation Company Ltd Inc Trust Secretariat "
    "Authority Municipality Coalition Partnership Platform Movement Forum Board Team "
    "Taskforce Task Force Initiative Campaign Assembly Unit Bureau Service Services "
    "Council Cities Academy Observatory Consortium City Prefecture Province County "
    "Embassy Mission Delegation Parliament Headquarters Division Chamber".split()
)
# Organisation words of local governments, which are places after "in", "at" ...
EN_LOCAL_WORDS = {"City", "Prefecture", "Province", "County"}
_EN_CONNECTORS = {"of", "for", "and", "the", "on", "in", "de", "&", "for the", "to"}
_EN_LEADING = set(
    "The In With Through During Under At On By For And As From Since While When "
    "Also Both This These Its Their A An Of To Whereas Whilst".split()
)
# An honorific ending a run of capitalised words starts the person named after it:
# "the Ministry of Environmental Protection of Turkmenistan Mr. Charygeldi".
_EN_HONORIFICS = {"Mr", "Ms", "Mrs", "Dr", "Prof", "H.E", "Hon"}
_EN_GENERIC = set(
    "United Nations|Member States|Government|Governments|Secretariat|Programme|"
    "Fund|Agency|Organization|Council|Commission|Committee|Office|Network|"
    "International Organization|International Organizations|Regional Office|"
    "Country Office|Liaison Office|National Government|Local Government|"
    "Local Governments|Headquarters|City|Province|Prefecture|Steering Committee|"
    "Technical Committee|Organizing Committee|Advisory Board|UN Headquarters|"
    "United Nations Headquarters".split("|")
)
# A name ending in a job title is a person's title ("EU Trust Fund Manager"), one
# ending in a meeting's word an event ("Steering Committee Meeting").
_EN_NOT_LAST = set(
    "Manager Director Officer Coordinator Chairman Chairperson Adviser Advisor "
    "Specialist Representative Secretary Meeting Conference Summit Workshop Session "
    "Seminar Webinar".split()
)
# Job titles before a name: "Executive Director of the ...", "Ambassador of ...".
_EN_TITLE = re.compile(
    r"^(?:(?:Executive|Acting|Deputy|Regional|Managing|Senior|Under|Assistant|"
    r"Resident)\s+)*(?:Director(?:-General|\s+General)?|President|Chair|Chairman|"
    r"Chairperson|Head|Representative|Secretary-General|Minister|Ambassador|"
    r"Governor|Mayor|CEO|Envoy|Rapporteur)(?:\s+[A-Z][\w.-]*){0,3}\s+(?:of|to)\s+"
    r"(?:the\s+)?"
)
_LOCAL_PLACE_BEFORE = re.compile(r"\b(?:in|at|to|from|across|within|near)\s+$")
_ACRONYM_DEFINED = re.compile(
    r"\b((?=(?:\w*[A-Z]){3})[A-Z][A-Za-z]{2,9})\s*\(([A-Z][^()]{8,200}?)\)"
)
# With the particles of personal names in a name: "Eduardo dos Santos Foundation".
_EN_RUN = re.compile(
    r"(?:[A-Z][\w'’.&-]*|\d+)(?:\s+(?:(?:of|for|and|the|on|in|de|to|&|dos|da|das|"
    r"do|del|della|la|van|von|der|du|des)\s+)*"
    r"(?:[A-Z][\w'’.&-]*))*"
)


# A name in quotation marks: “逐个街区改善基金会”.
def english_spans(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for run_start, run_end in _runs(text):
        for start, end in _split_list(text, run_start, run_end):
            span = en_trim(text, start, end)
            if span is not None:
                out.append(span)
    portfolios = [m.span() for m in _PORTFOLIOS.finditer(text)]
    return portfolios + [
        span for span in out if all(span[1] <= s or e <= span[0] for s, e in portfolios)
    ]


# A ministry named by its portfolios, commas and all: "Ministry of Lands, Housing
# and Urban Development" is one name, not "Ministry of Lands" and "Urban
# Development". Each portfolio is a few capitalised words, not an acronym.
_PORTFOLIO = r"(?![A-Z]{2,}\b)[A-Z][\w’'-]*(?:\s+(?:of\s+|for\s+)?[A-Z][\w’'-]*){0,4}"
_PORTFOLIOS = re.compile(
    rf"\b(?:Ministry|Department|Ministries)\s+(?:of|for)\s+{_PORTFOLIO}"
    rf"(?:,\s+{_PORTFOLIO})+,?\s+and\s+{_PORTFOLIO}"
)


_HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof|H\.E|Hon)\.?\s")
# A full stop after a word of two lower-case letters or more ends a sentence, even
# where the next one starts with a capital ("... Fukuoka City. He expressed").
# In a headline, a verb in capitals ends the name before it too ("UN-Habitat Iraq's
# Urban Recovery Initiative Delivers Significant Achievements").
_SENTENCE_STOP = re.compile(
    r"(?<=[a-z]{2})\.\s+|(?<=[A-Za-z]{3})\.\s+(?=[A-Z])|"
    r"\s+(?=(?:Delivers|Marks|Launches|Signs|Welcomes|Announces|Receives|Supports|"
    r"Calls|Hosts|Opens|Holds|Joins|Provides|Gives|Commits|Pledges|Unveils|Celebrates|"
    r"Concludes|Completes|Agree|Agrees)\b)"
)


def _runs(text: str) -> list[tuple[int, int]]:
    out = []
    for match in _EN_RUN.finditer(text):
        cursor = match.start()
        for stop in _SENTENCE_STOP.finditer(text, match.start(), match.end()):
            out.append((cursor, stop.start()))
            cursor = stop.end()
        out.append((cursor, match.end()))
    return out


# A person named by the title after the name: "Jane Doe, Executive Director of".
PERSON_TITLE_AFTER = re.compile(
    # The organisation's short name may come first: "Jane Doe, WVI Partnership Leader".
    r"^\s*,\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}?(?:(?:Executive|Deputy|Assistant|Regional|Country|Resident|"
    r"Acting|Managing|General|Vice|Special|Chief|Senior)\s+)*(?:Director|Head|Chief|"
    r"Administrator|President|Minister|Representative|Ambassador|Secretary|"
    r"Coordinator|Manager|Chair\w*|Officer|Governor|Mayor|CEO|Envoy|Founder|"
    r"Adviser|Advisor|Leader)\b|"
    # The title in lower case: "Jane Doe, resident representative, UNDP".
    r"^\s*,\s+(?:(?:executive|deputy|assistant|regional|country|resident|acting|"
    r"managing|general|vice|special|chief|senior|additional)\s+)*(?:director|head|"
    r"administrator|president|minister|representative|ambassador|secretary|"
    r"coordinator|manager|officer|governor|mayor|envoy|adviser|advisor|leader)\b"
)
_AND = re.compile(r"\s+and\s+(?:the\s+)?(?=[A-Z])")


def _split_list(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """ "X Network and the Y Association": two names, when both sides of an "and"
    have an organisation word ("the Institute for Transportation and Development
    Policy" stays one); "X Prefecture and Mr. Y": the name ends before "and"."""
    for joint in _AND.finditer(text, start, end):
        left, right = text[start : joint.start()], text[joint.end() : end]
        if _HONORIFIC.match(right) or (
            not _has_org_word(right.split()) and PERSON_TITLE_AFTER.match(text[end:])
        ):
            # "X Prefecture and Mr. Y", "X Office and Jane Doe, Head of ...": the
            # name ends before "and".
            return _split_list(text, start, joint.start())
        if _has_org_word(left.split()) and (
            _has_org_word(right.split()) or _ACRONYM_LIKE.match(right.rstrip(".,"))
        ):
            return [(start, joint.start()), *_split_list(text, joint.end(), end)]
    return [(start, end)]


# A name of one word written like an acronym: UN-Habitat, UNDP, OHCHR.
_ACRONYM_LIKE = re.compile(r"^[A-Z][\w-]*(?:[A-Z]|-[A-Z])[\w-]*$")


def _has_org_word(words: list[str]) -> bool:
    return any(w.strip(".,") in EN_ORG_WORDS for w in words)


def acronym_definitions(text: str) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """ "DGSC (Direction Générale de la Sécurité Civile)": the spans of an acronym
    and of the full name it is given in brackets (of two words or more)."""
    out = []
    for match in _ACRONYM_DEFINED.finditer(text):
        if len(match.group(2).split()) >= 2:
            out.append((match.span(1), match.span(2)))
    return out


# "Mexico City on Wednesday", "… Forum in November": a date ends a name.
_DATE_WORD = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b"
)


def _cut(text: str, start: int, end: int) -> tuple[int, int]:
    """A job title before the name and a place after "in" are no part of it."""
    if title := _EN_TITLE.match(text[start:end]):
        start += title.end()
    where = re.search(r"\s+in\s+[A-Z]|\s+(?:on|in|of)\s+" + _DATE_WORD, text[start:end])
    if where:
        end = start + where.start()
    return start, end


def en_trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    start, end = _cut(text, start, end)
    segment = text[start:end].rstrip(".,")
    words = segment.split()
    while words and (
        words[0] in _EN_LEADING
        or words[0].lower() in _EN_CONNECTORS
        or words[0] in ("'s", "’s")
        or words[0].isdigit()
    ):
        words = words[1:]
    words = before_person(_trailing_trimmed(_leading_trimmed(words)))
    if len(words) < 2 or not _has_org_word(words) or words[-1] in _EN_NOT_LAST:
        return None
    if _title_inside(words):
        return None
    name = " ".join(words)
    if name in _EN_GENERIC:
        return None
    first = text.index(words[0], start)
    if words[-1] in EN_LOCAL_WORDS and _LOCAL_PLACE_BEFORE.search(text[:first]):
        return None  # "in Fukuoka City": a place
    return first, text.index(words[-1], first) + len(words[-1])


# Words that end no name: "for the Geneva-based (organizations)", "UN-led".
_ADJECTIVE = re.compile(r"-(?:based|led|wide|level|funded|owned)$")


_JOB_TITLES = set(
    "Manager Director Officer Coordinator Chairman Chairperson Adviser Advisor "
    "Specialist Representative Leader".split()
)


def _title_inside(words: list[str]) -> bool:
    """A person's title with what it is for, not a name: "WVI Partnership Leader
    for Food Security", "UNICEF Representative in Iran" (the organisation before
    the title is found by its own name); not "Office of the Special Representative
    of …", where the title is the name's own."""
    for i, word in enumerate(words[1:], start=1):
        if word in _JOB_TITLES:
            return "of" not in words[:i]
    return False


def _leading_trimmed(words: list[str]) -> list[str]:
    """A name without what runs into it from before: an adjective ("the Rome-based
    Food and Agriculture Organization"), and capitalised words holding no
    organisation word before "to" ("Grants to Catholic Relief Services")."""
    while words and _ADJECTIVE.search(words[0]):
        words = words[1:]
    if "to" in words:
        cut = words.index("to")
        if 0 < cut < len(words) - 1 and not _has_org_word(words[:cut]):
            words = [w for w in words[cut + 1 :]]
            words = words[1:] if words and words[0] == "the" else words
    return words


def _trailing_trimmed(words: list[str]) -> list[str]:
    """A name without the connectors, adjectives and possessive ending it
    ("Cities Programme’s role", "Future of Cities for the Geneva-based")."""
    while words and (
        words[-1].lower() in _EN_CONNECTORS
        or _ADJECTIVE.search(words[-1])
        or words[-1].rstrip(".") in _EN_HONORIFICS
    ):
        words = words[:-1]
    if words and words[-1].endswith(("’s", "'s")):
        words = [*words[:-1], words[-1][:-2]]
    return words


# "Kogi State Deputy Governor", "the Lagos State Government": a state or province
# named by its governor or government, which is no organisation word.
_STATE_BY_OFFICE = re.compile(
    r"\b((?:[A-Z][\w’'-]*\s+){1,3}(?:State|Province|Prefecture|County|Region))\s+"
    r"(?:(?:Deputy|Vice)\s+)?(?:Governor|Government|Premier|Governor’s|Governor's)\b"
)


# "Governor of Ninewa", "Mayor of Aden": a local government named by its head, which
# the place gazetteer may not hold.
_LOCAL_BY_OFFICE = re.compile(
    r"\b(?:Governor|Mayor)\s+of\s+(?!the\b)([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)"
    r"(?=\s*[,.;)]|\s+[a-z])"
)
# "Mosul and Sinjar municipalities": local governments named before the word.
_MUNICIPALITIES = re.compile(
    r"\b((?:[A-Z][\w’'-]+)(?:(?:,\s+|\s+and\s+)[A-Z][\w’'-]+)*)\s+"
    r"[Mm]unicipalit(?:y|ies)\b"
)


def _municipalities(text: str) -> list[tuple[int, int]]:
    out = []
    for match in _MUNICIPALITIES.finditer(text):
        for name in re.finditer(r"[A-Z][\w’'-]+", match.group(1)):
            if name.group() not in _EN_LEADING:
                out.append((match.start(1) + name.start(), match.start(1) + name.end()))
    return out


# "Think City, a Malaysian non-profit organization": a name without an organisation
# word, which the words in apposition after it say is one.
_APPOSITION = re.compile(
    r"\b((?:[A-Z][\w’'&.-]*\s+(?:(?:for|of|and)\s+)?){0,4}[A-Z][\w’'&.-]*)"
    r"(?:,|\s+[–—]|\s+is)\s+(?:a|an|the)\s+"
    r"(?:[\w’'-]+\s+){0,4}(?:organi[sz]ation|company|firm|non-profit|nonprofit|NGO|"
    r"foundation|association|university|network|charity|consultancy|start-up|"
    r"agency|institute|think tank|development bank)\b"
)
# "signed a memorandum of understanding with Think City": the other party.
_SIGNED_WITH = re.compile(
    r"\b(?:signed|concluded)\s+(?:an?\s+)?(?:[\w-]+\s+){0,4}?(?:with)\s+"
    r"((?:[A-Z][\w’'&.-]*\s+){0,4}[A-Z][\w’'&.-]*)"
)


def apposition_spans(text: str) -> list[tuple[int, int]]:
    """ "Habitat for Humanity is an international nonprofit organization"."""
    return [
        m.span(1)
        for m in _APPOSITION.finditer(text)
        if m.group(1).split()[0] not in _EN_LEADING
    ]


def named_by_context(text: str) -> list[tuple[int, int]]:
    """Spans of names the words around them make organisations."""
    out = apposition_spans(text)
    out += [m.span(1) for m in _SIGNED_WITH.finditer(text)]
    out += [m.span(1) for m in _STATE_BY_OFFICE.finditer(text)]
    out += [m.span(1) for m in _LOCAL_BY_OFFICE.finditer(text)]
    out += _municipalities(text)
    spans = [(start, start + len(text[start:end].rstrip(".,"))) for start, end in out]
    return [(s, e) for s, e in spans if text[s:e].split()[0] not in _EN_LEADING]


# "Minister of Public Works and Housing": the ministry, named by its minister.
_MINISTER_OF = re.compile(
    r"\bMinister\s+of\s+((?:[A-Z][\w’'-]*)"
    r"(?:\s+(?:and\s+|of\s+|for\s+)?(?!(?:Mr|Ms|Mrs|Dr|Prof|Hon)\b)[A-Z][\w’'-]*)*)"
)


# A ministry written in lower case, as news pages often do: "the ministry of
# interior and UNICEF have signed", "the ministry of foreign affairs".
_LOWER_MINISTRY = re.compile(
    r"\bministry\s+of\s+(?:the\s+)?[a-z]{4,}(?:\s+(?:affairs|development|planning))?"
    r"(?=\s+(?:and|with|to|has|have|had|will|signed|said)\b|\s*[,.;:)])"
)


def ministries_by_minister(text: str) -> list[tuple[int, int]]:
    """ "Minister of Public Works and Housing" names the ministry; "Minister of
    State" none. A ministry in lower case is one too."""
    return [m.span(1) for m in _MINISTER_OF.finditer(text) if " " in m.group(1)] + [
        m.span() for m in _LOWER_MINISTRY.finditer(text)
    ]


# "UN-Habitat Iraq", "UNDP Kenya": an entity's office, named by the entity's short
# name and the country or city it works in.
_AFTER_OFFICE = re.compile(
    r"^(?:’s|'s|\s+[A-Z(]|\s+(?:country|office|programme|team|and|with|is|was|has|"
    r"have|will|would|representative|resident|director|head|chief|staff|took|"
    r"signed|received|to|for)\b|\s+[a-z]{3,}s\b|[,.;:)]|\s*$)"
)
# "the Korea International Cooperation Agency office in Iraq": its office there.
_OFFICE_IN = re.compile(
    r"\s+(?:[Cc]ountry\s+|[Ll]iaison\s+|[Rr]egional\s+)?[Oo]ffice\s+(?:in|for)\s+"
    r"(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2})"
)
_OFFICE_WORD = re.compile(r"\s+(?:[Cc]ountry\s+|[Ll]iaison\s+)?[Oo]ffice\b")
_PLACE_WORDS = re.compile(r" ([A-Z][\w-]+(?: [A-Z][\w-]+){0,2})")


def office_in_place(
    text: str, start: int, end: int, is_place: Callable[[str], bool]
) -> int | None:
    """The end of "<short name> <place>" when the one-word short name at [start,
    end) runs straight into a country or city; None otherwise."""
    name = text[start:end]
    if office := _OFFICE_IN.match(text, end):
        words = office.group(1).split()
        for size in range(len(words), 0, -1):
            if is_place(" ".join(words[:size])):
                return office.start(1) + len(" ".join(words[:size]))
    news_style = NEWS_STYLE.fullmatch(name)  # "Unicef Bangladesh"
    if " " in name or not (news_style or any(c.isupper() for c in name[1:])):
        return None
    match = _PLACE_WORDS.match(text, end)
    if match is None:
        return None
    words = match.group(1).split()
    for size in range(len(words), 0, -1):
        stop = end + 1 + len(" ".join(words[:size]))
        if is_place(" ".join(words[:size])) and _AFTER_OFFICE.match(text[stop:]):
            office = _OFFICE_WORD.match(text, stop)  # "UNDP Erbil office"
            return office.end() if office else stop
    return None
