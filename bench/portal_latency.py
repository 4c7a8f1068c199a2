"""Benchmark: latency of the portal's pages under concurrent anonymous visitors.

Usage: python bench/portal_latency.py [--organisations N] [--engagements M]
           [--requests R] [--clients C] [--skip-sqlite]
           [--postgres postgres://postgres@127.0.0.1:5432/postgres]
           [--existing DATABASE_URL ...]

The same set-up as bench/api_latency.py, whose server and load machinery it reuses:
for SQLite (a new temporary file) and, if given, PostgreSQL (a new database, dropped
at the end) it runs `partnerships migrate`, `load-demo` (the seed report's real
organisations, so that 开发署 has something to find) and `synth` (N organisations,
default 100 000; M engagements, default 1 000 000), serves it on 127.0.0.1 (gunicorn,
2 workers x 8 threads) with DEBUG=0, and drives it with C concurrent clients
(default 8) for R requests per page (default 300):

- ping:       GET /ping/, a trivial page of the same server: the framework's floor;
- directory:  GET /organisations/ with a random page (1-40) and, for half the
              requests, a filter (category, country, role, kind or period) or sort;
- search:     GET /search/?q= with words of the synthetic names and titles, Chinese
              short names (开发署, 人居署) and acronyms (UNDP);
- profile:    GET /organisations/<key>/ for synthetic and real organisations;
- engagements: GET /engagements/ with a random page (1-40) and, for half the
              requests, a facet (kind, status, role, category, country, region,
              theme, SDG target, start year or undated);
- country:    GET /countries/<code>/ for countries with many and few engagements;
- dashboard:  GET /dashboards/ (the public's figures are cached for five minutes,
              so this measures the cached page after the first request).

The server runs as docs/deployment.md says a site of several processes must: with
a cache its processes share (CACHE_URL, Redis database 15 on 127.0.0.1, emptied
before each database; BENCH_CACHE_URL names another, "none" gives each process
its own and the run says so).

`--existing URL` (repeatable) measures databases made by an earlier run instead
(migrated, not filled again, never dropped): making a million engagements takes
10-15 minutes, so a database can be kept and measured again after a change.

It prints one line per database and page: median, 95th percentile and maximum
latency (ms), requests per second and the number of non-2xx responses.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from urllib.parse import quote

import httpx
from api_latency import (
    Step,
    has_gunicorn,
    note,
    on_each_database,
    report,
    run_cli,
    run_scenario,
    serve_and_drive,
    timed_get,
)

WORDS = ["Urban", "Housing", "Water", "Land", "Youth", "开发署", "人居署", "UNDP"]
FILTERS = [
    "category=ngo",
    "category=local_government",
    "country=KE",
    "country=CN",
    "role=funder",
    "kind=project",
    "year_from=2016&year_to=2018",
    "sort=-name",
    "sort=newest",
    "region=142",
]
REAL_KEYS = ["UNDP", "UN-Habitat", "UNEP", "ITDP", "AFDB"]
FACETS = [
    "kind=project",
    "kind=agreement",
    "status=ongoing",
    "role=funder",
    "category=ngo",
    "country=KE",
    "region=142",
    "theme=housing",
    "year=2018",
    "year=undated",
]
COUNTRIES = ["KE", "CN", "BR", "IN", "EG", "FR", "MX", "NG", "TV", "LU"]


def page_step(make_url: object) -> Step:
    def step(client: httpx.Client, remaining: float, state: dict):
        url = make_url(state["rng"])
        seconds, response, what = timed_get(client, url, remaining)
        return seconds, response is not None and response.is_success, what

    return step


def warm_step(client: httpx.Client, remaining: float, state: dict):
    state["n"] = state.get("n", 0) + 1
    url = "/dashboards/" if state["n"] % 2 else "/"
    seconds, response, what = timed_get(client, url, remaining)
    return seconds, response is not None and response.is_success, what


def directory_url(rng) -> str:
    page = rng.randint(1, 40)
    extra = f"&{rng.choice(FILTERS)}" if rng.random() < 0.5 else ""
    return f"/organisations/?page={page}{extra}"


def search_url(rng) -> str:
    return f"/search/?q={quote(rng.choice(WORDS))}"


def engagements_url(rng) -> str:
    page = rng.randint(1, 40)
    extra = f"&{rng.choice(FACETS)}" if rng.random() < 0.5 else ""
    return f"/engagements/?page={page}{extra}"


def country_url(rng) -> str:
    return f"/countries/{rng.choice(COUNTRIES)}/"


def profile_urls(organisations: int) -> object:
    def make(rng) -> str:
        if rng.random() < 0.2:
            return f"/organisations/{rng.choice(REAL_KEYS)}/"
        return f"/organisations/SYN-O{rng.randrange(max(organisations, 1)):07d}/"

    return make


def drive(label: str, base: str, args: argparse.Namespace) -> None:
    pages = [
        ("ping", lambda rng: "/ping/"),
        ("directory", directory_url),
        ("search", search_url),
        ("profile", profile_urls(args.organisations)),
        ("engagements", engagements_url),
        ("country", country_url),
        ("dashboard", lambda rng: "/dashboards/"),
    ]
    with httpx.Client(base_url=base, trust_env=False, timeout=300) as warm:
        for url in ("/dashboards/", "/"):
            started = time.perf_counter()
            warm.get(url)
            note(f"  first (uncached) {url}: {time.perf_counter() - started:.1f} s")
    # Each server process keeps its own cache: warm them all before measuring.
    tally, wall = run_scenario(base, args.clients, 4 * args.clients, warm_step)
    note(f"  warm-up: {len(tally.latencies)} requests in {wall:.1f} s")
    for name, make_url in pages:
        tally, wall = run_scenario(
            base, args.clients, args.requests, page_step(make_url)
        )
        report(label, name, tally, wall)
        # The machine's load at the end of each page: the figures mean little
        # without it on a shared machine.
        note(f"  load average {' / '.join(f'{x:.1f}' for x in os.getloadavg())}")


def prepare(database_url: str, args: argparse.Namespace) -> None:
    run_cli(database_url, "migrate", "-v0")
    run_cli(database_url, "load-demo")
    # Mixed on purpose with the seed's real organisations.
    run_cli(
        database_url,
        "synth",
        "--organisations",
        str(args.organisations),
        "--engagements",
        str(args.engagements),
        "--seed",
        "1",
        "--mix",
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--organisations", type=int, default=100_000)
    parser.add_argument("--engagements", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=300, help="per page")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--postgres", default=os.environ.get("BENCH_POSTGRES_URL", ""))
    parser.add_argument("--skip-sqlite", action="store_true")
    parser.add_argument("--existing", action="append", default=[], metavar="URL")
    args = parser.parse_args()
    print(
        f"# {args.organisations} organisations, {args.engagements} engagements, "
        f"{args.clients} clients, {args.requests} requests per page, "
        f"server: {'gunicorn -w 2 --threads 8' if has_gunicorn() else 'runserver'}",
        flush=True,
    )
    # The served pages need collected static files (DEBUG=0): a folder of their own.
    var_dir = tempfile.TemporaryDirectory(prefix="bench-portal-var-")
    os.environ["PARTNERSHIPS_VAR_DIR"] = var_dir.name
    run_cli("sqlite:///:memory:", "collectstatic", "--no-input", "-v0")
    if args.existing:
        ok = all(
            serve_and_drive(
                url.split(":", 1)[0],
                url,
                args,
                lambda db: run_cli(db, "migrate", "-v0"),
                drive,
            )
            for url in args.existing
        )
    else:
        ok = on_each_database(
            args,
            lambda label, url: serve_and_drive(
                label, url, args, lambda db: prepare(db, args), drive
            ),
        )
    var_dir.cleanup()
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
