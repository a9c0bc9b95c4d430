"""Test fixtures: every database test runs on SQLite and on PostgreSQL, from a clean database,
against a real Meilisearch with its own index prefix.

PostgreSQL: ``AGENDA_TEST_POSTGRES_URL`` (default ``postgres://127.0.0.1:5432/test``) names a server
and a database we may connect to; the suite creates its own database beside it and drops it at the
end. With ``AGENDA_TEST_REQUIRE_POSTGRES=1`` (as ``.ci/run`` sets) an unreachable PostgreSQL fails
the run instead of skipping the PostgreSQL half.
Meilisearch: ``MEILI_URL``/``MEILI_MASTER_KEY`` if set, otherwise one provisioned for the session.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg
import httpx
import pytest

from server import db
from civic.app import create_app
from server.settings import Settings, default_cache_dir

# argon2's production cost (64 MiB, 3 passes) is the point in production and only slowness in a
# suite that creates hundreds of accounts: tests hash with the same algorithm at its lowest cost,
# as Django's test settings do. Subprocess tests (tests/test_cli.py) still use the real cost.
from argon2 import PasswordHasher

from server.accounts import passwords as _passwords

_passwords._hasher = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
_passwords._DUMMY_HASH = _passwords._hasher.hash("civic-agenda-dummy-password")

# httpx makes a new SSL context — loading the whole CA bundle, ~50 ms of CPU — for every client,
# also for a plain-http call to a loopback server: the tests' polling loops (`httpx.get` until a
# server answers) and per-test clients spent ~5 % of the suite's CPU there (py-spy). Clients with
# the default verification share one context for the run, which is what the server does too
# (server/search/engine.py); a client asking for anything else gets its own as before.
import httpx._transports.default as _httpx_transports  # noqa: E402

_SHARED_SSL_CONTEXT = httpx.create_ssl_context()
_create_ssl_context = _httpx_transports.create_ssl_context


def _shared_ssl_context(verify=True, cert=None, trust_env=True):
    if verify is True and cert is None:
        return _SHARED_SSL_CONTEXT
    return _create_ssl_context(verify=verify, cert=cert, trust_env=trust_env)


_httpx_transports.create_ssl_context = _shared_ssl_context

RUN_ID = uuid.uuid4().hex[:8]
PG_URL = os.environ.get("AGENDA_TEST_POSTGRES_URL", "postgres://127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("AGENDA_TEST_REQUIRE_POSTGRES") == "1"
TEST_SECRET = "test-secret-" + "x" * 40


def _pg_url_for(dbname: str) -> str:
    parts = urlsplit(PG_URL)
    return urlunsplit(parts._replace(path="/" + dbname))


def _asyncpg_dsn(url: str) -> str:
    return url.replace("postgres://", "postgresql://", 1)


# --------------------------------------------------------------------------- Meilisearch


@pytest.fixture(scope="session")
def meili(tmp_path_factory):
    """(url, master_key) of a real Meilisearch for the whole session."""
    if os.environ.get("MEILI_URL"):
        yield os.environ["MEILI_URL"].rstrip("/"), os.environ.get("MEILI_MASTER_KEY")
        return
    from server.search.provision import start_provisioned

    server = start_provisioned(default_cache_dir(dict(os.environ)), tmp_path_factory.mktemp("meili"))
    try:
        yield server.url, server.master_key
    finally:
        server.stop()


# --------------------------------------------------------------------------- databases


@pytest.fixture(scope="session")
async def sqlite_template(tmp_path_factory) -> Path:
    """One migrated SQLite file; each test gets a copy (a clean, migrated database in ~1 ms)."""
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    await db.migrate(f"sqlite://{path}")
    return path


@pytest.fixture(scope="session")
async def pg_database():
    """A database of our own on the test server, migrated once; tests truncate it before use."""
    name = f"civic_agenda_test_{RUN_ID}"
    try:
        admin = await asyncpg.connect(_asyncpg_dsn(PG_URL), timeout=5)
    except Exception as exc:  # noqa: BLE001 - any connection failure has the same meaning here
        if REQUIRE_PG:
            pytest.fail(f"PostgreSQL is required (AGENDA_TEST_REQUIRE_POSTGRES=1) but {PG_URL} is unreachable: {exc}", pytrace=False)
        pytest.skip(f"PostgreSQL at {PG_URL} unreachable ({exc}); set AGENDA_TEST_POSTGRES_URL")
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    url = _pg_url_for(name)
    await db.migrate(url)
    yield url
    admin = await asyncpg.connect(_asyncpg_dsn(PG_URL), timeout=5)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


async def _truncate_pg(url: str) -> None:
    """Empty every table the last test wrote to, and start every sequence again at 1.

    ``TRUNCATE`` gives each table new files (with its indexes, ~100 files for our 33 tables): 0.25 s
    per test, which ~400 PostgreSQL tests paid. Most tests write to a handful of tables, so one
    statement first asks which tables have a row, only those are emptied, and the sequences (which
    a rolled-back insert also advances) are reset in one more statement — except the migrations
    table's: its rows are kept, and a test that rolls migrations back and forward inserts more."""
    conn = await asyncpg.connect(_asyncpg_dsn(url))
    try:
        tables = [t["tablename"] for t in await conn.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'tortoise_migrations'")]
        if not tables:
            return
        probe = " UNION ALL ".join(
            f"SELECT {i} AS n WHERE EXISTS (SELECT 1 FROM \"{name}\")" for i, name in enumerate(tables))
        used = [tables[r["n"]] for r in await conn.fetch(probe)]
        if used and await conn.fetchval("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"):
            # DELETE the few rows a test wrote: TRUNCATE makes new files for each table and index
            # (~60 ms a test). With the foreign keys' triggers off for this transaction (a
            # superuser's session_replication_role) the order does not matter.
            async with conn.transaction():
                await conn.execute("SET LOCAL session_replication_role = replica")
                await conn.execute("; ".join(f'DELETE FROM "{name}"' for name in used))
        elif used:
            names = ", ".join(f'"{name}"' for name in used)
            await conn.execute(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
        await conn.execute(
            "SELECT setval(format('%I.%I', schemaname, sequencename), 1, false) FROM pg_sequences "
            "WHERE schemaname = 'public' AND last_value IS NOT NULL "
            "AND sequencename NOT LIKE 'tortoise\\_migrations\\_%'")  # the applied migrations stay
    finally:
        await conn.close()


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request, tmp_path) -> str:
    """A clean, migrated database (sync fixture: it picks a session fixture by parameter)."""
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_template")
        path = tmp_path / "agenda.sqlite3"
        shutil.copyfile(template, path)
        return f"sqlite://{path}"
    return request.getfixturevalue("pg_database")


# --------------------------------------------------------------------------- the app


@pytest.fixture
async def clean_database(database_url) -> str:
    """The per-test database, emptied (SQLite copies start empty; PostgreSQL is truncated)."""
    if database_url.startswith("postgres"):
        await _truncate_pg(database_url)
    return database_url


WORKER_PREFIX = f"t{RUN_ID}_{os.environ.get('PYTEST_XDIST_WORKER', 'main')}_"


@pytest.fixture
async def index_prefix(meili) -> str:
    """This process's index prefix, its indexes emptied.

    Tests run one after another in a process, so they share one set of indexes instead of each
    creating three: a new index costs Meilisearch 0.2–2 s of CPU to configure (the thesaurus's
    ~2,100 synonyms), which ~1,000 tests paid beside the suite, and ~1,000 indexes slowed every
    task behind them. Documents are deleted here, before the test, after whatever the last test
    left queued (Meilisearch applies an index's tasks in order); an index a test built beside
    the live ones (a reindex's) is deleted; settings a test changed are put back by the start's
    ``ensure_index``, which sends what differs."""
    url, key = meili
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    async with httpx.AsyncClient(base_url=url, headers=headers, timeout=60) as meilisearch:
        # One look at every index's document count and at the queue: most tests leave nothing.
        stats = (await meilisearch.get("/stats")).json()["indexes"]
        queued = (await meilisearch.get("/tasks", params={"statuses": "enqueued,processing", "limit": 1})).json()["total"]
        tasks = []
        for uid, index in stats.items():
            if not uid.startswith(WORKER_PREFIX):
                continue
            live = uid[len(WORKER_PREFIX):] in _LIVE_BASES
            if live and not queued and not index["numberOfDocuments"]:
                continue
            response = await (meilisearch.delete(f"/indexes/{uid}/documents") if live
                              else meilisearch.delete(f"/indexes/{uid}"))
            tasks.append(response.json()["taskUid"])
        deadline = asyncio.get_running_loop().time() + 120
        for task in tasks:
            while (await meilisearch.get(f"/tasks/{task}")).json()["status"] in ("enqueued", "processing"):
                assert asyncio.get_running_loop().time() < deadline, f"Meilisearch did not empty {WORKER_PREFIX}* in 120 s"
                await asyncio.sleep(0.005)
    return WORKER_PREFIX


def _live_bases() -> set[str]:
    from server.search.registry import SPECS

    return {spec.base for spec in SPECS.values()}


_LIVE_BASES = _live_bases()


@pytest.fixture
def settings(clean_database, meili, index_prefix, tmp_path) -> Settings:
    url, key = meili
    env = {
        "AGENDA_DATA_DIR": str(tmp_path / "data"),
        "DATABASE_URL": clean_database,
        "MEILI_URL": url,
        "AGENDA_SECRET": TEST_SECRET,
        "AGENDA_INDEX_PREFIX": index_prefix,
        "AGENDA_DEMO": "0",
        # Tests drain the outbox explicitly (app.state.indexer.drain_all()) unless they start a worker.
        "AGENDA_WORKER_IN_PROCESS": "0",
    }
    if key:
        env["MEILI_MASTER_KEY"] = key
    return Settings.from_env(env)


@pytest.fixture
async def app(settings):
    """The real application with its lifespan running; the test body shares its database context,
    so fixtures can build data through the same domain functions the product uses."""
    application = create_app(settings, run_migrations=False)
    async with application.router.lifespan_context(application):
        with application.state.tortoise:
            yield application


@pytest.fixture
async def client(app):
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="https://testserver") as c:
        yield c


class GraphQLClient:
    """Posts GraphQL documents as a browser or API client would; ``token`` adds a bearer header."""

    def __init__(self, http: httpx.AsyncClient) -> None:
        self.http = http

    async def __call__(self, query: str, variables: dict | None = None, *, token: str | None = None,
                       headers: dict | None = None, status: int = 200) -> dict:
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        response = await self.http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=h)
        assert response.status_code == status, response.text
        return response.json() if status == 200 else {"status": response.status_code, "text": response.text}


@pytest.fixture
def gql(client) -> GraphQLClient:
    return GraphQLClient(client)


# --------------------------------------------------------------------------- tables run once on PostgreSQL


def pytest_configure(config):
    config.addinivalue_line(
        "markers",
        "postgres_first_row: a table whose rows differ only in what the database never sees; every "
        "row runs on SQLite, the first row on PostgreSQL too")


def pytest_collection_modifyitems(config, items):
    """A ``postgres_first_row`` table runs in full on SQLite and by its first row on PostgreSQL.

    Two kinds of table are marked: refused input (the edge's validation gives a code and a message
    before a statement reaches the database) and ranking (Meilisearch ranks; the database only
    stored the same agendas). Their PostgreSQL half repeated the same Python for every row (~110
    items, ~0.7 s each); the first row still proves the path on PostgreSQL — that a refusal there
    writes nothing, that its agendas reach the index. Tables whose rows reach the database
    (out-of-range values, filters turned into SQL, text round trips) are not marked and run in
    full on both."""
    seen: set[str] = set()
    kept, dropped = [], []
    for item in items:
        spec = getattr(item, "callspec", None)
        if (spec is not None and spec.params.get("database_url") == "postgres"
                and item.get_closest_marker("postgres_first_row") is not None):
            key = f"{item.path}::{item.originalname}"
            if key in seen:
                dropped.append(item)
                continue
            seen.add(key)
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


# --------------------------------------------------------------------------- parallel runs


def browser_group(nodeid: str) -> str | None:
    """The xdist work unit a browser test belongs to, or None for every other test.

    The browser tests share one live server per database (seeding the demo is most of a server's
    start) and one Chromium, so they run together on one worker while the other worker runs the
    rest; the one PostgreSQL story has a group of its own, so its server's start overlaps the rest."""
    if not nodeid.startswith("tests/browser/"):
        return None
    return "browser-postgres" if "[postgres" in nodeid else "browser"


def pytest_xdist_make_scheduler(config, log):
    """``scripts/test`` runs ``-n 2 --dist loadgroup``. pytest-xdist's own ``loadgroup`` marks a group
    by appending ``@name`` to ``item._nodeid``, which pytest 9 no longer reads (node ids live in
    ``item._id``): every browser test became its own unit, and both workers started their own live
    servers and browsers. We therefore group by node id in the scheduler itself (a documented
    xdist hook), biggest groups first (xdist's default ``--loadscope-reorder``)."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class BrowserGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return browser_group(nodeid) or nodeid

    return BrowserGroups(config, log)
