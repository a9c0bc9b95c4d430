"""Routing one agenda, as ``proposeAgenda`` pays for it, with N agendas in the database and the thesaurus
loaded (shipped concepts plus admin additions).

    .venv/bin/python bench/routing.py                          # 100,000 agendas, SQLite
    .venv/bin/python bench/routing.py --db postgres            # the same on PostgreSQL
    .venv/bin/python bench/routing.py --agendas 10000          # quicker

What is timed per agenda: ``load_router()`` (the catalogue, this year's work plan, the thesaurus's
additions and the newest decision of the history, read from the database; the track record re-read
and the router recompiled only when one of them changed) and
``Router.route`` on one of the labelled proposals of ``tests/data/routing_eval.jsonl``. The first,
cold build (every term compiled) is reported apart: it happens once per process and per change.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import seed as seeding  # noqa: E402
from demo.departments import DEPARTMENTS  # noqa: E402
from server import db  # noqa: E402
from server.agendas.departments import TRACK_WINDOW, load_router  # noqa: E402
from server.agendas.models import Agenda, AgendaEvent, Department  # noqa: E402
from server.agendas.policy import system_admin  # noqa: E402
from server.agendas.routing import AgendaText  # noqa: E402
from server.thesaurus.service import add_terms  # noqa: E402

EVAL_SET = ROOT / "tests" / "data" / "routing_eval.jsonl"


def pct(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def run(database_url: str, rounds: int) -> None:
    ctx = await db.open_context(database_url)
    try:
        with ctx:
            for d in DEPARTMENTS:
                await Department.filter(code=d.code).update(duty_statement=d.duty_statement)
            # A track record: the history's acceptances of the newest accepted agendas (the seeder
            # writes rows, not history), so routing reads and learns from TRACK_WINDOW decisions.
            accepted = await Agenda.filter(status="ACCEPTED").order_by("-id").limit(TRACK_WINDOW).values_list("id", flat=True)
            await AgendaEvent.bulk_create([AgendaEvent(agenda_id=i, kind="TRANSITION", from_status="IN_TRIAGE",
                                                       to_status="ACCEPTED") for i in sorted(accepted)])
            admin = system_admin()
            for i in range(40):  # a thesaurus with admins' additions on top of the shipped file
                await add_terms(admin, f"bench-concept-{i}", ko=[f"벤치용어{i}"], en=[f"benchterm{i}"])
            cases = [json.loads(line) for line in EVAL_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
            texts = [AgendaText(c["title"], c["body"], c["field"]) for c in cases]

            started = time.perf_counter()
            router = await load_router()
            router.route(texts[0])
            cold = (time.perf_counter() - started) * 1000

            samples: list[float] = []
            load_only: list[float] = []
            for _ in range(rounds):
                for text in texts:
                    t0 = time.perf_counter()
                    router = await load_router()
                    t1 = time.perf_counter()
                    router.route(text)
                    t2 = time.perf_counter()
                    samples.append((t2 - t0) * 1000)
                    load_only.append((t1 - t0) * 1000)
            route_only = [s - l for s, l in zip(samples, load_only)]
            print(f"cold build (first agenda after a start or a catalogue change): {cold:.1f} ms")
            print(f"{len(samples)} agendas routed: p50 {statistics.median(samples):.2f} ms, "
                  f"p95 {pct(samples, 0.95):.2f} ms, p99 {pct(samples, 0.99):.2f} ms, max {max(samples):.2f} ms")
            print(f"  of which load_router p50 {statistics.median(load_only):.2f} / p99 {pct(load_only, 0.99):.2f} ms, "
                  f"route p50 {statistics.median(route_only):.2f} / p99 {pct(route_only, 0.99):.2f} ms")
    finally:
        await db.close_context(ctx)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    p.add_argument("--agendas", type=int, default=100_000)
    p.add_argument("--rounds", type=int, default=10, help="passes over the 120 labelled proposals")
    p.add_argument("--pg-url", default="postgres://127.0.0.1:5432/test",
                   help="a PostgreSQL server and a database to connect to while creating the bench database")
    args = p.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="civic-agenda-bench-"))
    database_url = asyncio.run(seeding.create_database(args.db, workdir=workdir, pg_url=args.pg_url))
    try:
        stats = asyncio.run(seeding.seed(database_url, args.agendas, progress=lambda *a: None))
        print(f"seeded {stats.agendas:,} agendas ({args.db}) in {stats.seconds:.0f} s")
        asyncio.run(run(database_url, args.rounds))
    finally:
        asyncio.run(seeding.drop_database(args.db, database_url=database_url, pg_url=args.pg_url))
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
