"""Browsing engagements: the list with its filters, and the pages of a country, a
theme and an SDG target, each linking to the list it summarises."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from partnerships.accounts.actors import actor_for
from partnerships.cooperation.models import Kind, Status
from partnerships.portal import browse
from partnerships.portal.browse_forms import EngagementListForm
from partnerships.portal.figures import cached_public
from partnerships.reference.models import Country, SdgTarget, Theme


def _page_number(request: HttpRequest) -> int:
    value = request.GET.get("page", "1")
    return max(int(value), 1) if value.isdigit() else 1


@require_safe
def engagements(request: HttpRequest) -> HttpResponse:
    form = EngagementListForm(request.GET or None)
    params = form.params()
    page = _page_number(request)
    actor = actor_for(request.user)
    rows, has_next = cached_public(
        actor,
        "engagements",
        (get_language(), sorted(params.items()), page),
        lambda: browse.engagement_page(actor, params, page),
    )
    fragment = request.headers.get("HX-Request")
    return render(
        request,
        "portal/_engagement_rows.html" if fragment else "portal/engagements.html",
        {
            "form": form,
            "rows": rows,
            "page": page,
            "has_next": has_next,
            "kinds": dict(Kind.choices),
            "statuses": dict(Status.choices),
        },
    )


def _topic_page(
    request: HttpRequest, subject: object, heading: str, params: dict[str, str]
) -> HttpResponse:
    actor = actor_for(request.user)
    found = browse.topic(actor, params)
    list_url = reverse("portal:engagements") + "?" + urlencode(params)
    return render(
        request,
        "portal/topic.html",
        {
            "subject": subject,
            "heading": heading,
            "topic": found,
            "list_url": list_url,
            "years_most": max((y["n"] for y in found.years), default=0),
            "kinds": dict(Kind.choices),
            "statuses": dict(Status.choices),
        },
    )


@require_safe
def country(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(Country, code=code.upper())
    return _topic_page(request, found, "country", {"country": found.code})


@require_safe
def theme(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(Theme, code=code)
    return _topic_page(request, found, "theme", {"theme": found.code})


@require_safe
def sdg_target(request: HttpRequest, code: str) -> HttpResponse:
    found = get_object_or_404(SdgTarget.objects.select_related("goal"), code=code)
    return _topic_page(request, found, "target", {"sdg_target": found.code})
