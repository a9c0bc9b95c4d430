"""An operator's load balancer asks whether the service is alive and ready."""

from __future__ import annotations

import dataclasses
import os
import socket

from civic.app import create_app
from server.search.provision import MeiliServer, ensure_binary
from server.settings import default_cache_dir


async def test_alive(client):
    r = await client.get("/healthz")
    assert r.status_code == 200 and r.json() == {"status": "ok"}
    assert r.headers["x-content-type-options"] == "nosniff"


async def test_ready_when_database_and_search_answer(client):
    r = await client.get("/readyz")
    assert r.status_code == 200
    assert r.json()["checks"] == {"database": {"ok": True}, "search": {"ok": True}}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def test_readyz_names_search_while_meilisearch_is_down_and_recovers(settings, tmp_path):
    binary = ensure_binary(default_cache_dir(dict(os.environ)))
    meili = MeiliServer(binary, tmp_path / "own-meili", port=_free_port()).start()
    try:
        own = dataclasses.replace(settings, meili_url=meili.url, meili_master_key=meili.master_key)
        app = create_app(own, run_migrations=False)
        import httpx

        async with app.router.lifespan_context(app):
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
                assert (await c.get("/readyz")).status_code == 200

                meili.stop()
                down = await c.get("/readyz")
                assert down.status_code == 503
                body = down.json()
                assert body["failed"] == ["search"] and body["checks"]["database"] == {"ok": True}
                assert meili.master_key not in down.text

                meili.start()
                assert (await c.get("/readyz")).status_code == 200
    finally:
        meili.stop()


async def test_a_wrong_search_key_is_not_ready(settings):
    app = create_app(dataclasses.replace(settings, meili_master_key="wrong-key-" + "z" * 20), run_migrations=False)
    import httpx

    async with app.router.lifespan_context(app):
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
            r = await c.get("/readyz")
            assert r.status_code == 503 and r.json()["failed"] == ["search"]


async def test_metrics_show_the_outbox_and_search_state(client, gql):
    await gql("""mutation { register(input: {email: "m@example.kr", password: "광화문-광장-2026!", displayName: "측정", privacyConsent: true}) { errors { code } } }""")
    r = await client.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    values = dict(line.split(" ", 1) for line in r.text.splitlines() if line and not line.startswith("#"))
    assert values["agenda_outbox_depth"] == "0" and values["agenda_search_degraded"] == "0"
    assert values["agenda_database_up"] == "1"
    ready = (await client.get("/readyz")).json()
    assert ready["outbox"] == {"depth": 0, "oldest_age_seconds": 0.0}
