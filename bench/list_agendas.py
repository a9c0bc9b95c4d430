"""Benchmark: listing agendas through GraphQL against a hand-written floor (target: p99 < 50 ms at 32 clients).

    .venv/bin/python bench/list_agendas.py [--agendas N] [--db sqlite|postgres] [--requests R]
                                           [--pg-url URL] [--concurrency 1,32] [--workers 1]
                                           [--client raw|httpx] [--json FILE] [--keep] [--reuse] [-v]

1. Creates a fresh database (a SQLite file in a temporary folder, or the PostgreSQL database
   ``civic_agenda_bench`` beside ``--pg-url``), applies the real migrations and seeds N agendas
   (bench/seed.py).
2. Counts the SQL statements of one ``agendas(first: 20)`` and one ``agendas(first: 100)`` request,
   in process, with ``tests.querycount`` — and exits 1 if they differ (SPEC: a constant number of
   queries whatever the page size). It also checks that the floor serves the very same document as
   GraphQL (otherwise the ratio compares different work), and times each captured statement alone
   against the database, so the report can say how much of a request is the database's.
3. Starts the application (bench/bench_app.py: the real ``create_app`` plus ``GET /floor``) under
   uvicorn in a subprocess, and drives it with a closed-loop client (bench/loadgen.py) at each
   concurrency: GraphQL first 20, floor 20, GraphQL first 100, floor 100.
4. Prints p50/p90/p99/mean/req/s per case and the GraphQL ÷ floor ratios, the server's RSS at idle and
   after the load and its CPU while idle; drops the database (``--keep`` keeps it, ``--reuse`` starts
   from a kept one of the same size).

Exit status: 0 on success, 1 when the query counts differ, the documents differ or a request
failed; the SPEC's latency target is reported (met / not met) but does not change the status — it
is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import contextvars
import json
import logging
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, sys.path[0] is bench/: put the project root first so that `bench`, `server`
# and `tests` are the project's packages.
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

import asyncpg  # noqa: E402
import httpx  # noqa: E402

from bench import seed as seeding  # noqa: E402
from bench.loadgen import CLIENTS, Case, Result, run_case  # noqa: E402
from bench.bench_app import add_floor, floor_sql  # noqa: E402
from server.agendas import counts as list_counts  # noqa: E402
from server.agendas import department_table  # noqa: E402
from server import db  # noqa: E402
from civic.app import create_app  # noqa: E402
from server.settings import Settings  # noqa: E402
from tests.querycount import count_queries  # noqa: E402

PAGE_SIZES = (20, 100)
TARGET_P99_MS = 50.0  # the target, for first 20 at 32 clients on 100,000 agendas
BENCH_SECRET = "bench-secret-" + "b" * 27  # 40 characters; no token is ever issued

# What a listing page shows: the agenda, its owner and department, its proposer, its support count.
QUERY = """
query BenchList($first: Int!) {
  agendas(first: $first) {
    totalCount
    edges { node {
      id title status field supportCount
      owner { kind department { code name } }
      proposer { displayName }
    } }
  }
}
"""


def graphql_body(first: int) -> bytes:
    return json.dumps({"query": QUERY, "variables": {"first": first}}).encode()


def server_env(database_url: str, data_dir: Path) -> dict[str, str]:
    """Settings of the server under test: production defaults, except

    * MEILI_URL must be a URL (Settings refuses to start without one unless it provisions
      Meilisearch itself), but listing never talks to Meilisearch: it points at a closed port. The
      start logs a warning and /readyz reports "search" down; /graphql and /floor do not care.
    * the per-client rate limit is raised to its maximum, not disabled: every load client comes
      from 127.0.0.1 and would share one bucket of 600 requests a minute, yet the limiter's work
      per request is part of what a production request costs, so it stays in the path.
    * logs at warning: an access-log line per request would be part of the measurement.
    """
    return {
        "DATABASE_URL": database_url,
        "MEILI_URL": "http://127.0.0.1:9",
        "AGENDA_DATA_DIR": str(data_dir),
        "AGENDA_SECRET": BENCH_SECRET,
        "AGENDA_DEMO": "0",
        "AGENDA_LOG_LEVEL": "warning",
        "AGENDA_INDEX_PREFIX": "bench_",
        "AGENDA_RATE_LIMIT_PER_MINUTE": "1000000",
    }


# --------------------------------------------------------------------------- in-process checks


# Set while our one measured request runs. The app runs background tasks in the same process (the
# outbox indexer polls its table every 100 ms); their statements go to the same logger but were
# started from the lifespan's context, where this is False — so they are not counted against the
# request. Tasks the request spawns (resolvers gathered by graphql-core) copy its context: counted.
_IN_REQUEST: contextvars.ContextVar[bool] = contextvars.ContextVar("bench_in_request", default=False)


def _only_this_request(record: logging.LogRecord) -> bool:
    return _IN_REQUEST.get()


class _StatementRecorder(logging.Handler):
    """Keeps (sql, values) of each statement Tortoise logs, to replay them one by one."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.calls: list[tuple[str, list]] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.msg == "%s: %s" and isinstance(record.args, tuple) and len(record.args) == 2:
            sql, values = record.args
            self.calls.append((str(sql), list(values or [])))


async def inspect_in_process(settings: Settings, *, replays: int = 15) -> dict:
    """Query counts, statement timings and the floor-vs-GraphQL equality check, through the real
    app on an ASGI transport (no network, no load): one request per page size after a warm-up."""
    app = add_floor(create_app(settings, run_migrations=False))
    out: dict = {"counts": {}, "statements": {}, "same_document": {}}
    # The lifespan warns that Meilisearch (deliberately absent) is not ready; listing never uses it.
    logging.getLogger("civic_agenda").setLevel(logging.ERROR)
    async with app.router.lifespan_context(app):
        with app.state.tortoise:
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                for first in PAGE_SIZES:
                    body = graphql_body(first)
                    headers = {"content-type": "application/json"}
                    # /graphql-own: executed (not a shared answer); the count and the departments forgotten so the
                    # counted request shows every statement a cold page costs
                    await client.post("/graphql-own", content=body, headers=headers)  # warm-up
                    list_counts.clear()
                    department_table.clear()
                    recorder = _StatementRecorder()
                    recorder.addFilter(_only_this_request)
                    db_logger = logging.getLogger("tortoise.db_client")
                    db_logger.addHandler(recorder)
                    token = _IN_REQUEST.set(True)
                    try:
                        with count_queries() as counter:
                            counter.addFilter(_only_this_request)
                            response = await client.post("/graphql-own", content=body, headers=headers)
                    finally:
                        _IN_REQUEST.reset(token)
                        db_logger.removeHandler(recorder)
                    response.raise_for_status()
                    document = response.json()
                    if "errors" in document:
                        raise SystemExit(f"GraphQL errors for first={first}: {document['errors']}")
                    out["counts"][first] = counter.count

                    floor = (await client.get("/floor", params={"first": first})).json()
                    out["same_document"][first] = floor == document
                    if floor != document:
                        out.setdefault("diff", {})[first] = _first_difference(document, floor)

                    conn = db.connection()
                    timed = []
                    for sql, values in recorder.calls:
                        samples = []
                        for _ in range(replays):
                            t0 = time.perf_counter()
                            await conn.execute_query(sql, values)
                            samples.append(time.perf_counter() - t0)
                        timed.append((sql, values, statistics.median(samples) * 1000))
                    out["statements"][first] = timed

                samples = []
                for _ in range(replays):
                    t0 = time.perf_counter()
                    await db.connection().execute_query(floor_sql(20))
                    samples.append(time.perf_counter() - t0)
                out["floor_sql_ms"] = statistics.median(samples) * 1000
    return out


def _first_difference(a, b, path="$") -> str:
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}: present on one side only"
            if a[k] != b[k]:
                return _first_difference(a[k], b[k], f"{path}.{k}")
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)} items"
        for i, (x, y) in enumerate(zip(a, b)):
            if x != y:
                return _first_difference(x, y, f"{path}[{i}]")
    return f"{path}: {a!r} != {b!r}"


# --------------------------------------------------------------------------- the server


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_server(env: dict[str, str], *, workers: int, log_path: Path):
    """``uvicorn bench.bench_app:make_app`` in a subprocess; yields (base URL, pid) once /healthz answers.
    Access logs are off: writing a log line per request would be part of what we measure."""
    port = _free_port()
    cmd = [sys.executable, "-m", "uvicorn", "bench.bench_app:make_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
           "--no-access-log", "--log-level", "warning", "--lifespan", "on"]
    full_env = {**os.environ, **env, "PYTHONPATH": str(ROOT)}
    if workers > 1:
        # As `agenda serve` with AGENDA_WORKERS runs them (civic/processes.py), not uvicorn's bare
        # --workers: the processes share the content generation and the rate limit, one drain.
        cmd = [sys.executable, "-m", "bench.bench_app"]
        full_env.update({"AGENDA_WORKERS": str(workers), "AGENDA_HOST": "127.0.0.1", "AGENDA_PORT": str(port)})
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=log, stderr=subprocess.STDOUT)
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 300  # a shared machine under load (average 30+) starts slowly
            while True:
                if proc.poll() is not None:
                    raise SystemExit(f"server exited with {proc.returncode}; see {log_path}:\n{log_path.read_text()[-2000:]}")
                try:
                    if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"server did not answer /healthz within 300 s; see {log_path}")
                time.sleep(0.2)
            yield base, proc.pid
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def server_cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of the server process and its children (uvicorn's workers when
    ``--workers`` > 1), from /proc; None where /proc is not available. Dividing by the number of
    requests gives a cost per request that does not depend on concurrency or on the client."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    try:
        pids = [pid] + [int(p) for p in os.listdir("/proc") if p.isdigit() and _ppid(int(p)) == pid]
        for p in pids:
            with open(f"/proc/{p}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / tick
    except (OSError, ValueError, IndexError):
        return None
    return total


def idle_cpu_ms_per_s(pid: int, seconds: float = 5.0) -> float | None:
    """The server's CPU while nobody asks it anything (ms per second), measured right after start."""
    before = server_cpu_seconds(pid)
    time.sleep(seconds)
    after = server_cpu_seconds(pid)
    if before is None or after is None:
        return None
    return (after - before) * 1000 / seconds


def server_rss_mb(pid: int) -> float | None:
    """Resident memory (MB) of the server process and its workers, from /proc (None without it):
    read once the server answers, before any request, and again after the last case — the server
    must not keep growing with the requests it served (issue 16, item 8)."""
    total = 0
    try:
        for p in [pid] + [int(q) for q in os.listdir("/proc") if q.isdigit() and _ppid(int(q)) == pid]:
            with open(f"/proc/{p}/status") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
    except (OSError, ValueError, StopIteration):
        return None
    return total / 1024


def _mb(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} MB"


def _ppid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return int(fh.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


# --------------------------------------------------------------------------- reporting


def print_table(results: list[Result]) -> None:
    head = (f"{'case':<14}{'conc':>5}{'n':>7}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'mean ms':>9}{'req/s':>8}"
            f"{'cpu ms/req':>12}")
    print(head)
    print("-" * len(head))
    for r in results:
        cpu = f"{r.server_cpu_ms:.1f}" if r.server_cpu_ms is not None else "n/a"
        print(f"{r.case:<14}{r.concurrency:>5}{len(r.latencies):>7}{r.p50:>9.1f}{r.p90:>9.1f}"
              f"{r.p99:>9.1f}{r.mean:>9.1f}{r.rps:>8.0f}{cpu:>12}")


def print_ratios(results: list[Result]) -> None:
    by = {(r.case, r.concurrency): r for r in results}
    # "graphql": anonymous answers shared (as shipped); "own": every request executed (/graphql-own)
    for kind in ("graphql", "own"):
        print(f"\n{kind + ' ÷ floor':<22}{'p50':>7}{'p99':>7}{'cpu/req':>9}")
        for conc in sorted({r.concurrency for r in results}):
            for first in PAGE_SIZES:
                g, f = by.get((f"{kind} {first}", conc)), by.get((f"floor {first}", conc))
                if g and f:
                    cpu = (f"{g.server_cpu_ms / f.server_cpu_ms:>8.1f}x"
                           if g.server_cpu_ms and f.server_cpu_ms else f"{'n/a':>9}")
                    print(f"{f'first {first}, conc {conc}':<22}{g.p50 / f.p50:>6.1f}x{g.p99 / f.p99:>6.1f}x{cpu}")


def print_inspection(info: dict, verbose: bool) -> None:
    c20, c100 = info["counts"][20], info["counts"][100]
    print(f"SQL statements per request: first 20 → {c20}, first 100 → {c100}"
          f"{'  (constant)' if c20 == c100 else '  (NOT CONSTANT)'}")
    for first in PAGE_SIZES:
        stmts = info["statements"][first]
        total = sum(ms for *_, ms in stmts)
        print(f"  first {first}: database time of those statements replayed alone ≈ {total:.2f} ms")
        for sql, values, ms in stmts:
            text = " ".join(sql.split())
            if not verbose and len(text) > 110:
                text = text[:107] + "..."
            print(f"    {ms:7.2f} ms  {text}")
    print(f"  floor: its one statement (first 20) alone ≈ {info['floor_sql_ms']:.2f} ms")
    for first, same in info["same_document"].items():
        print(f"  floor document == GraphQL document (first {first}): {'yes' if same else 'NO — ' + info['diff'][first]}")


# --------------------------------------------------------------------------- main


async def _seed(args, url: str) -> seeding.SeedStats:
    stats = await seeding.seed(url, args.agendas, seed=args.seed)
    print(f"seeded {stats.agendas:,} agendas ({stats.public_visible:,} visible to the public), "
          f"{stats.users:,} users, {stats.departments} departments in {stats.seconds:.1f} s", flush=True)
    return stats


def write_json(path: Path, args, stats: seeding.SeedStats, info: dict, results: list[Result],
               load: tuple[float, float], rss: tuple[float | None, float | None], idle_cpu: float | None) -> None:
    """Machine-readable results, for comparing runs (the README's tables were filled from these)."""
    doc = {
        "agendas": args.agendas, "db": args.db, "workers": args.workers, "client": args.client,
        "requests": args.requests, "cpus": os.cpu_count(), "seed_seconds": round(stats.seconds, 1),
        "load_average_before_after": [round(x, 2) for x in load],
        "server_rss_mb_idle_after": [None if x is None else round(x, 1) for x in rss],
        "server_idle_cpu_ms_per_s": None if idle_cpu is None else round(idle_cpu, 2),
        "queries_per_request": info["counts"],
        "statement_ms": {first: [[" ".join(sql.split())[:200], round(ms, 3)] for sql, _, ms in stmts]
                         for first, stmts in info["statements"].items()},
        "floor_statement_ms": round(info["floor_sql_ms"], 3),
        "results": [{"case": r.case, "concurrency": r.concurrency, "n": len(r.latencies),
                     "p50": round(r.p50, 2), "p90": round(r.p90, 2), "p99": round(r.p99, 2),
                     "mean": round(r.mean, 2), "rps": round(r.rps, 1),
                     "server_cpu_ms": None if r.server_cpu_ms is None else round(r.server_cpu_ms, 2),
                     "errors": len(r.errors)} for r in results],
    }
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--agendas", type=int, default=10_000, help="agendas to seed (default 10,000)")
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--requests", type=int, default=1000, help="timed requests per case (default 1,000)")
    p.add_argument("--warmup", type=int, default=100, help="untimed requests before each case (default 100)")
    p.add_argument("--concurrency", default="1,32", help="comma-separated client counts (default 1,32)")
    p.add_argument("--workers", type=int, default=1,
                   help="server processes, run as `agenda serve` with AGENDA_WORKERS does (default 1)")
    p.add_argument("--client", choices=CLIENTS, default="raw",
                   help="load client: a minimal asyncio HTTP/1.1 client (default) or httpx.AsyncClient")
    p.add_argument("--pg-url", default="postgres://127.0.0.1:5432/test",
                   help="a PostgreSQL server and a database to connect to while creating the bench database")
    p.add_argument("--pg-db", default=seeding.BENCH_PG_DATABASE,
                   help=f"name of the PostgreSQL database to create (default {seeding.BENCH_PG_DATABASE}; "
                        f"must start with it)")
    p.add_argument("--seed", type=int, default=1, help="random seed of the data (default 1)")
    p.add_argument("--keep", action="store_true", help="keep the database (and print its URL) at the end")
    p.add_argument("--reuse", action="store_true",
                   help="PostgreSQL: use the database --pg-db kept by an earlier --keep run when it holds "
                        "--agendas agendas (no seeding); kept again at the end")
    p.add_argument("--json", type=Path, help="also write the results to this JSON file")
    p.add_argument("-v", "--verbose", action="store_true", help="print whole SQL statements")
    args = p.parse_args(argv)
    # Interrupted (Ctrl-C, or SIGTERM from a job runner; a background job may even start with SIGINT
    # ignored): unwind through the finally blocks, which stop the server and drop the database.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    concurrencies = [int(c) for c in args.concurrency.split(",") if c.strip()]
    if not args.pg_db.startswith(seeding.BENCH_PG_DATABASE):
        p.error(f"--pg-db must start with {seeding.BENCH_PG_DATABASE}")
    if args.agendas < 100 or args.requests < 1 or not concurrencies or min(concurrencies) < 1:
        p.error("need --agendas >= 100 (a page of 100 must fill), --requests >= 1 and concurrencies >= 1")

    if args.reuse and args.db != "postgres":
        p.error("--reuse needs --db postgres")

    workdir = Path(tempfile.mkdtemp(prefix="civic-agenda-bench-"))
    kept = None
    if args.reuse:
        kept = asyncio.run(seeding.seeded_database(pg_url=args.pg_url, name=args.pg_db, n_agendas=args.agendas))
        args.keep = True
    if kept is not None:
        database_url, stats = kept
        print(f"reusing {database_url}: {stats.agendas:,} agendas ({stats.public_visible:,} visible to the "
              f"public), {stats.users:,} users, {stats.departments} departments", flush=True)
    else:
        print(f"creating a fresh {args.db} database and seeding {args.agendas:,} agendas…", flush=True)
        try:
            database_url = asyncio.run(seeding.create_database(args.db, workdir=workdir, pg_url=args.pg_url,
                                                               name=args.pg_db))
        except (RuntimeError, OSError, asyncpg.PostgresError) as exc:
            shutil.rmtree(workdir, ignore_errors=True)
            print(f"cannot create the {args.db} database: {exc}", file=sys.stderr)
            return 2
    env = server_env(database_url, workdir / "data")
    status = 0
    try:
        if kept is None:
            stats = asyncio.run(_seed(args, database_url))
        settings = Settings.from_env(env)
        print("\n== in process: queries per request ==", flush=True)
        info = asyncio.run(inspect_in_process(settings))
        print_inspection(info, args.verbose)
        if info["counts"][20] != info["counts"][100]:
            print("\nFAIL: the number of SQL statements depends on the page size (N+1).", file=sys.stderr)
            return 1
        if not all(info["same_document"].values()):
            print("\nFAIL: the floor does not serve the same document as GraphQL; the ratio would be meaningless.",
                  file=sys.stderr)
            return 1

        cases = {first: (Case(f"graphql {first}", "POST", "/graphql", graphql_body(first), check_graphql=True),
                         Case(f"own {first}", "POST", "/graphql-own", graphql_body(first), check_graphql=True),
                         Case(f"floor {first}", "GET", f"/floor?first={first}"))
                 for first in PAGE_SIZES}
        print(f"\n== over HTTP: {args.requests:,} timed requests per case after {args.warmup} warm-up, "
              f"uvicorn × {args.workers} worker(s), {args.client} client, {args.db}, {args.agendas:,} agendas, "
              f"{os.cpu_count()} CPUs ==", flush=True)
        load_before = os.getloadavg()[0]
        if load_before > 1.0:
            print(f"  warning: 1-minute load average is {load_before:.2f} before the load starts — something "
                  f"else is using the CPU and the numbers below will be noisy", flush=True)
        results: list[Result] = []
        with running_server(env, workers=args.workers, log_path=workdir / "server.log") as (base, pid):
            rss_idle = server_rss_mb(pid)
            idle_cpu = idle_cpu_ms_per_s(pid)
            for conc in concurrencies:
                for first in PAGE_SIZES:
                    for case in cases[first]:
                        r = asyncio.run(run_case(base, case, concurrency=conc, requests=args.requests,
                                                 warmup=args.warmup, client=args.client,
                                                 cpu_probe=lambda: server_cpu_seconds(pid)))
                        results.append(r)
                        if r.errors:
                            print(f"FAIL: {case.name} at concurrency {conc}: {len(r.errors)} failed requests, "
                                  f"first: {r.errors[0]}", file=sys.stderr)
                            status = 1
                            args.keep = True  # keep server.log (and the database) to look at
                        print(f"  {case.name:<12} conc {conc:>3}: p50 {r.p50:7.1f} ms  p99 {r.p99:7.1f} ms  "
                              f"{r.rps:6.0f} req/s", flush=True)
            rss_after = server_rss_mb(pid)
        load_after = os.getloadavg()[0]
        print(f"\n1-minute load average: {load_before:.2f} before the load, {load_after:.2f} at the end "
              f"(this run alone adds about 1–2 on {os.cpu_count()} CPUs)")
        print_table(results)
        print_ratios(results)
        if idle_cpu is not None:
            # Context for cpu/req, not subtracted from it: under load the background tasks run less often
            # (subtracting the idle rate left the floor at 32 clients with no CPU at all).
            print(f"\nserver CPU while idle (its background tasks: the outbox poll, metrics…): {idle_cpu:.1f} ms/s;"
                  f" a case of R requests at S req/s carries up to that × R/S of it")
        print(f"\nserver RSS: {_mb(rss_idle)} at idle (started, no request yet), {_mb(rss_after)} after the load")
        if args.json:
            write_json(args.json, args, stats, info, results, (load_before, load_after), (rss_idle, rss_after),
                       idle_cpu)
        q = info["counts"][20]
        print(f"\nqueries per request (GraphQL): {q} for first 20, {info['counts'][100]} for first 100; floor: 1")
        g = next((r for r in results if r.case == "graphql 20" and r.concurrency == 32), None)
        if g is not None:
            verdict = "met" if g.p99 < TARGET_P99_MS else "NOT met"
            note = "" if args.agendas >= 100_000 else f" (SPEC measures it on 100,000 agendas; this run has {args.agendas:,})"
            print(f"target p99 < {TARGET_P99_MS:.0f} ms for first 20 at 32 clients: {verdict} "
                  f"(p99 {g.p99:.1f} ms){note}")
        return status
    finally:
        if args.keep:
            print(f"\nkept the database: {database_url} (and the server log: {workdir / 'server.log'})")
        else:
            asyncio.run(seeding.drop_database(args.db, database_url=database_url, pg_url=args.pg_url))
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
