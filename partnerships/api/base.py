"""What every API view shares: the reader as an actor, and the versioned
detail (ETag, If-Match writes) of organisations and engagements."""

from __future__ import annotations

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response

from partnerships.accounts.actors import actor_for
from partnerships.api import serializers as s
from partnerships.api.etag import etag_of, expected_version, not_modified
from partnerships.api.public_history import history_for
from partnerships.core.actor import Actor

TAKEN = "This key is already taken: choose another."


class ActorMixin:
    request: Request

    @property
    def actor(self) -> Actor:
        if not hasattr(self, "_actor"):
            self._actor = actor_for(self.request.user)
        return self._actor

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "actor": self.actor}


def visible_parent_key(visible: QuerySet) -> Subquery:
    """The key of the record's parent if the reader may see it, else null."""
    return Subquery(visible.filter(pk=OuterRef("parent_id")).values("key")[:1])


class VersionedDetail(ActorMixin):
    """GET with an ETag (and If-None-Match); writes need If-Match."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        obj = self.get_object()
        if not_modified(request, obj.version):
            return Response(
                status=status.HTTP_304_NOT_MODIFIED,
                headers={"ETag": etag_of(obj.version)},
            )
        data = self.get_serializer(obj).data
        return Response(data, headers={"ETag": etag_of(obj.version)})

    def _written(self, obj: Any, code: int = status.HTTP_200_OK) -> Response:
        # Read back as the reader sees it (its parent only if visible); a record
        # just made outside the reader's sight is shown without its parent.
        found = self.get_queryset().filter(pk=obj.pk).first()
        if found is None:
            obj.refresh_from_db()
        obj = found or obj
        data = self.get_serializer(obj).data
        return Response(data, status=code, headers={"ETag": etag_of(obj.version)})

    # What differs between organisations and engagements: the input serializer, the
    # services, the keyword the services name the record by, and deleted records.
    input_class: type[s.WriteIn]
    subject: str
    service_create: Any
    service_update: Any
    service_delete: Any
    service_restore: Any
    deleted_for: Any
    name_field: str

    def queryset_all(self) -> QuerySet:
        return self.get_queryset().model.objects.all()

    def _input(self, request: Request, *, partial: bool) -> s.WriteIn:
        data = self.input_class(data=request.data, partial=partial)
        data.is_valid(raise_exception=True)
        return data

    def _changes(self, data: s.WriteIn) -> dict[str, Any]:
        return {k: v for k, v in data.changes().items() if k != "key"}

    def _refusal(self, data: s.WriteIn) -> dict[str, list[str]] | None:
        """Why a new record cannot be made, named for the field to mend. A key
        taken by any record, seen or not, reads the same."""
        key = data.validated_data.get("key")
        if not key:
            return {"key": ["A key is required."]}
        base = data.fields[self.name_field].base
        names = [v for k, v in data.validated_data.items() if k.startswith(base + "_")]
        if not any(names):
            return {self.name_field: ["Give a name in at least one language."]}
        if self.queryset_all().filter(key=key).exists():
            return {"key": [TAKEN]}
        return None

    def _create(self, request: Request) -> Response:
        data = self._input(request, partial=False)
        refusal = self._refusal(data)
        if refusal:
            return Response(refusal, status=status.HTTP_400_BAD_REQUEST)
        try:
            with transaction.atomic():
                obj = type(self).service_create(
                    actor=self.actor,
                    key=data.validated_data["key"],
                    changes=self._changes(data),
                    reason=data.validated_data.get("reason", ""),
                )
        except IntegrityError:  # the key was taken in the meantime
            return Response({"key": [TAKEN]}, status=status.HTTP_400_BAD_REQUEST)
        return self._written(obj, status.HTTP_201_CREATED)

    def _update(self, request: Request) -> Response:
        record = self.get_object()
        data = self._input(request, partial=True)
        obj = type(self).service_update(
            actor=self.actor,
            expected_version=expected_version(request),
            changes=self._changes(data),
            reason=data.validated_data.get("reason", ""),
            **{self.subject: record},
        )
        return self._written(obj)

    def _destroy(self, request: Request) -> Response:
        record = self.get_object()
        type(self).service_delete(
            actor=self.actor,
            expected_version=expected_version(request),
            reason=request.query_params.get("reason", ""),
            **{self.subject: record},
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    def _restore(self, key: str) -> Response:
        record = type(self).deleted_for(self.actor).filter(key=key).first()
        if record is None:
            raise Http404
        obj = type(self).service_restore(actor=self.actor, **{self.subject: record})
        return self._written(obj)

    def _history(self) -> Response:
        records = history_for(self.get_object(), self.actor)
        return Response(s.HistoryOut(records, many=True).data)
