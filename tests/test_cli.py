"""Operators use the ``agenda`` command: the first admin and staff are made with it, and
``agenda serve`` is the README's run command."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
from email import message_from_bytes
from email import policy as email_policy
import sys
import time
from pathlib import Path

import httpx
import pytest

from server import db
from server.accounts.models import User
from server.agendas.models import Department
from tests.conftest import TEST_SECRET

AGENDA = [sys.executable, "-m", "civic.cli"]
ROOT = Path(__file__).resolve().parent.parent


def agenda_env(env_extra) -> dict[str, str]:
    """This environment without the test run's own settings, plus ``env_extra``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEILI_", "AGENDA_", "DATABASE_URL"))}
    env.update(env_extra)
    return env


def run_agenda(args, env_extra, timeout=60):
    return subprocess.run(AGENDA + args, env=agenda_env(env_extra), cwd=ROOT, capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture
def cli_env(clean_database, tmp_path):
    return {"DATABASE_URL": clean_database, "AGENDA_DATA_DIR": str(tmp_path / "data"), "AGENDA_SECRET": TEST_SECRET}


async def _users(url: str) -> list[tuple[str, str, list[str]]]:
    ctx = await db.open_context(url)
    try:
        with ctx:
            users = await User.all().prefetch_related("departments").order_by("email")
            return [(u.email, u.role.value, sorted(d.code for d in u.departments)) for u in users]
    finally:
        await db.close_context(ctx)


async def test_admin_creates_the_first_admin_and_a_staff_member(cli_env):
    r = run_agenda(["create-user", "--email", "Admin@Seoul.go.kr", "--password", "관리자-비밀번호-2026", "--role", "admin"], cli_env)
    assert r.returncode == 0, r.stderr
    assert "created admin admin@seoul.go.kr" in r.stdout

    ctx = await db.open_context(cli_env["DATABASE_URL"])
    with ctx:
        await Department.create(code="TRANSPORT", name_ko="도시교통실", name_en="Urban Transportation Office")
    await db.close_context(ctx)

    r = run_agenda(["create-user", "--email", "bus@seoul.go.kr", "--password", "교통-담당자-2026!", "--role", "staff",
                    "--department", "TRANSPORT", "--display-name", "교통 담당"], cli_env)
    assert r.returncode == 0, r.stderr
    assert await _users(cli_env["DATABASE_URL"]) == [
        ("admin@seoul.go.kr", "admin", []),
        ("bus@seoul.go.kr", "staff", ["TRANSPORT"]),
    ]


@pytest.mark.parametrize(
    "args, code, message",
    [
        (["--role", "mayor"], 2, "unknown role 'mayor'"),
        (["--role", "staff", "--department", "NOWHERE"], 1, "Unknown department code(s): NOWHERE"),
        (["--role", "admin", "--password", "short"], 1, "WEAK_PASSWORD"),
    ],
)
@pytest.mark.postgres_first_row
async def test_create_user_refuses_bad_input_clearly_and_writes_nothing(cli_env, args, code, message):
    base = ["create-user", "--email", "x@seoul.go.kr", "--password", "충분히-긴-비밀번호-1"]
    r = run_agenda(base + args, cli_env)
    assert r.returncode == code
    assert message in r.stderr
    assert await _users(cli_env["DATABASE_URL"]) == []


def test_invalid_configuration_stops_the_command_and_names_the_variable(tmp_path):
    r = run_agenda(["migrate"], {"AGENDA_DATA_DIR": str(tmp_path), "AGENDA_PORT": "http"})
    assert r.returncode == 2 and "AGENDA_PORT" in r.stderr


def test_a_malformed_smtp_url_stops_the_server_start_and_names_the_variable(tmp_path):
    r = run_agenda(["serve"], {"AGENDA_DATA_DIR": str(tmp_path), "AGENDA_SMTP_URL": "smtp//mail.seoul.go.kr"})
    assert r.returncode == 2 and "AGENDA_SMTP_URL" in r.stderr and "smtp://user:pass@host:587" in r.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _pids_with(text: str) -> list[int]:
    pids = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = next((l for l in (entry / "status").read_text().splitlines() if l.startswith("State:")), "")
        except OSError:
            continue
        if text in cmdline and "Z" not in state.split()[1:2]:
            pids.append(int(entry.name))
    return pids


def test_serve_runs_the_product_on_the_embedded_default(tmp_path):
    """The README's run command: SQLite in the data folder, a provisioned Meilisearch, migrations
    at start; a person registers and logs in; Ctrl-C stops everything, Meilisearch included."""
    port = _free_port()
    data = tmp_path / "data"
    env = agenda_env({"AGENDA_DATA_DIR": str(data), "AGENDA_PORT": str(port), "AGENDA_DEMO": "0"})
    if os.environ.get("AGENDA_CACHE_DIR"):
        env["AGENDA_CACHE_DIR"] = os.environ["AGENDA_CACHE_DIR"]
    proc = subprocess.Popen(AGENDA + ["serve"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        # AGENDA_WORKERS defaults to the cores: each server process imports the application (3 s of
        # CPU) on a machine other test runs share
        deadline = time.monotonic() + 180
        while True:
            assert proc.poll() is None, proc.stdout.read()
            try:
                if httpx.get(base + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "server did not become ready"
            time.sleep(0.2)
        assert _pids_with(str(data / "meilisearch")), "a provisioned Meilisearch should be running"
        assert (data / "agenda.sqlite3").exists()

        register = httpx.post(base + "/graphql", json={"query": """mutation {
            register(input: {email: "seo@example.kr", password: "서울-혁신-제안-2026", displayName: "서하윤", privacyConsent: true}) {
              user { displayName } errors { code } } }"""}).json()
        assert register["data"]["register"] == {"user": {"displayName": "서하윤"}, "errors": []}
        login = httpx.post(base + "/graphql", json={"query": """mutation {
            login(email: "seo@example.kr", password: "서울-혁신-제안-2026") { token errors { code } } }"""}).json()
        token = login["data"]["login"]["token"]
        me = httpx.post(base + "/graphql", json={"query": "{ me { displayName } }"},
                        headers={"Authorization": f"Bearer {token}"}).json()
        assert me == {"data": {"me": {"displayName": "서하윤"}}}
        # No SMTP server configured: the in-process mail worker writes the verification mail to a file.
        mail_deadline = time.monotonic() + 10
        while not list((data / "mail").glob("*.eml")) and time.monotonic() < mail_deadline:
            time.sleep(0.2)
        [eml] = list((data / "mail").glob("*.eml"))
        mail = message_from_bytes(eml.read_bytes(), policy=email_policy.default)
        assert mail["To"] == "서하윤 <seo@example.kr>" and mail["Subject"] == "이메일 주소를 확인해 주세요"
        assert f"http://127.0.0.1:{port}/verify-email?token=" in mail.get_body(("plain",)).get_content()
        home = httpx.get(base + "/")
        assert home.status_code == 200 and home.headers["content-type"].startswith("text/html")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            out, _ = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, _ = proc.communicate()
    assert f"running at http://127.0.0.1:{port}/" in out
    deadline = time.monotonic() + 10
    while _pids_with(str(data / "meilisearch")) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _pids_with(str(data / "meilisearch")), "Meilisearch outlived the server"
