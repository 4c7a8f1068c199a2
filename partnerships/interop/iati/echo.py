"""What an imported activity published of the elements the registry maps, given
back by the export where the registry cannot hold it (mapping.ECHOED):

- `title` and the general `description`: the registry's narratives (the six UN
  languages, as curated) and then the published narratives in other languages
  (Finnish, Dutch ...), each with its xml:lang;
- descriptions of other types (objectives, target groups, other): as published
  (and the derived general description left out when the file had none: it
  only stood in for them);
- `participating-org`: each published one that still names a participation of
  the engagement (same organisation, by @ref or by name, or by another of its
  identifiers or names as the import matched it, in a role that exports as
  the same IATI role) replaces the derived one, in the file's order: role 3
  Extending, @activity-id and @crs-channel-code and every narrative come back.
  A participation added in the registry is written as derived; a published one
  whose participation is gone is not written.
"""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.iati import mapping as m
from partnerships.interop.iati.elements import prefetched, texts
from partnerships.interop.iati.inverse import ROLES
from partnerships.interop.iati.reader import XML_LANG
from partnerships.registry.models import Organisation

_GENERAL = ("", m.DESCRIPTION_GENERAL)


def echo(
    activity: etree._Element,
    elements: list[etree._Element],
    parties: Sequence[tuple[str, Organisation]] = (),
) -> None:
    """Fold the published `elements` (ECHOED tags) into the derived activity;
    `parties` are the derived participating-orgs' (role, organisation)."""
    by_tag: dict[str, list[etree._Element]] = {tag: [] for tag in m.ECHOED}
    for element in elements:
        by_tag[element.tag].append(element)
    derived_title = activity.find("title")
    general = activity.find("description")
    published = by_tag["description"]
    if _stands_in(general, derived_title) and any(
        len(d) for d in published if d.get("type", "") in _GENERAL
    ):
        # Without a summary the export repeats the title as the description;
        # the file's own description (other languages only) replaces it.
        for narrative in general.findall("narrative"):
            general.remove(narrative)
    for title in by_tag["title"]:
        _other_languages(title, derived_title)
    if (
        published
        and general is not None
        and not any(d.get("type", "") in _GENERAL for d in published)
    ):
        # The file had no general description: the derived one only stood in
        # for another type's (the import's summary), which comes back below.
        activity.remove(general)
    for description in published:
        if description.get("type", "") in _GENERAL:
            _other_languages(description, general)
        else:
            activity.append(description)
    _participants(activity, by_tag["participating-org"], parties)


def _stands_in(general: etree._Element | None, title: etree._Element | None) -> bool:
    if general is None or title is None:
        return False
    pairs = [(n.get(XML_LANG), n.text) for n in general.findall("narrative")]
    return pairs == [(n.get(XML_LANG), n.text) for n in title.findall("narrative")]


def _other_languages(published: etree._Element, derived: etree._Element) -> None:
    if derived is None:
        return
    for narrative in published.findall("narrative"):
        lang = (narrative.get(XML_LANG) or "en").split("-")[0].lower()
        if lang not in UN_LANGUAGES:
            derived.append(narrative)


def _texts(element: etree._Element) -> set[str]:
    return {
        " ".join((n.text or "").split())
        for n in element.findall("narrative")
        if (n.text or "").strip()
    }


def _same(published: etree._Element, derived: etree._Element) -> bool:
    role = ROLES.get(published.get("role", ""))
    if m.ROLE_CODES.get(role) != derived.get("role"):
        return False
    ref = (published.get("ref") or "").strip()
    if ref and ref == derived.get("ref"):
        return True
    names = _texts(derived)
    return bool(_texts(published) & names) or (not _texts(published) and ref in names)


def _alias(published: etree._Element, role: str, org: Organisation) -> bool:
    """The published organisation is `org` by another of its identifiers or
    names (an alias, a short form ...), in the same IATI role: as the import
    resolved it."""
    if m.ROLE_CODES.get(ROLES.get(published.get("role", ""))) != role:
        return False
    ref = (published.get("ref") or "").strip()
    if ref and ref in {i.value for i in prefetched(org, "identifiers")}:
        return True
    names = {n.casefold() for _, n in texts(org, "name")}
    names |= {
        " ".join(n.value.split()).casefold() for n in prefetched(org, "other_names")
    }
    return bool({t.casefold() for t in _texts(published)} & names)


def _participants(
    activity: etree._Element,
    published: list[etree._Element],
    parties: Sequence[tuple[str, Organisation]],
) -> None:
    derived = activity.findall("participating-org")
    if not derived or not published:
        return
    # One derived element per party, in the same order (activity.py).
    owners = dict(zip(map(id, derived), parties, strict=False))

    def same(p: etree._Element, d: etree._Element) -> bool:
        if _same(p, d):
            return True
        party = owners.get(id(d))
        return party is not None and _alias(p, *party)

    chosen = [p for p in published if any(same(p, d) for d in derived)]
    replaced = [d for d in derived if any(same(p, d) for p in chosen)]
    first = activity.index(derived[0])
    for element in replaced:
        activity.remove(element)
    for offset, element in enumerate(chosen):
        activity.insert(first + offset, element)
