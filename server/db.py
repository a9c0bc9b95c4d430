"""Database wiring: one Tortoise app ("agenda") spanning every domain's models, one migrations package.

Tortoise 1.x keeps its state in a ``TortoiseContext`` held in a ContextVar. The server's lifespan and
its request handlers run in different tasks, so we keep the context object ourselves and enter it
around each request (see ``civic.app.TortoiseContextMiddleware``) instead of relying on a global.
"""

from __future__ import annotations

from typing import Any

from tortoise.connection import get_connection
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate as tortoise_migrate

APP_LABEL = "agenda"


class Row:
    """A row read with only the columns its caller shows (``values()``): plain attributes, no model
    behind it — not saved, not refreshed, and reading a column that was not read is an
    ``AttributeError``, never a silent default. Building a Tortoise model costs ~20 µs a row (every
    field set through its descriptor); a list page reads a hundred."""

    __slots__ = ("__dict__",)

    def __init__(self, values: dict) -> None:
        self.__dict__ = values

MODEL_MODULES = [
    "server.accounts.models",
    "server.accountability.models",
    "server.agendas.models",
    "server.attachments.models",
    "server.audit.models",
    "server.imports.models",
    "server.notifications.models",
    "server.participation.models",
    "server.search.models",
    "server.thesaurus.models",
    "server.workshops.models",
]


# SQLite behind several server processes (``AGENDA_WORKERS``): every process has its own connection
# to the file, so writers of different processes meet in SQLite's lock, not in Tortoise's.
# * WAL (Tortoise's default): readers never wait for a writer.
# * A writer waits up to this long for another process's write transaction (an import of 20,000
#   rows holds one for seconds) instead of failing with "database is locked" after sqlite3's 5 s.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def _with_busy_timeout(database_url: str) -> str:
    if not database_url.startswith("sqlite") or "busy_timeout=" in database_url:
        return database_url
    return database_url + ("&" if "?" in database_url else "?") + f"busy_timeout={SQLITE_BUSY_TIMEOUT_MS}"


def _begin_immediate() -> None:
    """Tortoise opens SQLite transactions with a plain (deferred) ``BEGIN``: a transaction that reads
    and then writes while another process committed in between fails at once (SQLITE_BUSY_SNAPSHOT,
    which no busy timeout waits out). ``BEGIN IMMEDIATE`` takes the write lock first — waiting for it
    up to the busy timeout — so a transaction sees no other process's write in its middle, which is
    also what makes the proposal quota's count-then-insert atomic across processes. One process
    already runs its SQLite transactions one at a time (one connection), so nothing waits more there."""
    import sqlite3

    from tortoise.backends.sqlite.client import SqliteTransactionWrapper
    from tortoise.exceptions import TransactionManagementError

    if getattr(SqliteTransactionWrapper.begin, "immediate", False):
        return

    async def begin(self) -> None:
        try:
            await self._connection.commit()
            await self._connection.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise TransactionManagementError(exc) from exc

    begin.immediate = True
    SqliteTransactionWrapper.begin = begin


_begin_immediate()


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": _with_busy_timeout(database_url)},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "server.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


async def migrate(database_url: str) -> None:
    """Apply every pending migration; the same migrations serve SQLite and PostgreSQL."""
    ctx = TortoiseContext()
    async with ctx:
        await tortoise_migrate(config=tortoise_config(database_url))


async def open_context(database_url: str) -> TortoiseContext:
    """An initialised context the caller must close with ``close_context``.

    Tortoise 1.1 caches each model's compiled INSERT in a process-wide dict keyed by connection
    *name*, not dialect: a process that opens SQLite and then PostgreSQL under the name "default"
    (the test suite, a restore) would send ``?`` placeholders to PostgreSQL. Opening a context
    therefore starts from an empty cache; it refills on the first insert of each model."""
    EXECUTOR_CACHE.clear()
    _forget_counts()
    ctx = TortoiseContext()
    with ctx:
        await ctx.init(config=tortoise_config(database_url))
    return ctx


async def close_context(ctx: TortoiseContext) -> None:
    with ctx:
        await ctx.close_connections()
    _forget_counts()


def _forget_counts() -> None:
    """Cached list counts (server/agendas/counts.py) and the departments list pages show
    (server/agendas/department_table.py) belong to the database they were read from."""
    from server.agendas import counts, department_table

    counts.clear()
    department_table.clear()


def connection():
    """The default connection of the current context (for raw SQL such as health checks)."""
    return get_connection("default")
