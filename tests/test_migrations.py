"""Migrations build the same schema on an empty SQLite and an empty PostgreSQL, and are re-runnable."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from server import db
from civic.app import create_app
from tests.conftest import PG_URL, RUN_ID, _asyncpg_dsn, _pg_url_for

TABLES = {"users", "auth_tokens", "user_department", "departments", "work_plan_items", "outbox", "tortoise_migrations",
          "agendas", "agenda_events", "agenda_supports", "agenda_follows"}


async def _tables(url: str) -> set[str]:
    ctx = await db.open_context(url)
    try:
        with ctx:
            conn = db.connection()
            if url.startswith("sqlite"):
                rows = await conn.execute_query_dict("SELECT name FROM sqlite_master WHERE type = 'table'")
                return {r["name"] for r in rows}
            rows = await conn.execute_query_dict("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'")
            return {r["name"] for r in rows}
    finally:
        await db.close_context(ctx)


async def _admin(sql: str) -> None:
    admin = await asyncpg.connect(_asyncpg_dsn(PG_URL))
    try:
        await admin.execute(sql)
    finally:
        await admin.close()


@pytest.fixture(params=["sqlite", "postgres"])
def empty_database(request, tmp_path):
    """A database with nothing in it (a sync fixture: it may need to set up pg_database first)."""
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'empty.sqlite3'}"
        return
    request.getfixturevalue("pg_database")  # fails the run when PostgreSQL is required but missing
    name = f"civic_agenda_empty_{RUN_ID}"
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}"'))
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    yield _pg_url_for(name)
    asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def test_migrations_apply_to_an_empty_database_and_rerun_as_a_no_op(empty_database):
    await db.migrate(empty_database)
    assert TABLES <= await _tables(empty_database)
    await db.migrate(empty_database)  # nothing pending: must not fail or duplicate anything
    assert TABLES <= await _tables(empty_database)
    if empty_database.startswith("postgres"):
        ctx = await db.open_context(empty_database)
        with ctx:
            rows = await db.connection().execute_query_dict(
                "SELECT indexname FROM pg_indexes WHERE tablename = 'agendas' AND indexname LIKE '%trgm'")
        await db.close_context(ctx)
        assert {r["indexname"] for r in rows} == {"agendas_title_trgm", "agendas_body_trgm"}


async def test_the_server_migrates_an_empty_database_at_start(empty_database, settings):
    import dataclasses

    import httpx

    app = create_app(dataclasses.replace(settings, database_url=empty_database))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
            r = await c.post("/graphql", json={"query": "{ me { id } }"})
            assert r.json() == {"data": {"me": None}}
    assert TABLES <= await _tables(empty_database)
