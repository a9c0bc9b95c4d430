"""``agenda tick``: run the accountability tick once, now or at a given time — what the workers do
every minute (reminders, escalations, progress notices, daily digests), for operators and tests to see."""

from __future__ import annotations

import argparse
import sys
from datetime import datetime

from civic.runtime import run_with_database
from server.settings import Settings


def _moment(raw: str) -> datetime:
    try:
        value = datetime.fromisoformat(raw)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time with an offset, e.g. 2026-12-10T09:00+09:00: {raw!r}") from None
    if value.tzinfo is None:
        raise argparse.ArgumentTypeError(f"give the offset too, e.g. 2026-12-10T09:00+09:00: {raw!r}")
    return value


def cmd_tick(args: argparse.Namespace) -> int:
    from server.accountability.escalation import tick

    async def work(settings: Settings) -> int:
        report = await tick(args.now)
        print(f"tick at {(args.now.isoformat() if args.now else 'now')}: {report.escalated} escalated, "
              f"{report.reminded} reminded, {report.progress_due} progress notices, {report.digests} digests "
              f"({report.seconds:.2f}s)")
        return 0

    return run_with_database("agenda tick", work)


def add_parsers(sub) -> None:
    p = sub.add_parser("tick", help="run the accountability tick once: reminders, escalations, progress notices, daily digests")
    p.add_argument("--now", type=_moment, help="the time to tick at (ISO 8601 with offset); default: now")
    p.set_defaults(fn=cmd_tick)
