"""Writing to the transactional outbox. Call ``enqueue`` inside the transaction that changes the
record: the entry commits or rolls back with the change, so the index can never be told about a
change that did not happen, nor miss one that did."""

from __future__ import annotations

from datetime import datetime, timezone

from server.ops import writes
from server.ops.context import current_request_id
from server.search.models import OutboxEntry

UPSERT = "upsert"
DELETE = "delete"


async def enqueue(topic: str, entity_id: int | str, operation: str = UPSERT, *, using_db=None,
                  request_id: str | None = None) -> None:
    await OutboxEntry.create(
        topic=topic,
        entity_id=str(entity_id),
        operation=operation,
        # The HTTP request that made the change (server/ops/requestid.py), unless the caller named one.
        request_id=request_id if request_id is not None else current_request_id.get(),
        available_at=datetime.now(timezone.utc),
        using_db=using_db,
    )
    writes.bump()  # caches of what readers see (server/ops/writes.py) start over


async def outbox_stats() -> dict:
    """Depth and age of the oldest entry, for /readyz and /metrics."""
    depth = await OutboxEntry.all().count()
    oldest = await OutboxEntry.all().order_by("id").first().values("created_at") if depth else None
    age = (datetime.now(timezone.utc) - oldest["created_at"]).total_seconds() if oldest else 0.0
    return {"depth": depth, "oldest_age_seconds": round(max(age, 0.0), 3)}


async def enqueue_many(topic: str, entity_ids, operation: str = UPSERT, *, using_db=None) -> None:
    """``enqueue`` for many records at once (a bulk import), in one statement per batch."""
    now = datetime.now(timezone.utc)
    request_id = current_request_id.get()
    await OutboxEntry.bulk_create(
        [OutboxEntry(topic=topic, entity_id=str(i), operation=operation, request_id=request_id, available_at=now)
         for i in entity_ids], batch_size=500, using_db=using_db)
    writes.bump()
