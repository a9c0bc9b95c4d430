"""``agenda reindex`` and ``agenda worker`` (the outbox drain, the mail drain and the accountability tick)."""

from __future__ import annotations

import argparse
import asyncio

from civic.runtime import run_with_search
from server.settings import Settings


def cmd_reindex(args: argparse.Namespace) -> int:
    from server.search.reindex import reindex

    async def work(settings: Settings, engine) -> int:
        def progress(topic: str, done: int, total: int) -> None:
            print(f"\rindexed {done:,}/{total:,} {topic} records", end="", flush=True)

        report = await reindex(engine, batch_size=args.batch_size, progress=progress)
        print(f"\nreindexed {report.indexed:,} records in {report.seconds:.1f}s "
              f"({report.per_second:,.0f}/s); {report.caught_up:,} changed meanwhile and were re-applied; "
              f"swapped into {engine.agendas_uid}")
        return 0

    return run_with_search("agenda reindex", work)


def cmd_worker(args: argparse.Namespace) -> int:
    import signal

    from workers import run_background

    async def work(settings: Settings, engine) -> int:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)

        def started(indexer, mailer) -> None:
            print(f"draining the outbox into {engine.agendas_uid}, sending mail through {mailer.transport.describe()} "
                  f"and running the accountability tick (Ctrl-C stops)", flush=True)

        indexer, mailer = await run_background(settings, engine, stop, batch_size=args.batch_size, started=started)
        print(f"stopped after indexing {indexer.processed:,} changes and sending {mailer.sent:,} e-mails", flush=True)
        return 0

    return run_with_search("agenda worker", work)


def add_parsers(sub) -> None:
    p = sub.add_parser("reindex", help="rebuild the search index from the database aside, then swap it in")
    p.add_argument("--batch-size", type=int, default=5000)
    p.set_defaults(fn=cmd_reindex)

    p = sub.add_parser("worker", help="drain the outbox into Meilisearch, send mail, run the tick (run several on PostgreSQL)")
    p.add_argument("--batch-size", type=int, default=500)
    p.set_defaults(fn=cmd_worker)
