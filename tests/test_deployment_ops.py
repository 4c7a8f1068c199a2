"""Health and readiness endpoints, JSON logs, and the settings a production of
several processes reads from its environment (issue 16, item 6)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest

from partnerships.ops.logs import JsonFormatter


@pytest.mark.django_db
def test_health_and_readiness_answer_without_a_session(client):
    health = client.get("/health/")
    assert health.status_code == 200 and health.json() == {"status": "ok"}
    ready = client.get("/ready/")
    assert ready.status_code == 200, ready.content
    assert ready.json()["checks"] == {"database": "ok", "cache": "ok"}
    assert "no-store" in ready["Cache-Control"]


@pytest.mark.django_db
def test_not_ready_when_the_cache_loses_values(client, monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(cache, "get", lambda *args, **kwargs: None)
    ready = client.get("/ready/")
    assert ready.status_code == 503
    assert ready.json()["checks"]["cache"] == "does not keep values"


def test_a_log_record_is_one_json_line():
    record = logging.makeLogRecord(
        {"name": "partnerships.x", "levelname": "WARNING", "msg": "slow %s"}
    )
    record.args = ("import",)
    record.run = 7
    line = JsonFormatter().format(record)
    assert "\n" not in line
    out = json.loads(line)
    assert (out["message"], out["level"], out["run"]) == ("slow import", "WARNING", 7)


def _settings(**environment: str) -> dict:
    script = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'files': settings.STORAGES['default']['BACKEND'],"
        "'cache': settings.CACHES['default']['BACKEND'],"
        "'sessions': settings.SESSION_ENGINE,"
        "'formatter': settings.LOGGING['handlers']['console'].get('formatter')}))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "partnerships.settings"}
    env.update(environment)
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_the_environment_chooses_storage_cache_and_log_format():
    default = _settings()
    assert default == {
        "files": "django.core.files.storage.FileSystemStorage",
        "cache": "django.core.cache.backends.locmem.LocMemCache",
        "sessions": "django.contrib.sessions.backends.db",
        "formatter": None,
    }
    scaled = _settings(
        STORAGE="s3", CACHE_URL="redis://127.0.0.1:6379/5", LOG_FORMAT="json"
    )
    assert scaled == {
        "files": "storages.backends.s3.S3Storage",
        "cache": "django.core.cache.backends.redis.RedisCache",
        "sessions": "django.contrib.sessions.backends.db",
        "formatter": "json",
    }
