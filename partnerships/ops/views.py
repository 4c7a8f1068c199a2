"""`/health/`: the process answers. `/ready/`: it can serve — the database and
the cache answer and no migration is pending. Neither needs a session, and both
answer with no-store so no proxy keeps an old answer."""

from __future__ import annotations

import uuid

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


@never_cache
@require_GET
def health(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _database() -> str:
    connection = connections[DEFAULT_DB_ALIAS]
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    executor = MigrationExecutor(connection)
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return f"{len(pending)} migrations pending" if pending else "ok"


def _cache() -> str:
    key, value = f"ops:ready:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, 10)
    seen = cache.get(key)
    cache.delete(key)
    return "ok" if seen == value else "does not keep values"


@never_cache
@require_GET
def ready(request: HttpRequest) -> JsonResponse:
    checks = {}
    for name, check in (("database", _database), ("cache", _cache)):
        try:
            checks[name] = check()
        except Exception as error:  # noqa: BLE001 - any failure means not ready
            checks[name] = f"{type(error).__name__}: {error}"
    ok = all(value == "ok" for value in checks.values())
    return JsonResponse(
        {"status": "ok" if ok else "unavailable", "checks": checks},
        status=200 if ok else 503,
    )
