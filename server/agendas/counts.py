"""List counts off the hot path: ``totalCount`` of an agenda list, cached per visibility class and
filter — and of a triage queue, per queue (``queue_key``).

An exact ``COUNT(*)`` over the visible agendas is linear in the table (57 ms at 100,000 on
PostgreSQL, bench/README.md) and every list page asks for it, yet it is the same number for every
reader of the same class: anonymous readers all see the public agendas, staff see all of them. So a
count is computed once and reused

* until anything readers see is written through this process or another of the same ``agenda
  serve`` (the content generation, ``server/ops/writes.py``, bumped wherever the search outbox is
  written — proposing, triage, visibility, supports…), or
* for at most ``TTL_SECONDS``, the bound for writes made through another machine's server.

What ``totalCount`` promises (docs/api.md): exact as of at most ``TTL_SECONDS`` ago; exact at once
after a write made through the same machine's server. Concurrent requests that miss the same key
share one query (a stampede of 32 clients runs one count, not 32). The cache holds at most
``MAX_ENTRIES`` keys (oldest dropped first): a signed-in citizen's class is their own (public
agendas plus their own proposals), so keys grow with signed-in readers."""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from typing import Any, Awaitable, Callable, Hashable

from server.agendas.filter import AgendaFilter
from server.agendas.policy import Viewer
from server.ops import writes

TTL_SECONDS = 5.0
MAX_ENTRIES = 2048

_values: OrderedDict[Hashable, tuple[int, float, int]] = OrderedDict()  # key -> (generation, counted at, count)
_running: dict[tuple[Hashable, int], asyncio.Task] = {}


def visibility_class(viewer: Viewer, f: AgendaFilter) -> Hashable:
    """Readers who see the same agendas for the same filter share a class (``visible_q``): the
    public, staff (everything), and each signed-in non-staff reader alone (their own proposals
    too). ``mine`` makes any filter the reader's own."""
    if viewer.user is None:
        return "public"
    if viewer.is_staff and not f.mine:
        return "staff"
    return ("user", viewer.user.id)


def clear() -> None:
    """Forget every count (a new database was opened: its counts are not these)."""
    _values.clear()
    _running.clear()


async def cached(key: Hashable, count: Callable[[], Awaitable[int]]) -> int:
    generation = writes.current()
    now = time.monotonic()
    hit = _values.get(key)
    if hit is not None and hit[0] == generation and now - hit[1] < TTL_SECONDS:
        return hit[2]
    running = _running.get((key, generation))
    if running is None or running.get_loop() is not asyncio.get_running_loop():
        running = asyncio.ensure_future(_compute(key, generation, now, count))
        _running[(key, generation)] = running
    # shield: a reader who goes away does not cancel the count the others wait for
    return await asyncio.shield(running)


async def _compute(key: Hashable, generation: int, started: float, count: Callable[[], Awaitable[int]]) -> int:
    try:
        value = await count()
    finally:
        _running.pop((key, generation), None)
    if writes.current() == generation:  # nothing written meanwhile: the count holds for this generation
        _values[key] = (generation, started, value)
        _values.move_to_end(key)
        while len(_values) > MAX_ENTRIES:
            _values.popitem(last=False)
    return value


def list_key(viewer: Viewer, f: AgendaFilter) -> Hashable:
    """The key of an agenda list's count: who reads it (their class) and what they filter."""
    return visibility_class(viewer, f), f


def queue_key(owner: Hashable, overdue_only: bool) -> Hashable:
    """The key of a triage queue's count: whose queue (a department's id, the officer's, or every
    owner's) and whether only the overdue agendas. Who may read a queue is checked before anything is
    counted, and everyone who may reads the same agendas in it, so the reader is not part of the key."""
    return "queue", owner, overdue_only


class LazyCount:
    """What ``Page.total_count_query`` holds for a list: awaited only when the client asks for the
    total (an unawaited coroutine would warn), then answered from the cache under ``key``."""

    __slots__ = ("key", "query")

    def __init__(self, key: Hashable, query: Any) -> None:
        self.key = key
        self.query = query

    def __await__(self):
        return cached(self.key, self._count).__await__()

    async def _count(self) -> int:
        return await self.query
