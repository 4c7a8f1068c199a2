"""One number that changes whenever a reference, registry, cooperation or sources
record is written, so that cached figures computed from them can be keyed by it and are
dropped (never read again) as soon as anything they count changes.

Single saves and deletes are seen through Django's signals; the bulk path
(`core/bulk.py`), which writes without signals, says so itself. The number is
raised at once and again when the transaction commits, so a reader that computed
figures between the write and the commit cannot keep its stale result under the
new number. It lives in the default cache, shared by every process when that is
Redis.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

KEY = "core:data-version"
WATCHED = frozenset({"reference", "registry", "cooperation", "sources"})


def _fresh() -> int:
    """A number no earlier version can have had: when the number was evicted from
    the cache (a full cache of one process drops keys), starting again at 1 would
    read entries cached under the old 1, 2, ... again, however stale."""
    return time.time_ns() // 1000


def data_version() -> int:
    value = cache.get(KEY)
    if value is None:
        cache.add(KEY, _fresh(), timeout=None)
        value = cache.get(KEY) or _fresh()
    return int(value)


def _raise() -> None:
    try:
        cache.incr(KEY)
    except ValueError:  # not in the cache (evicted, or never read)
        cache.add(KEY, _fresh(), timeout=None)


def data_changed() -> None:
    _raise()
    transaction.on_commit(_raise)


def _on_write(sender: Any, **kwargs: Any) -> None:
    if sender._meta.app_label in WATCHED:
        data_changed()


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_write, dispatch_uid=f"data-version-{id(signal)}")
