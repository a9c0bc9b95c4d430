"""``agenda serve`` with ``AGENDA_WORKERS=2``, as an operator runs it on a 2-core machine: two server
processes answer, and the people using it cannot tell — a proposal made through one process is
counted by a list answered by the other at once, the agenda becomes searchable (indexed once, by the
one drain), a client's rate limit holds whichever process answers, an import's progress is read from
either, and SIGTERM leaves no process and no Meilisearch behind.

Which process answered: every JSON log line carries its ``pid``; each request sends its own
``X-Request-ID`` on a new connection (the kernel hands connections to the processes), and the access
log line with that id names the process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time

import httpx
import pytest

from tests.conftest import TEST_SECRET
from tests.import_files import backlog_rows, to_csv
from tests.test_cli import AGENDA, ROOT, _free_port, _pids_with, run_agenda

PASSWORD = "서울-혁신-의제-2026!"
BURST = 100  # AGENDA_RATE_LIMIT_BURST for this server; refilled at 60 a minute


class Served:
    def __init__(self, base: str, log, proc) -> None:
        self.base, self.log, self.proc, self.n = base, log, proc, 0

    def lines(self) -> list[dict]:
        out = []
        for line in self.log.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith("{"):
                try:
                    out.append(json.loads(line))
                except ValueError:
                    pass
        return out

    def ask(self, method: str, path: str, token: str | None = None, **kw) -> tuple[httpx.Response, str]:
        """One request on a connection of its own; returns the answer and its request id."""
        self.n += 1
        rid = f"t{os.getpid()}-{self.n}"
        headers = {"X-Request-ID": rid, **({"Authorization": f"Bearer {token}"} if token else {}), **kw.pop("headers", {})}
        with httpx.Client(base_url=self.base, timeout=60, trust_env=False) as c:
            return c.request(method, path, headers=headers, **kw), rid

    def pid_of(self, rid: str) -> int:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            for r in self.lines():
                if r.get("request_id") == rid and r.get("logger") == "civic_agenda.access":
                    return r["pid"]
            time.sleep(0.05)
        raise AssertionError(f"no access log line for {rid}")

    def graphql(self, query: str, variables: dict | None = None, token: str | None = None) -> tuple[dict, int]:
        r, rid = self.ask("POST", "/graphql", token, json={"query": query, "variables": variables or {}})
        assert r.status_code == 200, r.text
        return r.json(), self.pid_of(rid)


def _until(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


COUNT = "{ agendas(first: 1) { totalCount } }"
PROPOSE = """mutation($input: ProposeAgendaInput!) { proposeAgenda(input: $input) { agenda { id } errors { code } } }"""
SEARCH = """query($q: String!) { search(query: $q) { hits { agenda { id } } degraded } }"""


@pytest.fixture
def served(clean_database, tmp_path):
    data = tmp_path / "data"
    env = {"DATABASE_URL": clean_database, "AGENDA_DATA_DIR": str(data), "AGENDA_SECRET": TEST_SECRET,
           "AGENDA_PORT": str(_free_port()), "AGENDA_WORKERS": "2", "AGENDA_DEMO": "0", "AGENDA_LOG_FORMAT": "json",
           "AGENDA_REQUIRE_VERIFIED_EMAIL": "0", "AGENDA_RATE_LIMIT_PER_MINUTE": "60",
           "AGENDA_RATE_LIMIT_BURST": str(BURST)}
    if os.environ.get("AGENDA_CACHE_DIR"):
        env["AGENDA_CACHE_DIR"] = os.environ["AGENDA_CACHE_DIR"]
    for email, role in (("admin@seoul.go.kr", "admin"), ("importer@seoul.go.kr", "admin"),
                        ("citizen@example.kr", "citizen")):
        r = run_agenda(["create-user", "--email", email, "--password", PASSWORD, "--role", role], env, timeout=180)
        assert r.returncode == 0, r.stderr
    full = {k: v for k, v in os.environ.items() if not k.startswith(("MEILI_", "AGENDA_", "DATABASE_URL"))}
    full.update(env)
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(AGENDA + ["serve"], env=full, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
    server = Served(f"http://127.0.0.1:{env['AGENDA_PORT']}", log, proc)
    server.data = data
    try:
        def ready() -> bool:
            assert proc.poll() is None, log.read_text()
            try:
                return httpx.get(server.base + "/readyz", timeout=5, trust_env=False).status_code == 200
            except httpx.HTTPError:
                return False

        _until(ready, 240, "the server did not become ready")
        yield server
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_two_server_processes_serve_one_city_as_if_they_were_one(served):
    tokens = {}
    for email in ("admin@seoul.go.kr", "importer@seoul.go.kr", "citizen@example.kr"):
        data, _ = served.graphql('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
                                 {"e": email, "p": PASSWORD})
        tokens[email.split("@")[0]] = data["data"]["login"]["token"]
    children = {r["pid"] for r in served.lines() if r.get("message", "").startswith("Started server process")}
    assert len(children) == 2 and served.proc.pid not in children

    # Staff lists read through both processes: each has counted (and cached) the empty list.
    seen: set[int] = set()
    for _ in range(60):
        data, pid = served.graphql(COUNT, token=tokens["admin"])
        assert data["data"]["agendas"]["totalCount"] == 0
        seen.add(pid)
        if seen == children:
            break
    assert seen == children, "both processes should have answered"

    meili = json.loads((served.data / "meilisearch" / "connection.json").read_text())
    meili_headers = {"Authorization": f"Bearer {meili['key']}"}

    def document_tasks() -> int:
        r = httpx.get(meili["url"] + "/tasks", params={"types": "documentAdditionOrUpdate", "limit": 1000},
                      headers=meili_headers, trust_env=False, timeout=10)
        return len(r.json()["results"])

    before = document_tasks()
    title = "성수동 골목 공유주방을 열어 주세요"
    data, proposed_by = served.graphql(PROPOSE, {"input": {
        "title": title, "body": "동네 어르신과 청년이 함께 요리하고 나누는 공유주방이 있으면 좋겠습니다.",
        "field": "LIVING_CULTURE_SPACE", "district": "SEONGDONG"}}, token=tokens["citizen"])
    assert data["data"]["proposeAgenda"]["errors"] == []
    agenda_id = data["data"]["proposeAgenda"]["agenda"]["id"]

    # At once, through either process — the other one had a cached count of 0.
    answered_by: set[int] = set()
    for _ in range(60):
        data, pid = served.graphql(COUNT, token=tokens["admin"])
        assert data["data"]["agendas"]["totalCount"] == 1, f"process {pid} still counts the old list"
        answered_by.add(pid)
        if answered_by == children:
            break
    assert answered_by == children and proposed_by in children

    # Searchable, through the one drain: the parent's (its mail worker started once, in the parent).
    def found():
        data, _ = served.graphql(SEARCH, {"q": "공유주방"})
        return not data["data"]["search"]["degraded"] and [h["agenda"]["id"] for h in data["data"]["search"]["hits"]]

    assert _until(found, 30, "the proposal never became searchable") == [agenda_id]
    time.sleep(1.5)  # a second drain would have indexed it again by now
    assert document_tasks() - before == 1
    drains = [r["pid"] for r in served.lines() if r.get("message", "").startswith("mail worker sending through")]
    assert drains == [served.proc.pid]

    # The rate limit: one client, BURST requests at once, whichever process answers each.
    started, statuses, pids = time.monotonic(), [], set()
    for _ in range(BURST + 40):
        r, rid = served.ask("POST", "/graphql", tokens["citizen"], json={"query": "{ __typename }"})
        statuses.append(r.status_code)
        pids.add(served.pid_of(rid))
    elapsed = time.monotonic() - started
    allowed = statuses.count(200)
    assert statuses.count(429) > 0 and set(statuses) == {200, 429}
    # the citizen spent a few tokens before; with a bucket per process it would have had 2 × BURST
    assert allowed <= BURST + elapsed + 1, (allowed, elapsed)
    assert pids == children

    # An import's progress, read from either process.
    csv = to_csv(backlog_rows(3000), "utf-8")
    r, rid = served.ask("POST", "/admin/import/jobs", tokens["importer"], params={"dryRun": "1", "filename": "b.csv"},
                        content=csv, headers={"Content-Type": "application/octet-stream"})
    assert r.status_code == 202, r.text
    job = r.json()
    polled_by: set[int] = set()
    for _ in range(600):
        r, rid = served.ask("GET", f"/admin/import/jobs/{job['id']}", tokens["importer"])
        assert r.status_code == 200, r.text
        job = r.json()
        polled_by.add(served.pid_of(rid))
        if job["state"] != "running" and polled_by == children:
            break
        time.sleep(0.05)
    assert job["state"] == "done" and job["report"]["rows"] == 3000 and polled_by == children

    # SIGTERM to the parent stops every child, the drain and the provisioned Meilisearch.
    served.proc.send_signal(signal.SIGTERM)
    assert served.proc.wait(timeout=90) == 0
    _until(lambda: not _pids_with(str(served.data / "meilisearch")), 15, "Meilisearch outlived the server")

    def gone(pid: int) -> bool:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        state = open(f"/proc/{pid}/status").read()
        return "\nState:\tZ" in state

    assert all(gone(pid) for pid in children)
