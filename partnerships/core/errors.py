"""Errors services raise; each view or command turns them into its own answer."""

from __future__ import annotations


class NotAllowed(Exception):
    """The actor may not do this (HTTP 403, or 404 where existence must not leak)."""


class StaleVersion(Exception):
    """Someone else changed the record since it was read (HTTP 412)."""

    def __init__(self, current: int, expected: int) -> None:
        self.current = current
        self.expected = expected
        super().__init__(
            f"The record was changed by someone else (now version {current}, your copy "
            f"is version {expected}). Reload it, apply your change again and resubmit. "
            "Nothing was written."
        )
