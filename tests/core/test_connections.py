"""Database connections are kept between requests by default and checked before
reuse (settings, docs/configuration.md): a new PostgreSQL connection costs a server
process whose empty catalogue caches doubled a profile's planning time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Two requests' worth of Django's own signals in a fresh process with the default
# settings: is the second request's connection the first one's?
SCRIPT = """
import django
from django.core.signals import request_finished, request_started
from django.db import connection
django.setup()
kept = []
for _ in range(2):
    request_started.send(sender=None)
    connection.ensure_connection()
    kept.append(connection.connection)
    request_finished.send(sender=None)
print(connection.settings_dict["CONN_HEALTH_CHECKS"], kept[0] is kept[1])
"""


def _run(tmp_path: Path, **extra: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DATABASE_")}
    env.update(
        DJANGO_SETTINGS_MODULE="partnerships.settings",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PYTHONPATH=str(ROOT),
        **extra,
    )
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return done.stdout.split()


def test_a_connection_is_kept_between_requests_and_checked(tmp_path):
    assert _run(tmp_path) == ["True", "True"]


def test_zero_closes_it_after_each_request(tmp_path):
    assert _run(tmp_path, DATABASE_CONN_MAX_AGE="0") == ["True", "False"]
