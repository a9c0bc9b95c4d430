"""The loop every worker runs: do a batch while there is work; when a batch found nothing, wait
``idle_interval`` (or until asked to stop) and look again. A failing batch (the database or a remote
server briefly unavailable) is logged and retried, never the end of the worker."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable


async def wait_or_stop(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), timeout=seconds)
    except asyncio.TimeoutError:
        pass


async def drain_until_stopped(drain_once: Callable[[], Awaitable[int]], stop: asyncio.Event, *,
                              idle_interval: float, log: logging.Logger, what: str,
                              changed: Callable[[], int] | None = None, idle_ceiling: float = 0.0) -> None:
    """``changed``: a probe that costs nothing (the content generation, a memory read) and moves
    whenever something may have been written. With it, an idle worker looks at the probe every
    ``idle_interval`` and at the database only when the probe moved or ``idle_ceiling`` seconds have
    passed (writers the probe cannot see: another machine, ``agenda worker`` apart). The probe is read
    before each batch, so a write that lands while a batch runs is looked for at once afterwards."""
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        mark = changed() if changed is not None else None
        try:
            done = await drain_once()
        except Exception:  # noqa: BLE001 - the database may be briefly unavailable; keep going
            log.exception("%s failed", what)
            done = 0
        if done:
            continue
        if changed is None:
            await wait_or_stop(stop, idle_interval)
            continue
        deadline = loop.time() + idle_ceiling
        while not stop.is_set() and changed() == mark and loop.time() < deadline:
            await wait_or_stop(stop, idle_interval)
