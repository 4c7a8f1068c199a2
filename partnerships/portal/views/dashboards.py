"""Dashboards: charts, a world map, the partnership network and money flows.

The page itself carries every figure as a table, so it reads without JavaScript;
the scripts draw the charts from the JSON endpoints below, which read through the
same permission layer.
"""

from __future__ import annotations

from typing import Any

import pycountry
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Kind
from partnerships.core.actor import Actor
from partnerships.core.languages import localized
from partnerships.portal import figures, money, selectors
from partnerships.portal.language import content_language
from partnerships.reference.models import Theme
from partnerships.reference.unterm import country_localized
from partnerships.registry.categories import Category

DIMENSIONS = {"kinds": "kind", "categories": "category", "themes": "theme"}


def _numeric(alpha2: str) -> str:
    """ISO 3166 numeric code (world-atlas names its shapes by it)."""
    found = pycountry.countries.get(alpha_2=alpha2)
    return found.numeric if found else ""


def _labels(dimension: str) -> dict[str, str]:
    if dimension == "kind":
        return {code: str(text) for code, text in Kind.choices}
    if dimension == "category":
        return {code: str(text) for code, text in Category.choices}
    lang = content_language()
    return {
        t.code: localized(t, "name", lang).text or t.code for t in Theme.objects.all()
    }


def pivot(rows: list[dict[str, Any]], labels: dict[str, str]) -> dict[str, Any]:
    """Rows of (year, value, n) as a table: a row per year, a column per value."""
    # Every year from the first to the last: an axis that skips empty years
    # misleads.
    found = {row["year"] for row in rows}
    years = list(range(min(found), max(found) + 1)) if found else []
    values = sorted({row["value"] for row in rows})
    cells = {(row["year"], row["value"]): row["n"] for row in rows}
    return {
        "columns": [labels.get(v, v) for v in values],
        "keys": values,
        "rows": [
            {"year": year, "cells": [cells.get((year, v), 0) for v in values]}
            for year in years
        ],
    }


def _countries(actor: Any) -> list[dict[str, Any]]:
    lang = content_language()
    return [
        {
            "code": row["country_id"],
            "numeric": _numeric(row["country_id"]),
            "name": country_localized(
                row["country_id"], lang, {"en": row["country__name_en"]}
            ).text,
            "n": row["n"],
        }
        for row in figures.by_country(actor)
    ]


def _network_params(request: HttpRequest) -> dict[str, Any]:
    category = request.GET.get("category", "")
    if category not in Category.values:
        category = ""
    year = request.GET.get("year", "")
    return {
        "category": category,
        "year": int(year) if year.isdigit() and len(year) == 4 else None,
    }


@require_safe
def page(request: HttpRequest) -> HttpResponse:
    """The figures, charts and tables are the same for every public reader of a
    language: their HTML is kept (`figures.cached_public`, dropped by any write)
    rather than made again from the kept figures, 17 700 template nodes and about
    20 ms of CPU a request at a million engagements (docs/portal.md)."""
    actor = actor_for(request.user)
    params = _network_params(request)
    body = figures.cached_public(
        actor,
        "dashboards",
        (get_language(), content_language(), params),
        lambda: render_to_string(
            "portal/_dashboards_body.html", _context(actor, params), request
        ),
    )
    # The body is our own template's output, escaped as it was made.
    safe = mark_safe(body)  # noqa: S308
    return render(request, "portal/dashboards.html", {"body": safe})


def _context(actor: Actor, params: dict[str, Any]) -> dict[str, Any]:
    return {
        "tables": {
            name: {**pivot(figures.by_year(actor, dim), _labels(dim)), "param": dim}
            for name, dim in DIMENSIONS.items()
        },
        "countries": _countries(actor),
        "dating": figures.dating(actor),
        "network": _named(figures.network(actor, **params)),
        "network_params": params,
        "categories": Category.choices,
        **_money(actor),
    }


def _named(graph: dict[str, Any]) -> dict[str, Any]:
    """The graph's nodes with `name` in the reader's language (else English, else
    any) and the `lang` it is in, without changing the cached figures."""
    lang = content_language()
    nodes = []
    for node in graph["nodes"]:
        names = node["names"]
        found = next((code for code in (lang, "en", *names) if names.get(code)), "")
        nodes.append({**node, "name": names.get(found) or node["key"], "lang": found})
    return {**graph, "nodes": nodes}


def _money(actor: Actor) -> dict[str, Any]:
    """Money per measure and currency, and per kind of engagement."""
    kinds = {code: str(label) for code, label in Kind.choices}
    return {"money": money.tables(money.by_measure(actor), kinds)}


@require_safe
def data(request: HttpRequest, name: str) -> JsonResponse:
    actor = actor_for(request.user)
    if name in DIMENSIONS:
        dim = DIMENSIONS[name]
        payload: Any = pivot(figures.by_year(actor, dim), _labels(dim))
    elif name == "countries":
        payload = {"countries": _countries(actor)}
    elif name == "network":
        payload = figures.network(actor, **_network_params(request))
    elif name == "money":
        payload = {"flows": money.by_measure(actor)["flows"]}
    else:
        raise Http404
    return JsonResponse(payload)


@require_safe
def organisation_network(request: HttpRequest, key: str) -> JsonResponse:
    actor = actor_for(request.user)
    org = selectors.organisation_for(actor, key)
    if org is None:
        raise Http404
    return JsonResponse(figures.ego_network(actor, org))
