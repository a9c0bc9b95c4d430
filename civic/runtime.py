"""What every ``agenda`` command needs before doing its work: the settings (a configuration error
exits 2 naming the variable), logging, the migrated database opened in a Tortoise context and, for
commands that index, a reachable Meilisearch. Domain errors are printed as ``field: message [CODE]``
and exit 1."""

from __future__ import annotations

import asyncio
import sys

from server.settings import ConfigError, Settings


def load_settings() -> Settings:
    try:
        return Settings.from_env()
    except ConfigError as exc:
        print(f"agenda: configuration error: {exc}", file=sys.stderr)
        raise SystemExit(2) from None


def setup_logging(settings: Settings) -> None:
    # Text, or one JSON object per line with AGENDA_LOG_FORMAT=json; records carry the request id.
    from server.ops.logs import configure_logging

    configure_logging(settings.python_log_level, settings.log_format)


def print_domain_errors(prog: str, exc: Exception) -> None:
    errors = exc.errors if hasattr(exc, "errors") else [exc]
    for e in errors:
        print(f"{prog}: {e.field or 'input'}: {e.message} [{e.code.value}]", file=sys.stderr)


def run_with_database(prog: str, work, settings: Settings | None = None) -> int:
    """Migrate, open the database context, run ``await work(settings)`` inside it; domain errors are
    printed as ``field: message [CODE]`` (exit 1), configuration errors exit 2 (see ``load_settings``)."""
    from civic.processes import GENERATION_FILE, shared_dir
    from server import db
    from server.accountability import policy as accountability
    from server.errors import DomainError, ValidationErrors
    from server.ops import writes

    settings = settings if settings is not None else load_settings()
    accountability.configure(settings)

    async def run() -> int:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        await db.migrate(settings.database_url)
        ctx = await db.open_context(settings.database_url)
        try:
            # A server on this data folder sees what the command writes at once (server/ops/writes.py).
            with ctx, writes.joined(shared_dir(settings) / GENERATION_FILE):
                return await work(settings)
        except (DomainError, ValidationErrors) as exc:
            print_domain_errors(prog, exc)
            return 1
        finally:
            await db.close_context(ctx)

    return asyncio.run(run())


def run_with_search(prog: str, work) -> int:
    """Like ``run_with_database``, with a reachable Meilisearch: the configured one, the running
    server's provisioned one, or one started for as long as the command runs. ``work`` is called as
    ``await work(settings, engine)``."""
    from server.search import local
    from server.search.engine import SearchEngine

    base = load_settings()
    setup_logging(base)
    settings, meili = local.attach_or_start(base)

    async def with_engine(s: Settings) -> int:
        engine = SearchEngine(settings)
        try:
            return await work(settings, engine)
        finally:
            await engine.aclose()

    try:
        return run_with_database(prog, with_engine, settings)
    finally:
        if meili is not None:
            meili.stop()
            local.forget(settings)
