"""Benchmark: the scheduler's tick over 100,000 agendas with 1,000 due (target: under 10 s, constant memory).

    .venv/bin/python bench/tick.py [--agendas N] [--due D] [--db sqlite|postgres] [--pg-url URL]
                                   [--pg-db NAME] [--seed S] [--keep] [--json FILE]

1. Creates a fresh database and seeds N agendas (bench/seed.py), then arms the accountability
   columns the way a running city has them: every agenda waiting for a decision has a due date
   (D of them already past, the rest a month ahead, beyond the reminder horizon), accepted and
   in-progress ones a progress date three weeks ahead; each department has two staff and there are
   two officers, so every escalation notifies four people, as in production.
2. Runs ``escalation.tick`` in a fresh subprocess (so its memory is the tick's, not the seeder's):
   once timed — D escalations, each its own transaction with the claim, the ESCALATED event, the
   search outbox row and the notifications — then once more with nothing left to do (the cost of a
   minute's tick on a quiet day: the scan alone). It reports RSS before and the high-water mark
   after (``/proc/self/status``).
3. Re-arms the same D agendas and runs the tick again under ``tracemalloc``: the peak of Python
   allocations during the tick, which stays flat as D grows because agendas are read in id-ordered
   batches of 500 and nothing is kept per agenda.

Exit status 0 when every due agenda was escalated exactly once; the time target is reported.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:] = [str(ROOT)] + [p for p in sys.path if Path(p or ".").resolve() not in (ROOT, ROOT / "bench")]

import asyncpg  # noqa: E402

from bench import seed as seeding  # noqa: E402
from server import db  # noqa: E402

TARGET_SECONDS = 10.0
STAFF_PER_DEPARTMENT = 2
OFFICERS = 2


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


# --------------------------------------------------------------------------- arming


async def arm(database_url: str, due: int, *, seed: int) -> list[int]:
    """Due dates, staff and officers on a seeded database; returns the ids of the agendas due."""
    from server.accounts.models import User
    from server.accounts.roles import Role
    from server.agendas.models import Agenda, Department

    ctx = await db.open_context(database_url)
    try:
        with ctx:
            now = datetime.now(timezone.utc)
            depts = await Department.all()
            staff = [User(email=f"staff{d.id}-{i}@bench.example", password_hash="!bench", display_name=f"{d.name_ko} {i}",
                          role=Role.STAFF, email_verified_at=now) for d in depts for i in range(STAFF_PER_DEPARTMENT)]
            officers = [User(email=f"officer{i}@bench.example", password_hash="!bench", display_name=f"사회혁신담당관 {i}",
                             role=Role.OFFICER, email_verified_at=now) for i in range(OFFICERS)]
            await User.bulk_create(staff + officers)
            by_email = {u.email: u for u in await User.filter(email__endswith="@bench.example", role=Role.STAFF)}
            for d in depts:
                for i in range(STAFF_PER_DEPARTMENT):
                    await by_email[f"staff{d.id}-{i}@bench.example"].departments.add(d)

            waiting = list(await Agenda.filter(status__in=["IN_TRIAGE", "SUBMITTED"]).values_list("id", flat=True))
            if len(waiting) < due:
                raise SystemExit(f"only {len(waiting):,} agendas wait for a decision; ask for fewer --due")
            due_ids = sorted(random.Random(seed).sample(waiting, due))
            await Agenda.filter(status__in=["IN_TRIAGE", "SUBMITTED"]).update(
                routed_at=now - timedelta(days=20), answer_due_at=now + timedelta(days=30))
            await Agenda.filter(status__in=["ACCEPTED", "IN_PROGRESS"]).update(progress_due_at=now + timedelta(days=21))
            await rearm(due_ids, now)
            if not database_url.startswith("sqlite"):
                await db.connection().execute_script("ANALYZE")
            return due_ids
    finally:
        await db.close_context(ctx)


async def rearm(due_ids: list[int], now: datetime) -> None:
    from server.agendas.models import Agenda

    for start in range(0, len(due_ids), 500):
        chunk = due_ids[start:start + 500]
        await Agenda.filter(id__in=chunk).update(answer_due_at=now - timedelta(hours=2), escalated_for=None,
                                                 reminded_for=None, overdue=False)


async def _rearm(database_url: str, due_ids: list[int]) -> None:
    ctx = await db.open_context(database_url)
    try:
        with ctx:
            await rearm(due_ids, datetime.now(timezone.utc))
    finally:
        await db.close_context(ctx)


# --------------------------------------------------------------------------- the measured process


async def _run(database_url: str, traced: bool) -> dict:
    import tracemalloc

    from server.accountability.escalation import tick

    ctx = await db.open_context(database_url)
    try:
        with ctx:
            rss_before = _status_kb("VmRSS")
            if traced:
                tracemalloc.start()
            started = time.perf_counter()
            report = await tick(datetime.now(timezone.utc))
            seconds = time.perf_counter() - started
            peak = tracemalloc.get_traced_memory()[1] if traced else None
            if traced:
                tracemalloc.stop()
            idle = await tick(datetime.now(timezone.utc))
            return {"seconds": seconds, "escalated": report.escalated, "reminded": report.reminded,
                    "progress_due": report.progress_due, "idle_seconds": idle.seconds, "idle_escalated": idle.escalated,
                    "rss_before_mb": rss_before / 1024, "rss_peak_mb": _status_kb("VmHWM") / 1024,
                    "tracemalloc_peak_mb": peak / 2**20 if peak is not None else None}
    finally:
        await db.close_context(ctx)


def measure(database_url: str, traced: bool) -> dict:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--run", database_url] + (["--traced"] if traced else [])
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--agendas", type=int, default=100_000, help="agendas to seed (default 100,000)")
    p.add_argument("--due", type=int, default=1_000, help="agendas past their due date (default 1,000)")
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--pg-url", default="postgres://127.0.0.1:5432/test")
    p.add_argument("--pg-db", default=seeding.BENCH_PG_DATABASE + "_tick")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--keep", action="store_true", help="keep the database (and print its URL) at the end")
    p.add_argument("--json", type=Path, help="also write the results to this JSON file")
    p.add_argument("--run", metavar="DATABASE_URL", help=argparse.SUPPRESS)  # the measured subprocess
    p.add_argument("--traced", action="store_true", help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.run:
        print(json.dumps(asyncio.run(_run(args.run, args.traced))))
        return 0
    if not args.pg_db.startswith(seeding.BENCH_PG_DATABASE):
        p.error(f"--pg-db must start with {seeding.BENCH_PG_DATABASE}")
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    workdir = Path(tempfile.mkdtemp(prefix="civic-agenda-bench-tick-"))
    try:
        database_url = asyncio.run(seeding.create_database(args.db, workdir=workdir, pg_url=args.pg_url, name=args.pg_db))
    except (RuntimeError, OSError, asyncpg.PostgresError) as exc:
        shutil.rmtree(workdir, ignore_errors=True)
        print(f"cannot create the {args.db} database: {exc}", file=sys.stderr)
        return 2
    try:
        print(f"seeding {args.agendas:,} agendas ({args.db})…", flush=True)
        asyncio.run(seeding.seed(database_url, args.agendas, seed=args.seed))
        due_ids = asyncio.run(arm(database_url, args.due, seed=args.seed))
        print(f"armed: {len(due_ids):,} past due; ticking in a fresh process…", flush=True)
        timed = measure(database_url, traced=False)
        asyncio.run(_rearm(database_url, due_ids))
        traced = measure(database_url, traced=True)
        ok = timed["escalated"] == args.due and traced["escalated"] == args.due and timed["idle_escalated"] == 0
        print(f"\n== tick: {args.agendas:,} agendas, {args.due:,} due, {args.db} ==")
        print(f"  tick            {timed['seconds']:7.2f} s   ({timed['escalated']:,} escalated, "
              f"{args.due / timed['seconds']:,.0f} a second)")
        print(f"  idle tick       {timed['idle_seconds']:7.3f} s   (nothing due: the scan alone)")
        print(f"  RSS             {timed['rss_before_mb']:7.1f} MB before, high-water {timed['rss_peak_mb']:.1f} MB after")
        print(f"  tracemalloc     {traced['tracemalloc_peak_mb']:7.2f} MB peak during the tick "
              f"(traced run: {traced['seconds']:.2f} s)")
        verdict = "met" if timed["seconds"] < TARGET_SECONDS else "NOT met"
        print(f"target < {TARGET_SECONDS:.0f} s: {verdict}")
        if args.json:
            args.json.write_text(json.dumps({"db": args.db, "agendas": args.agendas, "due": args.due,
                                             "timed": timed, "traced": traced}, indent=2))
        if not ok:
            print("FAIL: not every due agenda was escalated exactly once", file=sys.stderr)
        return 0 if ok else 1
    finally:
        if args.keep:
            print(f"\nkept the database: {database_url}")
        else:
            asyncio.run(seeding.drop_database(args.db, database_url=database_url, pg_url=args.pg_url))
            shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
