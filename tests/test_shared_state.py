"""What ``agenda serve``'s processes share on one machine, each process seen as its own mapping of
the same file: the content generation, the rate limit's buckets; and the SQLite settings that let
several processes write one database file."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from server import db
from server.ops import writes
from server.ops.ratelimit import SharedTokenBuckets
from tests.conftest import TEST_SECRET
from tests.test_cli import agenda_env, run_agenda

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def shared_generation(tmp_path):
    path = tmp_path / "run" / "generation"
    writes.share(path, fresh=True)
    yield path
    writes.unshare()


def test_a_write_in_another_process_changes_the_generation_this_one_reads(shared_generation):
    seen = writes.current()
    code = ("import sys; from pathlib import Path; from server.ops import writes; "
            "writes.share(Path(sys.argv[1])); before = writes.current(); writes.bump(); print(before)")
    r = subprocess.run([sys.executable, "-c", code, str(shared_generation)], cwd=ROOT, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    # attaching moved it on once, the other process's bump once more: both are seen here at once
    assert int(r.stdout) > seen and writes.current() == int(r.stdout) + 1
    writes.bump()
    assert writes.current() == int(r.stdout) + 2


def test_sharing_never_goes_back_to_a_generation_read_before(tmp_path):
    for _ in range(5):
        writes.bump()
    before = writes.current()
    writes.share(tmp_path / "generation", fresh=True)  # a fresh file starts at 0 …
    try:
        assert writes.current() > before  # … but continues past this process's own count
    finally:
        writes.unshare()
    assert writes.current() > before


async def test_a_command_run_beside_the_server_moves_the_generation_the_server_reads(clean_database, tmp_path):
    """``agenda tick`` from cron, an import: what the server on this data folder caches for anonymous
    readers and counts starts over as soon as the command has written, not a TTL later."""
    data = tmp_path / "data"
    env = {"DATABASE_URL": clean_database, "AGENDA_DATA_DIR": str(data), "AGENDA_SECRET": TEST_SECRET}
    add = ["department", "add", "--name-ko", "기후환경본부", "--name-en", "Climate and Environment Headquarters",
           "--keyword", "미세먼지"]

    # No server has run here: the command leaves no shared file behind.
    r = run_agenda(add + ["--code", "CLIMATE"], env)
    assert r.returncode == 0, r.stderr
    assert not (data / "run" / "generation").exists()

    writes.share(data / "run" / "generation", fresh=True)  # what `agenda serve` does as it starts
    try:
        seen = writes.current()
        r = run_agenda(add + ["--code", "CLIMATE_2"], env)
        assert r.returncode == 0, r.stderr
        assert writes.current() > seen
    finally:
        writes.unshare()


def test_a_server_restart_continues_the_generation_a_running_command_has_mapped(tmp_path):
    """An ``agenda worker`` keeps running while ``agenda serve`` restarts: the restart must neither cut
    the file under the worker's mapping nor send the count back (a cache entry from before could match
    again)."""
    data = tmp_path / "data"
    env = {"AGENDA_DATA_DIR": str(data), "AGENDA_SECRET": TEST_SECRET, "DATABASE_URL": f"sqlite://{tmp_path}/db.sqlite3"}
    writes.share(data / "run" / "generation")  # the running command's own mapping
    try:
        for _ in range(5):
            writes.bump()
        before = writes.current()
        code = ("from civic.runtime import load_settings; from civic.processes import prepare_shared_state; "
                "prepare_shared_state(load_settings())")
        r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=agenda_env(env),
                           capture_output=True, text=True, timeout=60)
        assert r.returncode == 0, r.stderr
        assert writes.current() > before
    finally:
        writes.unshare()


class _Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_client_gets_the_rate_once_whichever_process_answers(tmp_path):
    clock = _Clock()
    path = tmp_path / "ratelimit"
    first = SharedTokenBuckets(path, per_minute=60, burst=5, fresh=True, clock=clock)
    second = SharedTokenBuckets(path, per_minute=60, clock=clock, burst=5)  # another process attaching
    answers = [(first if i % 2 else second).take("token:a")[0] for i in range(8)]
    assert answers == [True] * 5 + [False] * 3
    allowed, wait, _ = second.take("token:a")
    assert not allowed and wait == pytest.approx(1.0)  # one token a second
    assert first.take("token:b")[0]  # another client has its own bucket
    clock.now += 2
    assert [first.take("token:a")[0], second.take("token:a")[0], first.take("token:a")[0]] == [True, True, False]


def test_the_shared_table_is_bounded_and_makes_room_from_the_idlest_bucket(tmp_path):
    class Small(SharedTokenBuckets):
        SLOTS = 4
        PROBE = 4

    clock = _Clock()
    table = Small(tmp_path / "ratelimit", per_minute=60, burst=3, fresh=True, clock=clock)
    assert (tmp_path / "ratelimit").stat().st_size == Small.SLOT.size * 4
    for key in ("a", "b", "c", "d"):
        table.take(key, 3)  # every bucket empty
        clock.now += 0.1
    table.take("e")  # no free place: the bucket used longest ago ("a") makes room
    assert table.take("b")[0] is False  # the others keep their state
    assert table.take("a")[0] is True  # "a" starts afresh


async def test_sqlite_waits_for_another_process_writer_and_transactions_take_the_write_lock_first(tmp_path):
    url = f"sqlite://{tmp_path / 'agenda.sqlite3'}"
    await db.migrate(url)
    ctx = await db.open_context(url)
    try:
        with ctx:
            conn = db.connection()
            assert (await conn.execute_query_dict("PRAGMA journal_mode"))[0]["journal_mode"] == "wal"
            assert (await conn.execute_query_dict("PRAGMA busy_timeout"))[0]["timeout"] == db.SQLITE_BUSY_TIMEOUT_MS
            from tortoise.transactions import in_transaction

            async with in_transaction():
                # Nothing written yet in this transaction, and still another process cannot write:
                # the write lock was taken at BEGIN (a deferred BEGIN would let it in, and this
                # transaction's later write would then fail with SQLITE_BUSY_SNAPSHOT).
                other = sqlite3.connect(tmp_path / "agenda.sqlite3", timeout=0)
                with pytest.raises(sqlite3.OperationalError, match="locked"):
                    other.execute("UPDATE users SET id = id")
                other.close()
    finally:
        await db.close_context(ctx)
