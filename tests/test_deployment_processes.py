"""A production of several processes, started from the Procfile: two web
processes and a task worker against one PostgreSQL and one Redis. An IATI file
uploaded through one web process is imported by the worker and read through the
other; then a backup (`make backup`) is restored (`make restore`) into an empty
database with every row back (issue 16, item 6)."""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
IATI = ROOT / "tests/interop/data/activity-standard-example-annotated.xml"
ENGAGEMENT = "AA-AAA-123456789-ABC123"
PASSWORD = "a long deployment password 1"
LOGIN_ATTEMPTS = 7
REDIS = "redis://127.0.0.1:6379/13"  # this test's own database of the local Redis
pytestmark = pytest.mark.slow


def _server() -> str:
    """The PostgreSQL server of DATABASE_URL, else the local one."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        url = "postgres://postgres@127.0.0.1:5432/postgres"
    return url


def _reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=1).close()
        return True
    except OSError:
        return False


def _database(server: str, name: str) -> str:
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/{name}"))


def _admin_sql(server: str, *statements: str) -> None:
    import psycopg

    with psycopg.connect(_database(server, "postgres"), autocommit=True) as db:
        for statement in statements:
            db.execute(statement)


def _row_counts(url: str) -> dict[str, int]:
    import psycopg

    with psycopg.connect(url) as db:
        tables = [
            row[0]
            for row in db.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            )
        ]
        return {
            table: db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }


def _empty_cache() -> None:
    import redis

    redis.Redis.from_url(REDIS).flushdb()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _procfile() -> dict[str, str]:
    lines = (ROOT / "Procfile").read_text().splitlines()
    return dict(
        line.split(": ", 1) for line in lines if line and not line.startswith("#")
    )


@pytest.fixture
def production(tmp_path):
    server = _server()
    parts = urlsplit(server)
    if not _reachable(parts.hostname or "127.0.0.1", parts.port or 5432):
        pytest.skip("PostgreSQL is not reachable (set DATABASE_URL=postgres://...)")
    if not _reachable("127.0.0.1", 6379):
        pytest.skip("Redis is not reachable on 127.0.0.1:6379")
    _empty_cache()  # no sign-in counted by an earlier run within the hour
    names = [f"deploy_test_{os.getpid()}", f"deploy_restored_{os.getpid()}"]
    _admin_sql(server, *(f"DROP DATABASE IF EXISTS {n}" for n in names))
    _admin_sql(server, *(f"CREATE DATABASE {n}" for n in names))
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "DATABASE_URL": _database(server, names[0]),
        "CACHE_URL": REDIS,
        "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        "PARTNERSHIPS_VAR_DIR": str(tmp_path),
        "SECRET_KEY": "deployment-test-" + "k" * 50,
        "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
        "LOG_FORMAT": "json",
        "WEB_CONCURRENCY": "1",
        # Seven sign-in attempts an hour from one address, counted in Redis.
        "LOGIN_RATE": f"{LOGIN_ATTEMPTS}/h",
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    started: list[subprocess.Popen] = []
    try:
        yield server, names, env, started
    finally:
        for process in started:
            os.killpg(process.pid, signal.SIGTERM)
        for process in started:
            process.wait(timeout=30)
        _admin_sql(
            server, *(f"DROP DATABASE IF EXISTS {n} WITH (FORCE)" for n in names)
        )


def _run(command: str, env: dict, **extra: str) -> None:
    done = subprocess.run(
        shlex.split(command),
        env={**env, **extra},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _start(command: str, env: dict, log: Path, **extra: str) -> subprocess.Popen:
    with log.open("w") as out:  # the child keeps its own copy of the handle
        return subprocess.Popen(
            ["sh", "-c", command],
            env={**env, **extra},
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_ready(client, base: str) -> None:
    for _ in range(120):
        try:
            if client.get(f"{base}/ready/").status_code == 200:
                return
        except Exception:  # noqa: BLE001 - not listening yet
            pass
        time.sleep(0.5)
    pytest.fail(f"{base} never became ready")


def _sign_in(client, base: str) -> str:
    client.get(f"{base}/admin/login/")
    token = client.cookies["csrftoken"]
    answer = client.post(
        f"{base}/admin/login/",
        data={"username": "ops", "password": PASSWORD, "csrfmiddlewaretoken": token},
    )
    assert answer.status_code == 302, answer.text[:2000]
    return client.cookies["csrftoken"]


def _start_all(env: dict, started: list, logs: Path) -> list[str]:
    processes = _procfile()
    bases = []
    for number in (1, 2):
        port = _free_port()
        web = _start(processes["web"], env, logs / f"web{number}.log", PORT=str(port))
        started.append(web)
        bases.append(f"http://127.0.0.1:{port}")
    started.append(_start(processes["worker"], env, logs / "worker.log"))
    return bases


def _limited_across(first: str, second: str) -> list[int]:
    """Wrong sign-ins from one address, alternately through each process: the
    limit counts them together (one Redis), so the attempt after the limit is
    refused although neither process alone has seen that many."""
    import httpx

    answers = []
    with httpx.Client(timeout=30) as client:
        for attempt in range(LOGIN_ATTEMPTS):  # the good sign-in was one already
            base = (first, second)[attempt % 2]
            client.get(f"{base}/admin/login/")
            answers.append(
                client.post(
                    f"{base}/admin/login/",
                    data={
                        "username": "ops",
                        "password": "wrong",
                        "csrfmiddlewaretoken": client.cookies["csrftoken"],
                    },
                ).status_code
            )
    return answers


def _imported(client, base: str) -> int:
    answer = client.get(f"{base}/api/engagements/count/?q={ENGAGEMENT}")
    assert answer.status_code == 200, answer.text[:500]
    return answer.json()["count"]


def test_two_web_processes_and_a_worker_then_a_backup_restored(production, tmp_path):
    import httpx

    server, names, env, started = production
    _run(f"sh -c {shlex.quote(_procfile()['release'])}", env)
    _run("partnerships createsuperuser --no-input --username ops --email o@x.org", env)
    first, second = _start_all(env, started, tmp_path)
    with httpx.Client(timeout=30) as client:
        _wait_ready(client, first)
        _wait_ready(client, second)
        csrf = _sign_in(client, first)  # the session is read by both processes
        assert _imported(client, second) == 0
        upload = client.post(
            f"{first}/interop/iati/upload/",
            data={"csrfmiddlewaretoken": csrf},
            files={"files": (IATI.name, IATI.read_bytes(), "text/xml")},
            headers={"Referer": f"{first}/interop/iati/upload/"},
        )
        assert upload.status_code == 302, upload.text[:2000]
        for _ in range(120):  # the worker imports it
            if _imported(client, second):
                break
            time.sleep(0.5)
        assert _imported(client, second) == 1
        run_page = client.get(second + upload.headers["Location"])
        assert run_page.status_code == 200
    # Neither process alone saw more than five of the eight; the eighth is refused.
    assert _limited_across(first, second) == [200] * (LOGIN_ATTEMPTS - 1) + [429]

    backup = tmp_path / "backup.dump"
    original = _row_counts(env["DATABASE_URL"])
    _run("make -s backup", env, BACKUP=str(backup))
    restored_url = _database(server, names[1])
    _run("make -s restore", env, BACKUP=str(backup), DATABASE_URL=restored_url)
    assert _row_counts(restored_url) == original
    assert original["cooperation_engagement"] == 1
