"""Rebuilding the search indexes from the database without a window of half-built answers.

For each index (agendas, cases, workshops), a new one is built aside (``<live>__build_<ts>``) with
the settings from code, filled in keyset-ordered batches (pipelined: Meilisearch indexes one batch
while we read the next), then swapped with the live one in a single atomic Meilisearch task; the old
contents are deleted after. Search keeps answering from the complete old index until the swap.

Writes made while building are not lost: every change to an agenda moves its ``updated_at``, so
after the swap every agenda changed since the build began (with a safety margin for transactions
that were still open) is upserted again into the now-live index. Cases and workshops are few and
are simply upserted again in full after their swap. The outbox workers keep running throughout;
what they write goes to the old index until the swap and to the new one after."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from server.search.engine import SearchEngine
from server.search.registry import SPECS

CATCH_UP_MARGIN = timedelta(seconds=60)


@dataclass
class ReindexReport:
    indexed: int
    caught_up: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.indexed / self.seconds if self.seconds else 0.0


async def _rebuild(engine: SearchEngine, topic: str, batch_size: int, progress) -> tuple[int, int]:
    spec = SPECS[topic]
    started = datetime.now(timezone.utc)
    live = engine.uid(topic)
    build = f"{live}__build_{int(started.timestamp() * 1000)}"
    await engine.ensure_index(build, topic=topic)
    index = engine.client.index(build)
    total = await spec.model.all().count()
    done, last_id, tasks = 0, 0, []
    try:
        while True:
            rows = await spec.rows(spec.model.filter(id__gt=last_id).order_by("id").limit(batch_size))
            if not rows:
                break
            tasks.append(await index.add_documents(await spec.documents(rows), primary_key="id"))
            last_id = spec.row_id(rows[-1])
            done += len(rows)
            if progress:
                progress(topic, done, total)
            if len(tasks) > 4:  # bound what is queued in Meilisearch at once
                await engine.wait(tasks.pop(0), timeout_ms=600_000)
        for task in tasks:
            await engine.wait(task, timeout_ms=600_000)
        await engine.ensure_index(live, topic=topic)  # a deployment's first reindex may have no live index yet
        await engine.wait(await engine.client.swap_indexes([(live, build)]), timeout_ms=60_000)
    except BaseException:
        await engine.client.index(build).delete_if_exists()
        raise
    # `build` now holds the previous contents.
    await engine.wait(await engine.client.index(build).delete(), timeout_ms=60_000)

    if topic == "agenda":
        changed = await spec.rows(spec.model.filter(updated_at__gte=started - CATCH_UP_MARGIN).order_by("id"))
    else:
        changed = await spec.rows(spec.model.all().order_by("id"))
    live_index = engine.client.index(live)
    for i in range(0, len(changed), batch_size):  # right after a bulk import this is the whole table
        task = await live_index.add_documents(await spec.documents(changed[i:i + batch_size]), primary_key="id")
        await engine.wait(task, timeout_ms=600_000)
    return done, len(changed)


async def reindex(engine: SearchEngine, *, batch_size: int = 5000,
                  progress: Callable[[str, int, int], None] | None = None,
                  topics: list[str] | None = None) -> ReindexReport:
    started_clock = time.perf_counter()
    indexed = caught_up = 0
    for topic in topics or list(SPECS):
        done, again = await _rebuild(engine, topic, batch_size, progress)
        indexed += done
        caught_up += again
    return ReindexReport(indexed=indexed, caught_up=caught_up, seconds=time.perf_counter() - started_clock)
