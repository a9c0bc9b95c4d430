"""The minute tick of the accountability rules (``server.accountability.escalation.tick``): reminders,
escalations, progress notices and daily digests. Run by every worker process (in the server process in the embedded
default); several at once are safe — each reminder and escalation is claimed by one of them."""

from __future__ import annotations

import asyncio
import logging

from server.accountability.escalation import tick
from workers.loop import wait_or_stop

log = logging.getLogger("civic_agenda.scheduler")

TICK_SECONDS = 60.0


async def run(stop: asyncio.Event, *, interval: float = TICK_SECONDS) -> None:
    while not stop.is_set():
        try:
            report = await tick()
            if report.escalated or report.reminded or report.progress_due or report.digests:
                log.info("tick: %d escalated, %d reminded, %d progress notices, %d digests (%.2fs)",
                         report.escalated, report.reminded, report.progress_due, report.digests, report.seconds)
        except Exception:  # noqa: BLE001 - the database may be briefly unavailable; the next tick retries
            log.exception("accountability tick failed")
        await wait_or_stop(stop, interval)
