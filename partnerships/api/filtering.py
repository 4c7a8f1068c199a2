"""The API's filter backend: filter sets that follow references to other records
(a partner's key or name) are told who reads, so that they follow only what the
reader may see."""

from __future__ import annotations

from typing import Any

from django_filters.rest_framework import DjangoFilterBackend


class ActorFilterBackend(DjangoFilterBackend):
    def get_filterset_kwargs(self, request: Any, queryset: Any, view: Any) -> dict:
        kwargs = super().get_filterset_kwargs(request, queryset, view)
        filterset_class = self.get_filterset_class(view, queryset)
        if getattr(filterset_class, "takes_actor", False):
            kwargs["actor"] = view.actor
        return kwargs
