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


def tortoise_config(database_url: str) -> dict[str, Any]:
    return {
        "connections": {"default": database_url},
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
    """Cached list counts (server/agendas/counts.py) belong to the database they were counted in."""
    from server.agendas import counts

    counts.clear()


def connection():
    """The default connection of the current context (for raw SQL such as health checks)."""
    return get_connection("default")
