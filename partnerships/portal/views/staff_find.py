"""Finding records without knowing their keys: the suggestions of the staff
forms' pickers (htmx fills a datalist with them)."""

from __future__ import annotations

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from partnerships.accounts.gates import staff_actor, staff_required
from partnerships.core.languages import field_names, localized
from partnerships.portal.language import content_language
from partnerships.reference.models import Country
from partnerships.reference.unterm import codes_named
from partnerships.registry.search import organisations_ranked
from partnerships.sources.visibility import documents_shown_to

MOST = 12


def _organisations(request: HttpRequest, text: str) -> list[tuple[str, str]]:
    found = organisations_ranked(staff_actor(request), text, close=MOST).found
    lang = content_language()
    return [
        (f.organisation.key, localized(f.organisation, "name", lang).text)
        for f in found[:MOST]
    ]


def _countries(request: HttpRequest, text: str) -> list[tuple[str, str]]:
    names = Q(code__iexact=text) | Q(code__in=codes_named(text))
    for column in ("name_en", "name_fr"):
        names |= Q(**{f"{column}__icontains": text})
    lang = content_language()
    return [
        (c.code, localized(c, "name", lang).text)
        for c in Country.objects.filter(names).order_by("name_en")[:MOST]
    ]


def _documents(request: HttpRequest, text: str) -> list[tuple[str, str]]:
    titles = Q(symbol__icontains=text)
    for column in field_names("title"):
        titles |= Q(**{f"{column}__icontains": text})
    lang = content_language()
    return [
        (d.symbol, localized(d, "title", lang).text[:120])
        for d in documents_shown_to(staff_actor(request))
        .filter(titles)
        .order_by("-date")[:MOST]
    ]


PICKERS = {
    "organisations": _organisations,
    "countries": _countries,
    "documents": _documents,
}


@require_safe
@staff_required
def pick(request: HttpRequest, what: str) -> HttpResponse:
    """`<option>`s for the text typed into a picker (whatever the field's name)."""
    if what not in PICKERS:
        raise Http404
    text = next((v for v in request.GET.values() if v.strip()), "")[:100].strip()
    options = PICKERS[what](request, text) if len(text) >= 2 else []
    return render(request, "portal/staff/_options.html", {"options": options})
