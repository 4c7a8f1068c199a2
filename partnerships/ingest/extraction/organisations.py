"""Mentions of organisations in a paragraph: known names first, then patterns.

1. The gazetteer (reference data and registry names in every language) is matched
   longest-first.
2. Chinese: jieba segments the text; a word ending in an organisation word (协会,
   基金会, 组织, 委员会, 大学, 市, 县 ...) ends a name, which extends leftwards over
   nouns, place and proper names, Latin words and a few joining characters.
3. English: runs of capitalised words (with "of", "for", "and", "the" inside) that
   hold an organisation word (Association, Foundation, Programme, University ...).
4. Both: a short form or acronym in brackets right after a name, "（开发署）" or
   "(UNDP)", is another name of the same organisation, and is then found on its own
   elsewhere in the document.
"""

from __future__ import annotations

import re

from partnerships.ingest.extraction.chinese import (
    ZH_GENERIC,
    chinese_spans,
    zh_acceptable,
    zh_name_end,
)
from partnerships.ingest.extraction.context import (
    back_references,
    general_assembly_resolutions,
    head_of,
    names_a_text,
    not_an_organisation,
)
from partnerships.ingest.extraction.en_organisations import EnglishSteps, _ministry_of
from partnerships.ingest.extraction.en_references import EnReferences
from partnerships.ingest.extraction.english import (
    EN_ORG_WORDS,
    apposition_spans,
    en_trim,
    english_spans,
    ministries_by_minister,
    named_by_context,
)
from partnerships.ingest.extraction.mention import Mention, _overlaps
from partnerships.ingest.extraction.parties import (
    demonym_spans,
    government_of_spans,
    government_spans,
)
from partnerships.ingest.extraction.segment import Segmenter
from partnerships.ingest.extraction.zh_kinds import zh_title_of_event
from partnerships.ingest.extraction.zh_parties import zh_party_spans
from partnerships.ingest.extraction.zh_references import ZhReferences
from partnerships.ingest.extraction.zh_units import ZhUnits
from partnerships.ingest.gazetteer import Gazetteer, normalise

# Units that belong to the organisation named in them (人居署纽约办事处), which stays
# named too.
_OFFICE_WORDS = ("办事处", "分处", "分部", "代表处", "中心", "秘书处", "联络处")
_BRACKET = re.compile(r"^\s*[（(]([^（）()]{1,24})[）)]")


class OrganisationFinder(EnglishSteps):
    """Finds organisation mentions paragraph by paragraph, remembering the short
    forms a document defines in brackets."""

    def __init__(
        self, gazetteer: Gazetteer, lang: str, places: Gazetteer | None = None
    ) -> None:
        self.gazetteer = gazetteer
        self.places = places or Gazetteer()
        self.lang = lang
        self.defined: dict[str, str] = {}  # short form -> full name, per document
        # Head words of names met so far ("Office", 大会) -> the mention named so.
        self.heads: dict[str, Mention] = {}
        self.speaker: Mention | None = None  # the last named with a speaker's title
        self.segmenter: Segmenter | None = None
        self.zh_references = ZhReferences()
        self.zh_units = ZhUnits()
        self.en_references = EnReferences()
        if lang == "zh":
            self.segmenter = Segmenter(
                (e.name, "nt") for e in gazetteer.names("zh") if e.source != "city"
            )

    def find(self, text: str) -> list[Mention]:
        mentions = [
            Mention(m.start, m.end, m.text, "gazetteer", m.entries)
            for m in self.gazetteer.find(text)
            if any(e.source not in ("country", "city") for e in m.entries)
        ]
        mentions = [self._office_in_place(text, m) for m in mentions]
        # "KOICA Iraq Office": a short form the document defined, with its office.
        mentions.extend(
            self._office_in_place(text, m) for m in self._defined_uses(text, mentions)
        )
        for start, end in self._pattern_spans(text):
            mentions = self._with_pattern(text, start, end, mentions)
        mentions = [self._office_in_place(text, m) for m in mentions]
        if self.segmenter is None:
            mentions = [_ministry_of(text, m) for m in mentions]
        mentions.extend(self._acronyms_defined(text, mentions))
        mentions.sort(key=lambda m: m.start)
        bracketed = self._brackets(text, mentions)
        mentions = [m for m in bracketed if self._kept(text, m)]
        self._forget([m for m in bracketed if m not in mentions])
        # A short form of a name that is no organisation is none either.
        mentions = [m for m in mentions if m.alias_of is None or m.alias_of in mentions]
        mentions += self._listed(text, mentions)
        mentions += self._governments(text, mentions)
        mentions = self._en_parties(text, mentions)
        mentions += self._portfolios(text, mentions)
        mentions += self._back_references(text, mentions)
        mentions += self._en_references(text, mentions)
        mentions += self._we(text, mentions)
        mentions += self._zh_references(text, mentions)
        if self.segmenter is not None:  # Chinese: 执行局, 人大, 省委 (zh_units.py)
            mentions += self.zh_units.find(text, mentions, self.gazetteer.lookup)
        self._remember_heads(mentions)
        return sorted(mentions, key=lambda m: m.start)

    def _forget(self, dropped: list[Mention]) -> None:
        """A short form defined for a name that is no organisation ("the Country
        Programme Document (CPD)") names none in later paragraphs either."""
        for mention in filter(lambda m: names_a_text(m.text), dropped):
            for short in mention.aliases:
                if self.defined.get(short) == mention.text:
                    del self.defined[short]

    def _sources(self, name: str) -> set[str]:
        return {e.source for e in self.places.lookup(name)}

    def _kept(self, text: str, mention: Mention) -> bool:
        if mention.method == "pattern" and (
            any(e.source == "country" for e in self.places.lookup(mention.text))
            or _COUNTRY_FORM.match(mention.text)
        ):
            return False  # "the Union of Comoros": a country, unless it acts
        known = bool(mention.keys) or mention.method in ("acronym", "bracket")
        if self.segmenter is not None and zh_title_of_event(
            text, mention.start, mention.end
        ):
            return False  # 人居III大会秘书长: the conference's, not the UN's
        return not not_an_organisation(
            text, mention.start, mention.end, known=known, keys=mention.keys
        )

    def _governments(self, text: str, mentions: list[Mention]) -> list[Mention]:
        spans = [(m.start, m.end) for m in mentions]
        words = [(m.start, m.end) for m in self.gazetteer.find(text)]
        found: list[Mention] = []
        for start, end, country in (
            government_spans(text, self.places, spans, self.lang, words)
            + demonym_spans(text)
            + government_of_spans(text)
            + (zh_party_spans(text, self._sources) if self.lang == "zh" else [])
        ):
            mention = Mention(start, end, text[start:end], "government")
            mention.aliases.append(country)  # the country the government is of
            if not _overlaps(mention, mentions + found):
                found.append(mention)
        return found

    def _back_references(self, text: str, mentions: list[Mention]) -> list[Mention]:
        found: list[Mention] = []
        assembly = self.gazetteer.lookup("联合国大会") if self.lang == "zh" else []
        for start, end in general_assembly_resolutions(text) if assembly else []:
            mention = Mention(start, end, text[start:end], "gazetteer", tuple(assembly))
            if not _overlaps(mention, mentions + found):
                found.append(mention)
        heads = self.heads if self.lang == "zh" else {}  # English: en_references.py
        for start, end, head in back_references(text, heads, self.lang):
            mention = Mention(start, end, text[start:end], "reference")
            mention.alias_of = self.heads[head]
            if not _overlaps(mention, mentions + found):
                found.append(mention)
        return found

    def _zh_references(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """我省, 该署, 我们 …: the organisation named before (zh_references.py)."""
        if self.segmenter is None:
            return []
        named = [m for m in mentions if m.method != "reference"]
        found = []
        for start, end, target in self.zh_references.find(text, named):
            root = target.alias_of or target
            mention = Mention(start, end, text[start:end], "reference", root.entries)
            if root.method == "government":  # 我省: the province's government
                mention.method, mention.aliases = "government", list(root.aliases)
            mention.alias_of = root
            if not _overlaps(mention, mentions):
                found.append(mention)
        return found

    def _remember_heads(self, mentions: list[Mention]) -> None:
        for mention in mentions:
            if mention.method in ("reference", "government"):
                continue
            root = mention.alias_of or mention
            if head := head_of(mention.text, self.lang):
                self.heads[head] = Mention(
                    root.start, root.end, root.text, root.method, root.entries
                )

    def _with_pattern(
        self, text: str, start: int, end: int, mentions: list[Mention]
    ) -> list[Mention]:
        """The mentions with the name found by its form at [start, end), where it
        does not repeat or contradict a known name."""
        mentions, inside = _known_inside(start, end, mentions)
        if (units := self._english_unit(text, start, end, inside)) is not None:
            return mentions + units
        if any(m.end == end for m in inside):
            return mentions  # the known name is the name; the rest is context
        last = max(inside, key=lambda m: m.end) if inside else None
        if last is not None and (
            _joined_before(text, start, last) or self._unit_of(text, last, end)
        ):
            if not text[last.end : end].endswith(_OFFICE_WORDS):
                # 欧洲联盟委员会: a body whose name holds another's, not its office.
                mentions = [m for m in mentions if m is not last]
        elif last is not None:
            # 人居署与X协会: the name starts after the last known one. (A unit named
            # after a known organisation, 人居署纽约办事处, keeps it whole, and the
            # organisation it belongs to stays named too.)
            start = last.end
            start += len(text[start:end]) - len(text[start:end].lstrip(" 和与及、"))
            if self.segmenter is None:
                span = en_trim(text, start, end)
                if span is None:
                    return mentions
                start, end = span
            if not zh_acceptable(text[start:end].strip(), True):
                return mentions
        candidate = Mention(start, end, text[start:end].strip(), "pattern")
        if _overlaps(candidate, [m for m in mentions if m not in inside]):
            return mentions
        return [*mentions, candidate]

    def _unit_of(self, text: str, known: Mention, end: int) -> bool:
        """Chinese only: the known name runs straight into the rest of the name."""
        rest = text[known.end : end]
        return (
            self.segmenter is not None
            and known.method == "gazetteer"
            and bool(rest)
            and not rest[0].isspace()
            and rest[0] not in "和与及、，"
            and len(rest) <= 8
            and (normalise(rest) not in ZH_GENERIC or zh_name_end(rest) == rest)
            and zh_name_end(rest) is not None
        )

    def _pattern_spans(self, text: str) -> list[tuple[int, int]]:
        if self.segmenter is None:
            for start, end in apposition_spans(text):  # named so for the document
                self.defined.setdefault(text[start:end], text[start:end])
            spans = english_spans(text)
            return spans + [
                span
                for span in named_by_context(text) + ministries_by_minister(text)
                if all(span[1] <= s or e <= span[0] for s, e in spans)
                and not self.places.lookup(text[span[0] : span[1]])
            ]
        return chinese_spans(text, self.segmenter.tokens(text), self._known)

    def _known(self, name: str) -> bool:
        return bool(self.gazetteer.find(name) or self.places.lookup(name))

    def _defined_uses(self, text: str, taken: list[Mention]) -> list[Mention]:
        found: list[Mention] = []
        for short in sorted(self.defined, key=len, reverse=True):
            pattern = re.escape(short)
            if short.isascii() and short.isupper():
                # "the KOICA-UNFPA partnership": two acronyms joined by a hyphen.
                pattern = (
                    rf"(?:(?<![\w-])|(?<=[A-Z]{{2}}-)){pattern}"
                    rf"(?:(?![\w-])|(?=-[A-Z]{{2,}}\b))"
                )
            elif short.isascii():
                pattern = rf"(?<![\w-]){pattern}(?![\w-])"
            for match in re.finditer(pattern, text):
                mention = Mention(match.start(), match.end(), short, "acronym")
                if not _overlaps(mention, taken + found):
                    found.append(mention)
        return found

    def _brackets(self, text: str, mentions: list[Mention]) -> list[Mention]:
        added: list[Mention] = []
        for mention in mentions:
            match = _BRACKET.match(text[mention.end :])
            if not match:
                continue
            inner = _SO_CALLED.sub("", match.group(1)).strip('“”" ')
            start = text.index(inner, mention.end + match.start(1))
            inside = [m for m in mentions if start <= m.start < start + len(inner)]
            if len(inside) == 1 and inside[0].text == inner:
                short = inside[0]
            elif not inside and _short_form(inner):
                found = self.gazetteer.find(inner)
                entries = found[0].entries if found and found[0].text == inner else ()
                short = Mention(start, start + len(inner), inner, "bracket", entries)
                added.append(short)
            else:
                continue
            short.alias_of = mention
            mention.aliases.append(inner)
            self.defined.setdefault(inner, mention.text)
            head = mention.text.split()[0]
            if head in EN_ORG_WORDS:
                # "the Agency for Coastal Towns (ACT)", then "the Agency".
                self.defined.setdefault(head, mention.text)
        return sorted(mentions + added, key=lambda m: m.start)


# "Union of Comoros", "Republic of Korea": the formal name of a country.
_COUNTRY_FORM = re.compile(
    r"^(?:(?:Islamic|Democratic|People’s|People's|Federal|United)\s+)?"
    r"(?:Union|Republic|Kingdom|State|Federation|Commonwealth|Principality|Emirates)"
    r"\s+of\s+(?:the\s+)?[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?$"
)


def _known_inside(
    start: int, end: int, mentions: list[Mention]
) -> tuple[list[Mention], list[Mention]]:
    """The mentions, and those of known names inside [start, end), less a leading
    联合国 (联合国地方当局咨询委员会 is one name) and an acronym the document defined
    at the end of a longer name ("Agency" of "Swedish ... Cooperation Agency")."""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    if inside and inside[0].start == start and inside[0].keys == {"UN"}:
        mentions = [m for m in mentions if m is not inside[0]]
        inside = inside[1:]
    if inside and all(m.method == "acronym" for m in inside):
        if inside[-1].end == end and inside[-1].start > start:
            mentions = [m for m in mentions if m not in inside]
            inside = []
    return mentions, inside


# （以下简称“人居三”）: the short form is what follows "hereafter".
_SO_CALLED = re.compile(r"^\s*(?:以下简称|下称|简称|hereinafter|hereafter)\s*")


def _joined_before(text: str, start: int, known: Mention) -> bool:
    """A name that starts with a place joined by a hyphen to the known name inside
    it is one name: 中国-联合国和平与发展基金指导委员会."""
    return start < known.start and text[known.start - 1 : known.start] in "-–—"


def _short_form(inner: str) -> bool:
    """Brackets hold a short form or acronym, not a comment or a year."""
    if re.fullmatch(r"[A-Z][A-Za-z0-9&-]{1,11}", inner):
        return any(c.isupper() for c in inner[1:]) or len(inner) <= 5
    if re.fullmatch(r"[\u3400-\u9fff“”]{2,12}", inner):
        return normalise(inner) not in ZH_GENERIC
    return False
