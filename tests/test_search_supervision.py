"""The server's own Meilisearch comes back by itself: killed, it is restarted on the same address
with the same key and data, search stops answering from the database, and what was written
meanwhile becomes searchable. Stopping the server never leaves a Meilisearch behind."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import time

import httpx
import pytest

from civic.app import create_app
from server.search import local
from server.search.models import OutboxEntry
from tests.agenda_world import build_world, propose
from tests.conftest import GraphQLClient
from tests.test_cli import AGENDA, ROOT, _free_port, _pids_with
from tests.test_provision import _alive
from tests.test_search_resilience import wait_until

SEARCH = """query($q: String!) { search(query: $q) { hits { agenda { id title } } degraded } }"""


@pytest.fixture
def supervised(settings, tmp_path):
    """The embedded default exactly as ``agenda serve`` starts it: no MEILI_URL, so the server
    provisions its own Meilisearch in its data folder and supervises it."""
    own = dataclasses.replace(settings, meili_url=None, meili_master_key=None, data_dir=tmp_path / "server",
                              worker_in_process=True)
    own, meili = local.attach_or_start(own, supervise=True)
    yield own, meili
    meili.stop()
    local.forget(own)


async def test_a_killed_meilisearch_is_restarted_and_search_catches_up(supervised):
    settings, meili = supervised
    first_pid, url, key = meili.server.pid, meili.url, meili.master_key
    meili.first_delay = 2.0  # long enough to see search degrade before it is back
    app = create_app(settings, run_migrations=False)
    async with app.router.lifespan_context(app):
        with app.state.tortoise:
            async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://t") as c:
                gql = GraphQLClient(c)
                world = await build_world(gql)
                before = await propose(gql, world.tokens["citizen"], title="마을 공유부엌 만들기",
                                       body="이웃이 함께 요리하고 나누는 공유부엌이 마을마다 있으면 좋겠어요.",
                                       field="LIVING_CULTURE_SPACE")

                async def searchable(query, agenda_id):
                    data = (await gql(SEARCH, {"q": query}))["data"]["search"]
                    return not data["degraded"] and agenda_id in [h["agenda"]["id"] for h in data["hits"]]

                assert await wait_until(lambda: searchable("공유부엌", before["agenda"]["id"]), timeout=15)

                os.kill(first_pid, signal.SIGKILL)
                meanwhile = await propose(gql, world.tokens["citizen"], title="社區咖啡館成為鄰里客廳 ☕",
                                          body="希望每個社區都有一間咖啡館，讓鄰居可以見面聊天、交換消息。",
                                          field="LIVING_CULTURE_SPACE")
                assert meanwhile["errors"] == []
                down = (await gql(SEARCH, {"q": "咖啡館"}))["data"]["search"]
                assert down["degraded"] is True  # answered from the database while the engine is gone

                assert await wait_until(lambda: searchable("咖啡館", meanwhile["agenda"]["id"]), timeout=60), \
                    "search did not come back with the change made while Meilisearch was down"
                assert await searchable("공유부엌", before["agenda"]["id"])  # its data survived the kill
                assert await OutboxEntry.all().count() == 0
    # the same address and key: every client configured with them reconnected without knowing
    assert (meili.url, meili.master_key, meili.restarts) == (url, key, 1)
    assert meili.server.pid != first_pid and _alive(meili.server.pid)
    assert local._running(settings) == (url, key)  # `agenda reindex` beside the server still attaches


def test_stopping_the_server_ends_its_meilisearch_and_the_supervision(supervised):
    _, meili = supervised
    pid = meili.server.pid
    meili.stop()
    assert not _alive(pid) and not meili._thread.is_alive()
    time.sleep(1.0)  # a stop is never mistaken for a crash: nothing comes back
    assert meili.restarts == 0 and meili.server.process.poll() is not None


def test_a_restart_that_fails_is_retried_with_backoff_and_stop_still_leaves_nothing(supervised, caplog):
    """The port is taken by someone else while Meilisearch is down: restarting fails, is retried
    (later each time), and succeeds once the port is free again."""
    _, meili = supervised
    meili.first_delay = 1.0  # the port is taken well before the first attempt
    proc, port = meili.server.process, meili.server.port
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    squatter = socket.socket()
    squatter.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    squatter.bind(("127.0.0.1", port))
    squatter.listen()
    try:
        deadline = time.monotonic() + 30
        while "restarting it in 2.0 s" not in caplog.text and time.monotonic() < deadline:
            time.sleep(0.1)
        assert meili.restarts == 0 and "Meilisearch did not restart" in caplog.text
        assert "restarting it in 2.0 s" in caplog.text  # the next attempt waits longer
        assert meili.server.process.poll() is not None  # the failed attempt was cleaned up
    finally:
        squatter.close()
    deadline = time.monotonic() + 60
    while meili.restarts == 0 and time.monotonic() < deadline:
        time.sleep(0.1)
    assert meili.restarts == 1 and meili.server.port == port
    with httpx.Client(trust_env=False, timeout=5) as c:
        assert c.get(f"{meili.url}/version", headers={"Authorization": f"Bearer {meili.master_key}"}).status_code == 200
    new_pid = meili.server.pid
    meili.stop()
    assert not _alive(new_pid)


def test_agenda_serve_brings_its_meilisearch_back_and_ctrl_c_stops_everything(tmp_path):
    """The README's run command, end to end: Meilisearch killed under a running ``agenda serve`` is
    back without a restart of the server; a Ctrl-C in the terminal (which reaches Meilisearch too)
    stops everything and is not taken for a crash."""
    port, data = _free_port(), tmp_path / "data"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEILI_", "AGENDA_", "DATABASE_URL"))}
    env.update({"AGENDA_DATA_DIR": str(data), "AGENDA_PORT": str(port), "AGENDA_DEMO": "0"})
    if os.environ.get("AGENDA_CACHE_DIR"):
        env["AGENDA_CACHE_DIR"] = os.environ["AGENDA_CACHE_DIR"]
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        # its own session, so the "terminal's" Ctrl-C reaches its process group and not pytest
        proc = subprocess.Popen(AGENDA + ["serve"], env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True,
                                preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    base = f"http://127.0.0.1:{port}"

    def ready() -> int:
        try:
            return httpx.get(base + "/readyz", timeout=5).status_code
        except httpx.HTTPError:
            return 0

    def until(predicate, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not predicate():
            if time.monotonic() > deadline or proc.poll() is not None:
                return False
            time.sleep(0.1)
        return True

    try:
        assert until(lambda: ready() == 200, 90), log.read_text()
        connection = json.loads((data / "meilisearch" / "connection.json").read_text())
        [first] = _pids_with(str(data / "meilisearch"))
        os.kill(first, signal.SIGKILL)
        assert until(lambda: ready() == 503, 10)  # the server says search is unavailable…
        assert until(lambda: ready() == 200, 60), log.read_text()  # …and ready again by itself
        # a server process can see the new Meilisearch answer a moment before the supervisor's own
        # readiness check completes; a Ctrl-C in that moment would be a restart interrupted, not missed
        assert until(lambda: "Meilisearch is back" in log.read_text(), 30), log.read_text()
        [second] = _pids_with(str(data / "meilisearch"))
        assert second != first
        version = httpx.get(connection["url"] + "/version", headers={"Authorization": f"Bearer {connection['key']}"},
                            trust_env=False, timeout=5)
        assert version.status_code == 200  # same address, same key
    finally:
        os.killpg(proc.pid, signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    deadline = time.monotonic() + 10
    while _pids_with(str(data / "meilisearch")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _pids_with(str(data / "meilisearch")), "Meilisearch outlived the server"
    text = log.read_text()
    # Brought back after the kill. (Ctrl-C reaches Meilisearch and the server at the same moment; on a
    # loaded machine the supervisor may see Meilisearch die before the server's shutdown tells it to
    # stop, so a second "restarting" line can appear — what matters is that nothing outlives the server.)
    assert text.count("Meilisearch is back") >= 1 and text.count("restarting it in") <= 2, text
