"""How an activity's elements are kept as published (`Record.kept`): standing on
their own, without layout, so that an export read back gives the same text."""

from __future__ import annotations

from lxml import etree

from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.iati import mapping as m

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# A general description the file had, with nothing beyond what the registry holds
# (written without the root's namespace declarations).
_GENERAL = '<description type="1"/>'


def code(value: str | None) -> str:
    """A language code as IATI's Language codelist spells it ("EN" is "en")."""
    return (value or "").split("-")[0].strip().lower()


def un_language(value: str | None) -> str:
    """The code when it is one of the six UN languages, else ""."""
    lang = code(value)
    return lang if lang in UN_LANGUAGES else ""


def settle(element: etree._Element, lang: str) -> None:
    """Each narrative naming its language when the activity's (`lang`, as
    written) is not English, as an export's activity is. (Layout whitespace is
    gone already: the reader's parser drops it, `reader._PARSER_OPTIONS`.)"""
    if lang != "en":
        for narrative in element.iter("narrative"):
            if not narrative.get(XML_LANG):
                narrative.set(XML_LANG, lang)


def kept(element: etree._Element) -> list[str]:
    """The activity's own attributes (an empty `iati-activity`, when it has
    any), then the elements of mapping.KEPT, ECHOED and FAITHFUL in the file's
    order."""
    # IATI's own attributes; those of other namespaces (a datastore's) are not
    # kept: written on the export's activity they would renumber its prefixes.
    own = {
        k: v
        for k, v in element.attrib.items()
        if k not in m.OWN_ATTRIBUTES and not k.startswith("{")
    }
    out = [_text(etree.Element(m.ACTIVITY, own))] if own else []
    # Written out: it runs for every kept element of every activity (a hundred
    # recipient countries in one).
    tostring = etree.tostring
    for child in element.iterchildren(*_KEPT):
        if child.tag in _NARRATED:
            if _beyond(child):
                out.append(_text(child))
        else:
            out.append(tostring(child, encoding="unicode", with_tail=False))
    return out


_KEPT = (*m.KEPT, *m.ECHOED, *m.FAITHFUL)
# What `_beyond` and `_text` treat apart; every other element is kept whole.
_NARRATED = frozenset({"title", "description"})


def _text(child: etree._Element) -> str:
    if child.tag == "description" and child.get("type") == "1" and not len(child):
        return _GENERAL
    return etree.tostring(child, encoding="unicode", with_tail=False)


def _beyond(child: etree._Element) -> bool:
    """Keep of a title or general description only its narratives in languages
    the registry does not hold (the others it holds, as curated); False for a
    title left with none."""
    if child.tag not in ("title", "description") or child.get("type", "1") != "1":
        return True
    for narrative in child.findall("narrative"):
        if un_language(narrative.get(XML_LANG) or "en"):
            child.remove(narrative)
    if child.tag == "description":
        # Kept even empty, typed as the export types it: the file had one.
        child.set("type", "1")
        return True
    return len(child) > 0
