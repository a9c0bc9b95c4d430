"""The workers' loop: an idle outbox drain looks at the content generation (a memory read) and reads
the outbox table only when the generation moved or its ceiling passed; work keeps it draining."""

from __future__ import annotations

import asyncio
import logging

from workers.loop import drain_until_stopped

log = logging.getLogger("test")


async def _run_for(seconds: float, drain, **kw) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(drain_until_stopped(drain, stop, idle_interval=0.01, log=log, what="test", **kw))
    await asyncio.sleep(seconds)
    stop.set()
    await task


async def test_an_idle_drain_without_a_probe_looks_every_interval():
    calls = 0

    async def drain():
        nonlocal calls
        calls += 1
        return 0

    await _run_for(0.3, drain)
    assert calls >= 3  # ~30 at one look per 10 ms; fewer on a busy machine


async def test_an_idle_drain_reads_the_table_only_at_its_ceiling_while_nothing_is_written():
    calls = 0

    async def drain():
        nonlocal calls
        calls += 1
        return 0

    await _run_for(0.3, drain, changed=lambda: 7, idle_ceiling=0.1)
    assert 1 <= calls <= 5  # the first look, then one per 100 ms — not one per 10 ms


async def test_a_write_wakes_an_idle_drain_at_once_and_work_keeps_it_draining():
    generation = 0
    queue: list[int] = []
    drained: list[int] = []

    async def drain():
        if queue:
            drained.append(queue.pop(0))
            return 1
        return 0

    stop = asyncio.Event()
    task = asyncio.create_task(drain_until_stopped(drain, stop, idle_interval=0.01, log=log, what="test",
                                                   changed=lambda: generation, idle_ceiling=30.0))
    await asyncio.sleep(0.05)  # idle now, with a 30 s ceiling
    queue.extend([1, 2, 3])
    generation += 1  # what outbox.enqueue does
    for _ in range(200):
        if len(drained) == 3:
            break
        await asyncio.sleep(0.01)
    stop.set()
    await task
    assert drained == [1, 2, 3]  # within moments, not after the 30 s ceiling


async def test_a_failing_batch_is_logged_and_the_loop_goes_on(caplog):
    calls = 0

    async def drain():
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("database briefly away")
        return 0

    stop = asyncio.Event()
    task = asyncio.create_task(drain_until_stopped(drain, stop, idle_interval=0.01, log=log, what="test",
                                                   changed=lambda: 0, idle_ceiling=0.05))
    for _ in range(500):
        if calls >= 2:
            break
        await asyncio.sleep(0.01)
    stop.set()
    await task
    assert calls >= 2  # the loop looked again after the failure
    assert any("test failed" in r.getMessage() for r in caplog.records)
