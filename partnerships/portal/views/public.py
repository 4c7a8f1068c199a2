"""The public reading pages: what the permission layer lets the visitor see."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Kind, Role
from partnerships.core.languages import LANGUAGES
from partnerships.portal import figures, selectors, summaries
from partnerships.portal import search as site_search
from partnerships.portal.forms import DirectoryForm
from partnerships.portal.language import content_language
from partnerships.reference.unterm import country_names_in
from partnerships.registry.selectors import unverified_names


def _template(request: HttpRequest, page: str, fragment: str) -> str:
    """htmx asks for the fragment alone; everyone else gets the whole page."""
    return fragment if request.headers.get("HX-Request") else page


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    actor = actor_for(request.user)
    return render(
        request,
        "portal/home.html",
        {"figures": figures.key_figures(actor), "kinds": dict(Kind.choices)},
    )


@require_safe
def search(request: HttpRequest) -> HttpResponse:
    text = request.GET.get("q", "")[:200]
    actor, only, page = (
        actor_for(request.user),
        request.GET.get("type", ""),
        _page_number(request),
    )
    # The public's results are the same for every anonymous reader of a language.
    results = figures.cached_public(
        actor,
        "search",
        (get_language(), text, only, page),
        lambda: site_search.search(actor, text, only=only, page=page),
    )
    return render(
        request,
        _template(request, "portal/search.html", "portal/_search_results.html"),
        {"q": text, "results": results},
    )


def _page_number(request: HttpRequest) -> int:
    try:
        return max(int(request.GET.get("page", "1")), 1)
    except ValueError:
        return 1


@require_safe
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryForm(request.GET or None)
    query = form.query() if form.is_valid() else selectors.DirectoryQuery()
    actor = actor_for(request.user)
    rows, has_next = figures.cached_public(
        actor,
        "directory",
        (get_language(), query),
        lambda: selectors.directory(actor, query),
    )
    return render(
        request,
        _template(request, "portal/directory.html", "portal/_directory_rows.html"),
        {"form": form, "rows": rows, "page": query.page, "has_next": has_next},
    )


@require_safe
def organisation(request: HttpRequest, key: str) -> HttpResponse:
    actor = actor_for(request.user)
    org = selectors.organisation_for(actor, key)
    if org is None:
        raise Http404
    found = figures.cached_public(
        actor, "profile", (org.pk,), lambda: selectors.profile(actor, org)
    )
    # Staff see which names no published source confirms (the public does not).
    unverified = unverified_names(org) if actor.is_staff_role else None
    return render(
        request,
        "portal/organisation.html",
        {
            "p": found,
            "names": [
                (lang, text, unverified and lang.code in unverified[0])
                for lang in LANGUAGES
                if (text := getattr(org, f"name_{lang.code}", ""))
            ],
            "unverified_other": unverified[1] if unverified else (),
            "language_names": {lang.code: lang.native_name for lang in LANGUAGES},
            "country_names": country_names_in(
                [c["country_id"] for c in found.countries], content_language()
            ),
            "roles": dict(Role.choices),
        },
    )


@require_safe
def engagement(request: HttpRequest, key: str) -> HttpResponse:
    actor = actor_for(request.user)
    found = selectors.engagement_for(actor, key)
    if found is None:
        raise Http404
    evidence = selectors.engagement_evidence(actor, found)
    same = selectors.same_passages_in(
        actor, [ev.passage for ev in evidence], content_language()
    )
    return render(
        request,
        "portal/engagement.html",
        {
            "e": found,
            # Each quote with the same paragraph in the reader's language, if any.
            "evidence": [(ev, same.get(ev.passage.pk)) for ev in evidence],
            "roles": dict(Role.choices),
            "kinds": dict(Kind.choices),
        },
    )


@require_safe
def documents(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/documents.html",
        {"documents": selectors.documents(actor_for(request.user))},
    )


@require_safe
def document(request: HttpRequest, symbol: str) -> HttpResponse:
    actor = actor_for(request.user)
    found = selectors.document_for(actor, symbol, request.GET.get("lang", ""))
    if found is None:
        raise Http404
    passages = selectors.document_passages(actor, found)
    return render(
        request,
        "portal/document.html",
        {
            "doc": found,
            "passages": passages,
            "contents": summaries.contents(passages),
            "roles": dict(Role.choices),
        },
    )


@require_safe
def ping(request: HttpRequest) -> HttpResponse:
    """The cheapest page of the server: the framework's floor in the benchmark."""
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")
