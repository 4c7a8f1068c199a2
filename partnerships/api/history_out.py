"""A record's history as the API gives it (`public_history.history_for`)."""

from __future__ import annotations

from rest_framework import serializers


class ChangeOut(serializers.Serializer):
    field = serializers.CharField()
    before = serializers.JSONField()
    after = serializers.JSONField()


class HistoryOut(serializers.Serializer):
    history_id = serializers.IntegerField()
    date = serializers.DateTimeField()
    user = serializers.CharField(allow_null=True)
    type = serializers.ChoiceField(choices=["created", "changed", "deleted"])
    reason = serializers.CharField(allow_null=True)
    changes = ChangeOut(many=True)
    # An engagement's places and money lines this change added, changed or
    # removed (cooperation/children.py); staff only, empty for the public.
    children = serializers.JSONField()
