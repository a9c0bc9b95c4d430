"""Migrations build the same schema on an empty SQLite and an empty PostgreSQL, and are re-runnable."""

from __future__ import annotations

import asyncpg
import pytest

from server import db
from server.app import create_app
from tests.conftest import PG_URL, RUN_ID, _asyncpg_dsn, _pg_url_for

TABLES = {"users", "auth_tokens", "user_department", "departments", "work_plan_items", "outbox", "tortoise_migrations"}


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


@pytest.fixture(params=["sqlite", "postgres"])
async def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite://{tmp_path / 'empty.sqlite3'}"
        return
    request.getfixturevalue("pg_database")  # fails the run when PostgreSQL is required but missing
    name = f"civic_agenda_empty_{RUN_ID}"
    admin = await asyncpg.connect(_asyncpg_dsn(PG_URL))
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    yield _pg_url_for(name)
    admin = await asyncpg.connect(_asyncpg_dsn(PG_URL))
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


async def test_migrations_apply_to_an_empty_database_and_rerun_as_a_no_op(empty_database):
    await db.migrate(empty_database)
    assert TABLES <= await _tables(empty_database)
    await db.migrate(empty_database)  # nothing pending: must not fail or duplicate anything
    assert TABLES <= await _tables(empty_database)


async def test_the_server_migrates_an_empty_database_at_start(empty_database, settings):
    import dataclasses

    import httpx

    app = create_app(dataclasses.replace(settings, database_url=empty_database))
    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
            r = await c.post("/graphql", json={"query": "{ me { id } }"})
            assert r.json() == {"data": {"me": None}}
    assert TABLES <= await _tables(empty_database)
