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
                              idle_interval: float, log: logging.Logger, what: str) -> None:
    while not stop.is_set():
        try:
            done = await drain_once()
        except Exception:  # noqa: BLE001 - the database may be briefly unavailable; keep going
            log.exception("%s failed", what)
            done = 0
        if done == 0:
            await wait_or_stop(stop, idle_interval)
