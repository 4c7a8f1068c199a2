"""Cursor pagination: stable pages however large the result and however it changes."""

from rest_framework.pagination import CursorPagination


class KeyCursorPagination(CursorPagination):
    ordering = "key"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500


class IdCursorPagination(KeyCursorPagination):
    ordering = "id"
