"""Content in the reader's language, with the fallback marked rather than hidden."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from urllib.parse import urlencode

from babel.dates import format_date, format_skeleton
from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from partnerships.core.dates import Precision
from partnerships.core.languages import interface_language, localized
from partnerships.portal.language import content_language, html_lang

register = template.Library()


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """`text` escaped, with each occurrence of `query` (any case) in <mark>."""
    text = str(text or "")
    query = str(query or "").strip()
    if not query:
        return conditional_escape(text)
    parts = re.split(f"({re.escape(query)})", text, flags=re.IGNORECASE)
    return mark_safe(  # noqa: S308 - every part is escaped
        "".join(
            f"<mark>{conditional_escape(part)}</mark>"
            if index % 2
            else str(conditional_escape(part))
            for index, part in enumerate(parts)
        )
    )


@register.filter
def around(text: str, query: str, width: int = 200) -> str:
    """About `width` characters of `text` around the first occurrence of `query`,
    so that a long passage shows where it matched."""
    text = str(text or "")
    at = text.casefold().find(str(query or "").strip().casefold())
    if len(text) <= width or at < 0:
        return text if len(text) <= width else text[: width - 1] + "…"
    start = max(at - width // 3, 0)
    end = min(start + width, len(text))
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


@register.simple_tag
def loc(obj: Any, base: str = "name", mark: str = "") -> str:
    """`obj`'s `base` text in the current language; a fallback says so. `mark`
    highlights a searched word in it."""
    text = localized(obj, base, content_language())
    body = highlight(text.text, mark) if mark else text.text
    if not text.is_fallback:
        return format_html('<span lang="{}">{}</span>', html_lang(text.lang), body)
    if not text.text:
        return format_html('<span class="missing">{}</span>', getattr(obj, "key", ""))
    return format_html(
        '<span lang="{}" class="fallback" title="{}">{}'
        '<sup class="fallback-mark" aria-label="{}">{}</sup></span>',
        html_lang(text.lang),
        gettext("Not available in your language"),
        body,
        gettext("Not available in your language"),
        text.lang,
    )


@register.simple_tag
def plain(obj: Any, base: str = "name") -> str:
    """The same text without markup (for attributes and titles)."""
    return localized(obj, base, content_language()).text


@register.filter
def fuzzy(obj: Any, prefix: str) -> str:
    """A date as precisely as it is known, in the reader's language:
    `engagement|fuzzy:"start"` gives "2018", "May 2018" or "3 May 2018"."""
    value = getattr(obj, f"{prefix}_date", None)
    if value is None:
        return ""
    return human_date(value, getattr(obj, f"{prefix}_precision", ""))


def human_date(value: Any, precision: str) -> str:
    found = interface_language(translation.get_language())
    locale = found.locale if found else "en"
    if precision == Precision.YEAR:
        return str(value.year)
    if precision == Precision.MONTH:
        return format_skeleton("yMMMM", value, locale=locale)
    return format_date(value, "long", locale=locale)


@register.simple_tag(takes_context=True)
def query_with(context: dict[str, Any], **changes: Any) -> str:
    """The current query string with some parameters changed (for pages, sorting)."""
    params = context["request"].GET.copy()
    for name, value in changes.items():
        if value in (None, ""):
            params.pop(name, None)
        else:
            params[name] = value
    return "?" + urlencode(list(params.lists()), doseq=True)


@register.simple_tag(takes_context=True)
def query_without(context: dict[str, Any], name: str) -> str:
    """The current query string without one filter, back to the first page."""
    params = context["request"].GET.copy()
    for dropped in (name, "page"):
        params.pop(dropped, None)
    return "?" + urlencode(list(params.lists()), doseq=True)


@register.filter
def get_item(mapping: dict[str, Any], key: str) -> Any:
    return mapping.get(key, key)


@register.filter
def get_index(items: list[Any], index: int) -> Any:
    return items[index] if 0 <= index < len(items) else ""


@register.filter
def htmllang(code: str) -> str:
    """The `lang` attribute of text in a content or interface language."""
    return html_lang(code)


@register.simple_tag
def category_labels() -> dict[str, str]:
    """The categories of organisations by code, in the reader's language (the
    network graphs' legend)."""
    from partnerships.registry.categories import Category

    return {code: str(label) for code, label in Category.choices}


# A key that URL quoting leaves as it is and that a `<str:...>` route takes.
PLAIN_KEY = re.compile(r"[A-Za-z0-9._~-]+")
MARKER = "0key0"


@lru_cache(maxsize=64)
def _around_key(name: str, prefix: str, urlconf: Any) -> tuple[str, str]:
    head, _marker, tail = reverse(name, args=[MARKER]).rpartition(MARKER)
    return head, tail


@register.simple_tag
def link(name: str, key: Any) -> str:
    """`{% url name key %}` for the page of one key (an organisation, an
    engagement, a country) in a loop: the path around the key is reversed once
    per page name, not once per row (Django's reverse was a tenth of a list's
    rendering). A key that quoting would change goes through reverse itself."""
    text = str(key)
    if not PLAIN_KEY.fullmatch(text):
        return reverse(name, args=[text])
    head, tail = _around_key(name, get_script_prefix(), get_urlconf())
    return head + text + tail


@register.simple_tag
def dates(obj: Any) -> str:
    """An engagement's dates as precisely as they are known ("2017–2018", "from
    May 2018", "until 2020", "undated"), written in Python rather than included
    from a template for each row of a list."""
    start, end = fuzzy(obj, "start"), fuzzy(obj, "end")
    if start and end:
        return format_html("{}–{}", start, end)
    if start or end:
        text = gettext("from %(start)s") if start else gettext("until %(end)s")
        escaped = {"start": conditional_escape(start), "end": conditional_escape(end)}
        return mark_safe(text % escaped)  # noqa: S308 - the dates escaped
    return format_html('<span class="meta">{}</span>', gettext("undated"))


@register.simple_tag
def countries_of(engagement: Any) -> str:
    """The countries of an engagement's places (prefetched in country order), each
    once, as links to their pages, separated by commas (none after the last, even
    when the last country has several places)."""
    once = {place.country_id: place for place in engagement.places.all()}
    return mark_safe(  # noqa: S308 - each part escaped
        ", ".join(
            format_html(
                '<a href="{}">{}</a>',
                link("portal:country", code),
                loc(place.country, "name"),
            )
            for code, place in once.items()
        )
    )
