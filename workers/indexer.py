"""Draining the transactional outbox into Meilisearch.

At-least-once: an entry is deleted only after Meilisearch has *applied* the write it announces;
a worker killed mid-batch leaves its entries in place and another (or the restarted) worker redoes
them. That is safe because every write is an idempotent upsert of the agenda's *current* state
(or a delete when it no longer exists), never a replay of an old payload.

Several workers on PostgreSQL: each batch is claimed with ``FOR UPDATE SKIP LOCKED`` inside a
transaction, so two workers never take the same entry, and with a transaction-scoped advisory lock
per record, so two workers never index the same record concurrently — otherwise the one that read
the older state could apply it last. On SQLite there is one worker (in the server process) and no
transaction is held across the network call, because SQLite's single connection would stall every
request meanwhile.

Failures (Meilisearch down, a task that fails) leave the entries with ``attempts`` counted and
``available_at`` pushed back by a capped exponential backoff; the index catches up by itself when
Meilisearch returns.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tortoise.transactions import in_transaction

from server.db import connection
from server.ops import writes
from server.search.engine import SearchEngine
from server.search.models import OutboxEntry
from server.search.registry import SPECS
from server.thesaurus.service import TOPIC as THESAURUS_TOPIC
from workers.loop import drain_until_stopped

log = logging.getLogger("civic_agenda.indexer")

MAX_BACKOFF_SECONDS = 5.0
IDLE_CEILING = 0.25  # seconds an idle drain waits at most before reading the outbox table anyway


@dataclass
class Claimed:
    id: int
    topic: str
    entity_id: str
    operation: str
    attempts: int


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(MAX_BACKOFF_SECONDS, 0.25 * (2 ** max(0, attempts - 1))))


class Indexer:
    def __init__(self, engine: SearchEngine, *, batch_size: int = 500, idle_interval: float = 0.025) -> None:
        # idle_interval: how long an idle worker waits before looking again. Every wait is added to a
        # new agenda's time-to-searchable (SPEC: p99 < 1 s); one indexed query 40 times a second is
        # cheap next to that (bench/README.md, freshness).
        self.engine = engine
        self.batch_size = batch_size
        self.idle_interval = idle_interval
        self.processed = 0
        self.failures = 0
        self.last_error: str | None = None
        self._index_ready = False

    def index_is_ready(self) -> None:
        """Called when the index was ensured elsewhere (the server's start), to skip doing it again."""
        self._index_ready = True

    # ------------------------------------------------------------------ one batch

    async def drain_once(self) -> int:
        """Process one batch; returns how many entries were completed (0: nothing was due)."""
        conn = connection()
        if conn.capabilities.dialect == "postgres":
            return await self._drain_postgres()
        return await self._drain_sqlite()

    async def _drain_postgres(self) -> int:
        now = datetime.now(timezone.utc)
        async with in_transaction() as tx:
            rows = await tx.execute_query_dict(
                "SELECT id, topic, entity_id, operation, attempts FROM outbox WHERE available_at <= $1 "
                "ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED",
                [now, self.batch_size],
            )
            if not rows:
                return 0
            # Per-record locks are taken only for the claimed rows' records (a lock call inside the
            # WHERE clause above would be evaluated on every row the planner scans, before LIMIT,
            # and one worker would lock every record). Rows whose record another worker is indexing
            # stay untouched; they are row-locked until we commit and picked up again after.
            keys = sorted({f"{r['topic']}:{r['entity_id']}" for r in rows})
            granted = {r["k"] for r in await tx.execute_query_dict(
                "SELECT k FROM unnest($1::text[]) AS k WHERE pg_try_advisory_xact_lock(hashtext(k))", [keys])}
            claimed = [Claimed(**r) for r in rows if f"{r['topic']}:{r['entity_id']}" in granted]
            if not claimed:
                return 0
            try:
                await self._apply(claimed)
            except Exception as exc:  # noqa: BLE001 - any failure means "retry later"
                await self._postpone(claimed, exc, tx)
                return 0
            await OutboxEntry.filter(id__in=[c.id for c in claimed]).using_db(tx).delete()
        self.processed += len(claimed)
        return len(claimed)

    async def _drain_sqlite(self) -> int:
        now = datetime.now(timezone.utc)
        rows = await OutboxEntry.filter(available_at__lte=now).order_by("id").limit(self.batch_size).values(
            "id", "topic", "entity_id", "operation", "attempts")
        if not rows:
            return 0
        claimed = [Claimed(**r) for r in rows]
        try:
            await self._apply(claimed)
        except Exception as exc:  # noqa: BLE001
            await self._postpone(claimed, exc, None)
            return 0
        await OutboxEntry.filter(id__in=[c.id for c in claimed]).delete()
        self.processed += len(claimed)
        return len(claimed)

    async def _apply(self, claimed: list[Claimed]) -> None:
        writes.bump()  # these entries are committed now: readers' caches start over (server/ops/writes.py)
        if not self._index_ready:
            # Writing to a missing index would create it without our settings (no filterable
            # attributes): make sure every index exists, configured, before the first write.
            await self.engine.ensure_all()
            self._index_ready = True
        by_topic: dict[str, set[int]] = {}
        if any(c.topic == THESAURUS_TOPIC for c in claimed):
            await self.engine.push_synonyms()  # an admin changed the thesaurus: once per batch
        for c in claimed:
            if c.topic == THESAURUS_TOPIC:
                continue
            if c.topic in SPECS:
                by_topic.setdefault(c.topic, set()).add(int(c.entity_id))
            else:
                log.error("outbox entry %s has unknown topic %r; dropping it", c.id, c.topic)
        tasks = []
        for topic, ids in sorted(by_topic.items()):
            spec = SPECS[topic]
            rows = await spec.rows(spec.model.filter(id__in=sorted(ids)))
            present = {spec.row_id(r) for r in rows}
            index = self.engine.client.index(self.engine.uid(topic))
            if rows:
                tasks.append(await index.add_documents(await spec.documents(rows), primary_key="id"))
            gone = [str(i) for i in sorted(ids) if i not in present]
            if gone:
                tasks.append(await index.delete_documents(gone))
        for task in tasks:
            await self.engine.wait(task)

    async def _postpone(self, claimed: list[Claimed], exc: Exception, tx) -> None:
        self.failures += 1
        self.last_error = f"{type(exc).__name__}: {exc}"[:500]
        log.warning("indexing %d outbox entries failed, will retry: %s", len(claimed), self.last_error)
        now = datetime.now(timezone.utc)
        for c in claimed:
            q = OutboxEntry.filter(id=c.id)
            if tx is not None:
                q = q.using_db(tx)
            await q.update(attempts=c.attempts + 1, available_at=now + _backoff(c.attempts + 1),
                           last_error=self.last_error)

    # ------------------------------------------------------------------ loops

    async def drain_all(self, *, timeout: float = 30.0) -> int:
        """Drain until nothing is due (tests, ``agenda reindex``); returns entries completed."""
        total, deadline = 0, asyncio.get_running_loop().time() + timeout
        while True:
            done = await self.drain_once()
            total += done
            if done == 0:
                pending = await OutboxEntry.all().count()
                if pending == 0 or asyncio.get_running_loop().time() > deadline:
                    return total
                await asyncio.sleep(0.05)

    async def run(self, stop: asyncio.Event) -> None:
        """The worker loop: drain while there is work, poll briefly when idle."""
        # Idle, it reads the content generation every idle_interval (every write that enqueues bumps it,
        # in this process or, behind AGENDA_WORKERS, any process of this machine) and the outbox table
        # only when it moved or IDLE_CEILING has passed: an idle server polled the database 40 times a
        # second (~60 ms of CPU a second, bench/README.md) for writes the generation announces anyway.
        await drain_until_stopped(self.drain_once, stop, idle_interval=self.idle_interval, log=log, what="outbox drain",
                                  changed=writes.current, idle_ceiling=IDLE_CEILING)
