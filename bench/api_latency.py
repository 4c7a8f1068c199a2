"""Benchmark: latency of the read API under concurrent anonymous clients.

Usage: python bench/api_latency.py [--organisations N] [--engagements M]
           [--requests R] [--clients C] [--skip-sqlite]
           [--postgres postgres://postgres@127.0.0.1:5432/postgres]

For SQLite (a new temporary file) and, if given (or BENCH_POSTGRES_URL is set),
PostgreSQL (a new database created on that server and dropped at the end), it runs
`partnerships migrate` and `partnerships synth` (N organisations, default 100 000;
M engagements, default 1 000 000; seed 1), starts a real multi-threaded server on
127.0.0.1 (gunicorn, 2 workers x 8 threads, if it is installed; otherwise
`partnerships runserver --noreload`, which is threaded) with DEBUG=0, and drives
it with C concurrent clients (default 16), each a thread with its own
`httpx.Client`, for R requests per scenario (default 400; a scenario stops after
120 s regardless):

- list:   GET /api/engagements/?page_size=50, following the `next` cursor for a
          few pages;
- detail: GET /api/engagements/<key>/ for keys seen in the list and synthetic keys
          (`syn-e00000042` style, the format read from the first page) below M;
- search: GET /api/engagements/?q=<word> and GET /api/organisations/?q=<word>
          with words of the synthetic titles and names.

All requests are anonymous (the public reader) and go to 127.0.0.1 only. It prints
one line per database and scenario: median, 95th percentile and maximum latency
(ms, the whole response read), requests per second and the number of non-2xx
responses (transport errors and timeouts count as non-2xx). Samples of failed
requests go to stderr. It exits non-zero only if a server could not be started
(which includes its database not being prepared).
"""

from __future__ import annotations

import argparse
import importlib.util
import math
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "partnerships"]
HOST = "127.0.0.1"
SCENARIO_SECONDS = 120.0
REQUEST_TIMEOUT = 30.0
START_SECONDS = 60.0
LIST_PAGES = 5  # pages read in a row (the first, then `next` cursors)
PAGE_SIZE = 50
SEARCH_WORDS = ["Urban", "Housing", "Water", "Land", "Youth", "Mobility", "Safety"]
DEFAULT_KEY_PREFIX, DEFAULT_KEY_DIGITS = "syn-e", 8


def note(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class ServerFailed(RuntimeError):
    """The server (or the database behind it) could not be made ready."""


# --- Database and server -------------------------------------------------------------


def child_env(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "ALLOWED_HOSTS": HOST,
        "DEBUG": "0",
    }


def run_cli(database_url: str, *command: str) -> None:
    """One `partnerships` command against the database; ServerFailed if it fails."""
    started = time.perf_counter()
    done = subprocess.run(
        [*CLI, *command],
        env=child_env(database_url),
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise ServerFailed(
            f"`partnerships {' '.join(command)}` failed ({done.returncode}):\n"
            f"{done.stderr[-3000:]}"
        )
    note(f"  {command[0]}: {time.perf_counter() - started:.1f} s {done.stdout.strip()}")


def prepare(database_url: str, organisations: int, engagements: int) -> None:
    run_cli(database_url, "migrate", "-v0")
    run_cli(
        database_url,
        "synth",
        "--organisations",
        str(organisations),
        "--engagements",
        str(engagements),
        "--seed",
        "1",
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def has_gunicorn() -> bool:
    return importlib.util.find_spec("gunicorn") is not None


class Server:
    """A server process on 127.0.0.1, in its own process group, always stopped."""

    def __init__(self, database_url: str, log_dir: str) -> None:
        self.port = free_port()
        self.base = f"http://{HOST}:{self.port}"
        self.kind = "gunicorn" if has_gunicorn() else "runserver"
        if self.kind == "gunicorn":
            command = [
                sys.executable,
                "-m",
                "gunicorn",
                "partnerships.wsgi",
                "-w",
                "2",
                "--threads",
                "8",
                "-b",
                f"{HOST}:{self.port}",
            ]
        else:
            command = [*CLI, "runserver", f"{HOST}:{self.port}", "--noreload"]
        self.log_path = Path(log_dir) / f"server-{self.port}.log"
        self.log = self.log_path.open("wb")
        self.proc = subprocess.Popen(
            command,
            env=child_env(database_url),
            cwd=ROOT,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        with httpx.Client(trust_env=False, timeout=5.0) as client:
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    raise ServerFailed(
                        f"{self.kind} exited with {self.proc.returncode}:\n{self.tail()}"
                    )
                try:
                    response = client.get(f"{self.base}/api/")
                except httpx.HTTPError:
                    time.sleep(0.25)
                    continue
                if response.is_success:
                    return
                raise ServerFailed(
                    f"{self.kind} answered GET /api/ with {response.status_code}:\n"
                    f"{response.text[:500]}\n{self.tail()}"
                )
        raise ServerFailed(
            f"{self.kind} did not answer in {START_SECONDS:.0f} s:\n{self.tail()}"
        )

    def tail(self, lines: int = 40) -> str:
        self.log.flush()
        text = self.log_path.read_text(errors="replace")
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                # Our own child's process group: the server and its workers.
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
                self.proc.wait(timeout=10)
        self.log.close()


# --- Load ----------------------------------------------------------------------------


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    samples: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, seconds: float, ok: bool, what: str) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if not ok:
                self.failures += 1
                if len(self.samples) < 5:
                    self.samples.append(what)


class Budget:
    """A bounded number of requests, handed out one at a time until a deadline."""

    def __init__(self, count: int, seconds: float) -> None:
        self.left = count
        self.deadline = time.monotonic() + seconds
        self.lock = threading.Lock()

    def take(self) -> float | None:
        """Seconds left for the next request, or None when the scenario is over."""
        remaining = self.deadline - time.monotonic()
        with self.lock:
            if self.left <= 0 or remaining <= 0:
                return None
            self.left -= 1
        return remaining


# A worker's step: given its client, the time left and its own state, make one
# request and return (latency, ok, description).
Step = Callable[[httpx.Client, float, dict], tuple[float, bool, str]]


def timed_get(
    client: httpx.Client, url: str, remaining: float
) -> tuple[float, httpx.Response | None, str]:
    timeout = max(0.5, min(REQUEST_TIMEOUT, remaining))
    started = time.perf_counter()
    try:
        response = client.get(url, timeout=timeout)
    except httpx.HTTPError as exc:
        elapsed = time.perf_counter() - started
        return elapsed, None, f"{type(exc).__name__} GET {url}"
    elapsed = time.perf_counter() - started
    return elapsed, response, f"{response.status_code} GET {url}"


def run_scenario(
    base: str, clients: int, requests: int, step: Step
) -> tuple[Tally, float]:
    tally = Tally()
    budget = Budget(requests, SCENARIO_SECONDS)

    def worker(seed: int) -> None:
        state: dict = {"rng": random.Random(seed)}
        with httpx.Client(
            base_url=base,
            trust_env=False,
            follow_redirects=False,
            headers={"Accept": "application/json"},
        ) as client:
            while (remaining := budget.take()) is not None:
                seconds, ok, what = step(client, remaining, state)
                tally.add(seconds, ok, what)

    threads = [
        threading.Thread(target=worker, args=(i,), daemon=True) for i in range(clients)
    ]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        # Each request is bounded by the scenario's deadline; this is a safety net.
        thread.join(SCENARIO_SECONDS + REQUEST_TIMEOUT + 5)
    return tally, time.perf_counter() - started


def list_step(seen_keys: set[str], base: str) -> Step:
    first = f"/api/engagements/?page_size={PAGE_SIZE}"
    lock = threading.Lock()

    def step(client: httpx.Client, remaining: float, state: dict):
        url = state.get("next") or first
        seconds, response, what = timed_get(client, url, remaining)
        state["next"] = None
        if response is not None and response.is_success:
            try:
                body = response.json()
            except ValueError:
                body = {}
            keys = [row["key"] for row in body.get("results", []) if "key" in row]
            with lock:
                seen_keys.update(keys)
            state["pages"] = state.get("pages", 0) + 1
            following = body.get("next")
            # Follow only links back to this server, and only a few pages in a row.
            if following and following.startswith(base + "/"):
                if state["pages"] < LIST_PAGES:
                    state["next"] = following[len(base) :]
        if state["next"] is None:
            state["pages"] = 0
        return seconds, response is not None and response.is_success, what

    return step


def detail_step(seen_keys: list[str], make_key: Callable[[int], str], m: int) -> Step:
    def step(client: httpx.Client, remaining: float, state: dict):
        rng: random.Random = state["rng"]
        if seen_keys and (m == 0 or rng.random() < 0.5):
            key = rng.choice(seen_keys)
        else:
            key = make_key(rng.randrange(max(m, 1)))
        seconds, response, what = timed_get(
            client, f"/api/engagements/{key}/", remaining
        )
        return seconds, response is not None and response.is_success, what

    return step


def search_step() -> Step:
    def step(client: httpx.Client, remaining: float, state: dict):
        rng: random.Random = state["rng"]
        word = rng.choice(SEARCH_WORDS)
        # Alternate between the two searches, so each gets half the requests.
        state["n"] = state.get("n", rng.randrange(2)) + 1
        resource = "engagements" if state["n"] % 2 else "organisations"
        url = f"/api/{resource}/?q={word}&page_size={PAGE_SIZE}"
        seconds, response, what = timed_get(client, url, remaining)
        return seconds, response is not None and response.is_success, what

    return step


def key_format(base: str) -> tuple[list[str], Callable[[int], str]]:
    """Keys on the list's first page, and how synthetic keys are spelt there."""
    keys: list[str] = []
    found: re.Match[str] | None = None
    with httpx.Client(base_url=base, trust_env=False, timeout=REQUEST_TIMEOUT) as c:
        for url in (
            f"/api/engagements/?page_size={PAGE_SIZE}",
            # If real keys sort before the synthetic ones, a search finds some.
            f"/api/engagements/?q={SEARCH_WORDS[0]}&page_size={PAGE_SIZE}",
        ):
            response = c.get(url, headers={"Accept": "application/json"})
            if response.is_success:
                keys += [r["key"] for r in response.json().get("results", [])]
            for key in keys:
                found = found or re.fullmatch(r"(syn-e)(\d+)", key, re.IGNORECASE)
            if found:
                break
    if found:
        prefix, digits = found.group(1), len(found.group(2))
    else:
        prefix, digits = DEFAULT_KEY_PREFIX, DEFAULT_KEY_DIGITS
        note(f"  no synthetic key seen; assuming {prefix}%0{digits}d")
    return keys, lambda i: f"{prefix}{i:0{digits}d}"


def report(label: str, scenario: str, tally: Tally, wall: float) -> None:
    ms = sorted(x * 1000 for x in tally.latencies)
    n = len(ms)
    if n:
        median = statistics.median(ms)
        p95 = ms[max(0, math.ceil(0.95 * n) - 1)]
        figures = (
            f"median {median:8.1f} ms  p95 {p95:8.1f} ms  max {ms[-1]:8.1f} ms  "
            f"{n / wall:7.1f} req/s"
        )
    else:
        figures = "no requests made"
    print(
        f"{label:10} {scenario:7} n={n:<5} {figures}  non-2xx {tally.failures}",
        flush=True,
    )
    for sample in tally.samples:
        note(f"  {label} {scenario}: {sample}")


def drive(label: str, base: str, args: argparse.Namespace) -> None:
    seen: set[str] = set()
    first_keys, make_key = key_format(base)
    seen.update(first_keys)
    tally, wall = run_scenario(base, args.clients, args.requests, list_step(seen, base))
    report(label, "list", tally, wall)
    step = detail_step(sorted(seen), make_key, args.engagements)
    tally, wall = run_scenario(base, args.clients, args.requests, step)
    report(label, "detail", tally, wall)
    tally, wall = run_scenario(base, args.clients, args.requests, search_step())
    report(label, "search", tally, wall)


def shared_cache() -> str | None:
    """The Redis cache the server's processes share, as docs/deployment.md
    requires when more than one process serves the site: $BENCH_CACHE_URL, by
    default database 15 of the local Redis; "none", or a Redis that does not
    answer, leaves each process its own cache (and the run says so)."""
    url = os.environ.get("BENCH_CACHE_URL", "redis://127.0.0.1:6379/15")
    if url.lower() == "none":
        return None
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except (redis.RedisError, ValueError) as exc:
        note(f"  no shared cache ({url}: {exc}); each process keeps its own")
        return None
    return url


def use_shared_cache() -> None:
    """Point the server at the shared cache, emptied first: each database
    measured starts cold and never reads another's cached pages or figures."""
    url = shared_cache()
    if url is None:
        os.environ.pop("CACHE_URL", None)
        return
    import redis

    redis.Redis.from_url(url).flushdb()
    os.environ["CACHE_URL"] = url
    note(f"  cache shared by the server's processes: {url} (emptied)")


def serve_and_drive(
    label: str,
    database_url: str,
    args: argparse.Namespace,
    prepare_database: Callable[[str], None],
    drive_server: Callable[[str, str, argparse.Namespace], None],
) -> bool:
    """Prepare the database, serve it and load it; False if no server could run."""
    note(
        f"{label}: preparing {args.organisations} organisations, "
        f"{args.engagements} engagements"
    )
    with tempfile.TemporaryDirectory(prefix="bench-server-") as log_dir:
        server = None
        try:
            prepare_database(database_url)
            use_shared_cache()
            server = Server(database_url, log_dir)
            note(f"  starting {server.kind} on {server.base}")
            server.wait_ready()
            drive_server(label, server.base, args)
        except ServerFailed as exc:
            note(f"{label}: the server could not be started: {exc}")
            return False
        finally:
            if server is not None:
                server.stop()
    return True


def on_each_database(
    args: argparse.Namespace, measure_one: Callable[[str, str], bool]
) -> bool:
    """`measure_one(label, url)` on a new SQLite file and, if asked, a new
    PostgreSQL database dropped afterwards; True if every one could be served."""
    ok = True
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory(prefix="bench-db-") as tmp:
            ok &= measure_one("sqlite", f"sqlite:///{tmp}/bench.sqlite3")
    if args.postgres:
        import psycopg

        name = f"partnerships_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(args.postgres, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        try:
            base = args.postgres.rsplit("/", 1)[0]
            ok &= measure_one("postgresql", f"{base}/{name}")
        finally:
            with psycopg.connect(args.postgres, autocommit=True) as conn:
                force = " WITH (FORCE)" if conn.info.server_version >= 130000 else ""
                conn.execute(f'DROP DATABASE IF EXISTS "{name}"{force}')
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--engagements", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=400, help="per scenario")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--skip-sqlite", action="store_true")
    args = parser.parse_args()
    print(
        f"# {args.organisations} organisations, {args.engagements} engagements, "
        f"{args.clients} clients, {args.requests} requests per scenario, "
        f"server: {'gunicorn -w 2 --threads 8' if has_gunicorn() else 'runserver'}",
        flush=True,
    )
    ok = on_each_database(
        args,
        lambda label, url: serve_and_drive(
            label,
            url,
            args,
            lambda db: prepare(db, args.organisations, args.engagements),
            drive,
        ),
    )
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
