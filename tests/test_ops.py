"""Operating the service: per-client rate limits, request ids from the HTTP request to the outbox,
JSON logs, request metrics, and backup/restore of the embedded SQLite database."""

from __future__ import annotations

import asyncio
import dataclasses
import io
import json
import logging
import re
import sqlite3
import stat
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
import pytest

from civic.app import create_app
from server.accounts import service as accounts
from server.accounts import tokens
from server.ops.logs import configure_logging
from server.search.engine import SearchEngine
from server.search.models import OutboxEntry
from tests.agenda_world import PASSWORD, PROPOSE, build_world
from tests.conftest import RUN_ID, GraphQLClient
from tests.querycount import count_queries
from tests.test_cli import run_agenda

POLICY_FIELDS = "{ policyFields { code } }"


@pytest.fixture
async def limited(settings):
    """An app allowing each client a burst of 2 requests, refilled at one every 2 seconds."""
    app = create_app(dataclasses.replace(settings, rate_limit_per_minute=30, rate_limit_burst=2), run_migrations=False)
    async with app.router.lifespan_context(app):
        with app.state.tortoise:
            yield app


def http(app, client_ip: str = "203.0.113.7") -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(client_ip, 40000)),
                             base_url="https://testserver")


# --------------------------------------------------------------------------- rate limit


async def test_the_rate_limit_trips_with_retry_after_and_recovers(limited):
    async with http(limited) as c, http(limited, "198.51.100.9") as other:
        for left in ("1", "0"):
            r = await c.post("/graphql", json={"query": POLICY_FIELDS})
            assert r.status_code == 200 and r.headers["ratelimit-remaining"] == left
        r = await c.post("/graphql", json={"query": POLICY_FIELDS})
        assert r.status_code == 429
        assert r.headers["retry-after"] in ("1", "2") and r.headers["x-content-type-options"] == "nosniff"
        error = r.json()["errors"][0]
        assert error["extensions"] == {"code": "RATE_LIMITED", "retryAfterSeconds": int(r.headers["retry-after"])}
        assert "요청이 너무 많습니다" in error["message"]  # in the caller's language, Korean by default
        retry_after = float(r.headers["retry-after"])

        # another client has a bucket of its own
        assert (await other.post("/graphql", json={"query": POLICY_FIELDS})).status_code == 200
        # health, readiness and metrics are never limited
        for path in ("/healthz", "/metrics", "/healthz"):
            assert (await c.get(path)).status_code == 200

        await asyncio.sleep(retry_after + 0.1)  # as told: a token is back
        statuses = [(await c.post("/graphql", json={"query": POLICY_FIELDS})).status_code for _ in range(4)]
        assert statuses[0] == 200 and 429 in statuses and statuses.count(200) <= 2, statuses


async def test_a_credential_that_does_not_authenticate_cannot_choose_its_bucket(limited):
    """Made-up session cookies and bearer tokens are counted against their address; a token this
    server issued keeps a bucket of its own, so colleagues behind one office address do not share one."""
    user = await accounts.create_user(email="office@seoul.go.kr", password=PASSWORD, display_name="사무실")
    issued = await tokens.issue(user, secret=limited.state.settings.secret, kind=tokens.BEARER, ttl=timedelta(hours=1))
    async with http(limited) as c:
        statuses = [(await c.post("/graphql", json={"query": POLICY_FIELDS},
                                  headers={"Cookie": f"agenda_session=x{uuid.uuid4().hex}"})).status_code
                    for _ in range(5)]
        assert statuses == [200, 200, 429, 429, 429]
        forged = f"{uuid.uuid4().hex}.{uuid.uuid4().hex[:24]}"
        for header in (f"Bearer {uuid.uuid4().hex}", f"Bearer {forged}"):
            r = await c.post("/graphql", json={"query": POLICY_FIELDS}, headers={"Authorization": header})
            assert r.status_code == 429 and r.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"

        bearer = {"Authorization": f"Bearer {issued.value}"}
        for left in ("1", "0"):
            r = await c.post("/graphql", json={"query": "{ me { email } }"}, headers=bearer)
            assert r.status_code == 200 and r.json()["data"]["me"]["email"] == "office@seoul.go.kr"
            assert r.headers["ratelimit-remaining"] == left


async def test_a_forged_token_is_refused_without_a_database_query(app, client):
    with count_queries() as counter:
        r = await client.post("/graphql", json={"query": "{ me { email } }"},
                              headers={"Authorization": f"Bearer {uuid.uuid4().hex}.{uuid.uuid4().hex[:24]}"})
    assert r.status_code == 401 and counter.count == 0


async def test_exports_are_limited_too_with_a_json_error(limited):
    async with http(limited) as c:
        assert (await c.get("/export/agendas.json")).status_code == 200  # an export costs a full bucket here
        r = await c.get("/export/agendas.csv")
        assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
        assert r.json()["error"]["code"] == "RATE_LIMITED"


async def test_the_default_limit_is_generous_and_zero_disables_it(settings):
    assert settings.rate_limit_per_minute == 600
    app = create_app(dataclasses.replace(settings, rate_limit_per_minute=0), run_migrations=False)
    async with app.router.lifespan_context(app), http(app) as c:
        for _ in range(30):
            r = await c.post("/graphql", json={"query": POLICY_FIELDS})
            assert r.status_code == 200 and "ratelimit-remaining" not in r.headers


# --------------------------------------------------------------------------- request ids


async def test_a_request_id_travels_from_the_request_to_the_outbox(app, client, gql):
    world = await build_world(gql)
    headers = {"Authorization": f"Bearer {world.tokens['citizen']}", "X-Request-ID": "trace-7.abc:01"}
    body = {"query": PROPOSE, "variables": {"input": {
        "title": "저상버스 예약 앱", "body": "휠체어 이용자가 저상버스를 미리 예약할 수 있게 해 주세요.",
        "field": "PARTICIPATION_PUBLIC_SERVICE"}}}
    r = await client.post("/graphql", json=body, headers=headers)
    assert r.headers["x-request-id"] == "trace-7.abc:01"
    first = r.json()["data"]["proposeAgenda"]["agenda"]["id"]
    rows = await OutboxEntry.filter(entity_id=first).values_list("request_id", flat=True)
    assert rows and set(rows) == {"trace-7.abc:01"}

    # no id (or one unsafe to log): the server makes one, returns it and stores it
    for sent in (None, "bad id with spaces", "x" * 65, "évil\u2028"):
        h = {"Authorization": headers["Authorization"]}
        if sent is not None:
            h["X-Request-ID"] = sent.encode("utf-8")  # raw bytes, as a misbehaving client sends them
        body["variables"]["input"]["title"] = f"저상버스 예약 앱 {uuid.uuid4().hex[:6]}"
        r = await client.post("/graphql", json=body, headers=h)
        generated = r.headers["x-request-id"]
        assert re.fullmatch(r"[0-9a-f]{32}", generated), generated
        agenda_id = r.json()["data"]["proposeAgenda"]["agenda"]["id"]
        assert set(await OutboxEntry.filter(entity_id=agenda_id).values_list("request_id", flat=True)) == {generated}
    assert (await client.get("/healthz")).headers["x-request-id"]


async def test_json_logs_carry_the_request_id(client):
    stream = io.StringIO()
    root = logging.getLogger()
    saved = (list(root.handlers), root.level)
    handler = configure_logging(logging.INFO, "json", stream=stream)
    try:
        r = await client.get("/export/agendas.json", headers={"X-Request-ID": "log-check-1"})
        assert r.status_code == 200
        logging.getLogger("civic_agenda.test").warning("outside any request %s", "✓")
    finally:
        root.removeHandler(handler)
        for h in saved[0]:
            root.addHandler(h)
        root.setLevel(saved[1])
    records = [json.loads(line) for line in stream.getvalue().splitlines()]  # every line is one JSON object
    access = [x for x in records if x["logger"] == "civic_agenda.access"]
    assert access and access[-1]["request_id"] == "log-check-1"
    assert access[-1]["http_status"] == 200 and access[-1]["http_path"] == "/export/agendas.json"
    assert access[-1]["duration_ms"] >= 0 and access[-1]["level"] == "info" and access[-1]["ts"]
    exported = [x for x in records if x["logger"] == "civic_agenda.opendata"]
    assert exported and exported[0]["request_id"] == "log-check-1"
    outside = records[-1]
    assert outside["message"] == "outside any request ✓" and outside["request_id"] is None


def test_log_format_is_configured_and_checked():
    from server.settings import ConfigError, Settings

    base = {"AGENDA_SECRET": "s" * 40, "AGENDA_DATA_DIR": "/tmp/unused"}
    assert Settings.from_env(base, ensure_secret=False).log_format == "text"
    assert Settings.from_env({**base, "AGENDA_LOG_FORMAT": "JSON"}, ensure_secret=False).log_format == "json"
    with pytest.raises(ConfigError, match="AGENDA_LOG_FORMAT"):
        Settings.from_env({**base, "AGENDA_LOG_FORMAT": "xml"}, ensure_secret=False)
    with pytest.raises(ConfigError, match="AGENDA_RATE_LIMIT_PER_MINUTE"):
        Settings.from_env({**base, "AGENDA_RATE_LIMIT_PER_MINUTE": "lots"}, ensure_secret=False)


# --------------------------------------------------------------------------- metrics


def metric_values(text: str) -> dict[str, float]:
    return {line.rsplit(" ", 1)[0]: float(line.rsplit(" ", 1)[1])
            for line in text.splitlines() if line and not line.startswith("#")}


async def test_metrics_count_and_time_each_graphql_operation_and_route(client, gql):
    for _ in range(2):
        await gql("query ExportCheck { policyFields { code } }")
    await gql(POLICY_FIELDS)
    await gql("query Broken { noSuchField }")
    await client.get("/healthz")
    await client.get("/no/such/file.js")  # the web app's catch-all route answers 404 for missing files
    values = metric_values((await client.get("/metrics")).text)

    ok = 'agenda_graphql_operations_total{operation="ExportCheck",type="query",outcome="ok"}'
    assert values[ok] == 2
    assert values['agenda_graphql_operation_duration_seconds_count{operation="ExportCheck",type="query"}'] == 2
    assert values['agenda_graphql_operation_duration_seconds_bucket{operation="ExportCheck",type="query",le="+Inf"}'] == 2
    assert values['agenda_graphql_operations_total{operation="anonymous:policyFields",type="query",outcome="ok"}'] == 1
    assert values['agenda_graphql_operations_total{operation="Broken",type="query",outcome="error"}'] == 1
    assert values['agenda_http_requests_total{route="/graphql",method="POST",status="200"}'] == 4
    assert values['agenda_http_requests_total{route="/healthz",method="GET",status="200"}'] == 1
    assert values['agenda_http_requests_total{route="/{path:path}",method="GET",status="404"}'] == 1
    assert values['agenda_http_request_duration_seconds_count{route="/graphql",method="POST"}'] == 4
    # the gauges that were there before are still there, and the pool is reported
    for name in ("agenda_outbox_depth", "agenda_outbox_oldest_age_seconds", "agenda_search_degraded",
                 "agenda_database_up", "agenda_database_pool_size"):
        assert name in values, name

    await gql("query ExportCheck { policyFields { code } }")
    assert metric_values((await client.get("/metrics")).text)[ok] == 3  # metrics move with requests


async def test_operation_names_cannot_grow_the_metrics_without_bound(app, gql):
    from server.ops import metrics as m

    for i in range(3):
        await gql(f"query Spam{i}_{'x' * 300} {{ policyFields {{ code }} }}")
    labels = [k[0] for k in app.state.metrics.gql_count]
    assert all(len(label) <= 100 for label in labels)
    assert m.MAX_OPERATIONS >= 100


# --------------------------------------------------------------------------- backup and restore


def _table_rows(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY rowid').fetchall() for t in tables}
    finally:
        conn.close()


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_backup_while_serving_then_restore_into_an_empty_data_folder(app, gql, settings, meili, tmp_path):
    world = await build_world(gql)
    for title in ("低地板公車預約服務 🚌", "저상버스 탑승 예약 앱 📱", "Community fridges for every district"):
        made = await gql(PROPOSE, {"input": {"title": title, "field": "PARTICIPATION_PUBLIC_SERVICE",
                                             "body": f"{title} — 휠체어 이용자와 이웃을 위한 제안입니다. 저상버스."}},
                         token=world.tokens["citizen"])
        assert not made["data"]["proposeAgenda"]["errors"]
    await app.state.indexer.drain_all()
    live = Path(settings.database_url.split("://", 1)[1])
    env = {"DATABASE_URL": settings.database_url, "AGENDA_DATA_DIR": str(settings.data_dir),
           "AGENDA_SECRET": settings.secret}

    # online: another writer holds an open transaction while the backup runs (WAL keeps both going)
    writer = sqlite3.connect(live, timeout=5)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO departments (code, name_ko, name_en, policy_fields, keywords, duty_statement, is_active, "
                   "created_at, updated_at) VALUES ('UNCOMMITTED', '미확정', 'Uncommitted', '[]', '[]', '', 1, "
                   "'2026-01-01', '2026-01-01')")
    backup_file = tmp_path / "backups" / "agenda-backup.sqlite3"
    try:
        r = run_agenda(["backup", "--out", str(backup_file)], env)
    finally:
        writer.rollback()
        writer.close()
    assert r.returncode == 0, r.stderr
    assert "3 agendas" in r.stdout and "AGENDA_SECRET" in r.stdout
    assert stat.S_IMODE(backup_file.stat().st_mode) == 0o600
    assert not backup_file.with_name(backup_file.name + "-wal").exists()
    original = _table_rows(live)
    backed_up = _table_rows(backup_file)
    assert backed_up == original and len(original["agendas"]) == 3
    assert all(row[1] != "UNCOMMITTED" for row in backed_up["departments"])

    again = run_agenda(["backup", "--out", str(backup_file)], env)
    assert again.returncode == 1 and "exists" in again.stderr

    # restore into an empty data folder, with its own search index
    url, key = meili
    fresh = tmp_path / "fresh-data"
    prefix = f"t{RUN_ID}_{uuid.uuid4().hex[:6]}_"
    restore_env = {"AGENDA_DATA_DIR": str(fresh), "MEILI_URL": url, "AGENDA_INDEX_PREFIX": prefix,
                   "AGENDA_SECRET": settings.secret, **({"MEILI_MASTER_KEY": key} if key else {})}
    r = run_agenda(["restore", "--from", str(backup_file)], restore_env, timeout=120)
    assert r.returncode == 0, r.stderr
    assert "restored 3 agendas" in r.stdout and "rebuilt the search index: 3 agendas" in r.stdout
    restored_db = fresh / "agenda.sqlite3"
    assert _table_rows(restored_db) == original  # nothing lost

    # the restored deployment answers: logins (same secret), lists and search
    restored = dataclasses.replace(settings, data_dir=fresh, database_url=f"sqlite://{restored_db}",
                                   index_prefix=prefix)
    app2 = create_app(restored, run_migrations=False)
    async with app2.router.lifespan_context(app2), http(app2) as c:
        g = GraphQLClient(c)
        me = await g("{ me { displayName } }", token=world.tokens["citizen"])
        assert me["data"]["me"] == {"displayName": "김지우"}
        found = await g('{ search(query: "低地板公車") { degraded hits { agenda { title } } } }')
        assert found["data"]["search"]["degraded"] is False
        assert [h["agenda"]["title"] for h in found["data"]["search"]["hits"]] == ["低地板公車預約服務 🚌"]
    engine = SearchEngine(restored)
    try:
        stats = await engine.client.index(engine.agendas_uid).get_stats()
        assert stats.number_of_documents == 3
        await engine.client.index(engine.agendas_uid).delete()
    finally:
        await engine.aclose()

    # a database that holds data is not overwritten by accident
    r = run_agenda(["restore", "--from", str(backup_file)], restore_env, timeout=120)
    assert r.returncode == 1 and "--force" in r.stderr
    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello")
    r = run_agenda(["restore", "--from", str(not_a_backup), "--force"], restore_env)
    assert r.returncode == 1 and "not" in r.stderr
    assert _table_rows(restored_db) == original


@pytest.mark.parametrize("database_url", ["postgres"], indirect=True)
def test_backup_and_restore_refuse_postgres_and_point_to_pg_dump(clean_database, tmp_path):
    env = {"DATABASE_URL": clean_database, "AGENDA_DATA_DIR": str(tmp_path / "data"), "AGENDA_SECRET": "s" * 40}
    for args in (["backup", "--out", str(tmp_path / "x.sqlite3")], ["restore", "--from", str(tmp_path / "x.sqlite3")]):
        r = run_agenda(args, env)
        assert r.returncode == 2 and "pg_dump" in r.stderr and "PostgreSQL" in r.stderr
    assert not (tmp_path / "x.sqlite3").exists()
