"""Browser tests: the real server (``agenda serve``, the built web app, demo data seeded on first
start, its in-process indexer) driven through Debian's Chromium by Playwright — no browser download.

- ``live_server``: one server per database for the whole run, SQLite by default; a test runs on
  PostgreSQL too with ``@pytest.mark.parametrize("live_server", ["sqlite", "postgres"], indirect=True)``.
- ``page``: a fresh browser context (no cookies, Korean locale, Seoul time) on that server;
  ``new_page()`` opens another one (a second person). A failing test leaves a screenshot of every
  open page in test-artifacts/browser/<test>/, beside the ones the test took with ``shot``.
- Uncaught JavaScript errors fail the test.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import asyncpg
import httpx
import pytest
from playwright.sync_api import sync_playwright

from tests.browser.helpers import ARTIFACTS, Api, _artifact_dirs

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("AGENDA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
    "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage",
]
LIVE_SERVER_SITE = Path(__file__).resolve().parent / "live_server_site"
PG_URL = os.environ.get("AGENDA_TEST_POSTGRES_URL", "postgres://127.0.0.1:5432/test")
REQUIRE_PG = os.environ.get("AGENDA_TEST_REQUIRE_POSTGRES") == "1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class LiveServer:
    url: str
    kind: str
    process: subprocess.Popen
    log: Path
    data_dir: Path  # AGENDA_DATA_DIR: mail is kept under its mail/ as .eml files (no SMTP server)
    # The server's environment (its database and data folder): commands run with it act on its data.
    env: dict = field(default_factory=dict)
    api: Api = field(init=False)

    def __post_init__(self) -> None:
        self.api = Api(self.url)

    def wait_indexed(self, timeout: float = 30) -> None:
        """Until the outbox is drained: everything written so far is searchable."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            r = httpx.get(self.url + "/readyz", timeout=5)
            if r.status_code == 200 and r.json()["outbox"]["depth"] == 0:
                return
            time.sleep(0.2)
        raise AssertionError(f"outbox not drained in {timeout}s: {httpx.get(self.url + '/readyz').text}")


async def _pg_async(statement: str) -> None:
    conn = await asyncpg.connect(PG_URL.replace("postgres://", "postgresql://", 1), timeout=5)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


def _pg(statement: str) -> None:
    """Run one statement on PostgreSQL from sync code. In a thread of its own: once Playwright's
    sync API has started, this thread counts as running an event loop and asyncio.run() refuses."""
    error: list[BaseException] = []

    def run() -> None:
        try:
            asyncio.run(_pg_async(statement))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the caller's thread
            error.append(exc)

    t = threading.Thread(target=run)
    t.start()
    t.join()
    if error:
        raise error[0]


def _start_server(kind: str, meili, tmp: Path) -> tuple[LiveServer, str | None]:
    url, key = meili
    port = _free_port()
    pg_db = None
    if kind == "sqlite":
        database_url = f"sqlite://{tmp / 'agenda.sqlite3'}"
    else:
        pg_db = f"civic_agenda_browser_{uuid.uuid4().hex[:8]}"
        try:
            _pg(f'CREATE DATABASE "{pg_db}"')
        except Exception as exc:  # noqa: BLE001
            if REQUIRE_PG:
                pytest.fail(f"PostgreSQL is required but {PG_URL} is unreachable: {exc}", pytrace=False)
            pytest.skip(f"PostgreSQL at {PG_URL} unreachable ({exc})")
        parts = PG_URL.rsplit("/", 1)
        database_url = f"{parts[0]}/{pg_db}"
    env = {
        **os.environ,
        "AGENDA_DATA_DIR": str(tmp / "data"),
        "DATABASE_URL": database_url,
        "MEILI_URL": url,
        "AGENDA_HOST": "127.0.0.1",
        "AGENDA_PORT": str(port),
        "AGENDA_SECRET": "browser-test-secret-" + "y" * 40,
        "AGENDA_INDEX_PREFIX": f"b{uuid.uuid4().hex[:8]}_",
        "AGENDA_DEMO": "1",
        "AGENDA_RATE_LIMIT_PER_MINUTE": "0",
        "AGENDA_PROPOSALS_PER_HOUR": "1000",
        "AGENDA_LOG_LEVEL": "warning",
        # argon2 at its lowest cost in every process of the server (live_server_site/sitecustomize.py)
        "PYTHONPATH": os.pathsep.join(filter(None, [str(LIVE_SERVER_SITE), os.environ.get("PYTHONPATH")])),
    }
    if key:
        env["MEILI_MASTER_KEY"] = key
    log = tmp / "server.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "civic.cli", "serve"], cwd=ROOT, env=env,
        stdout=log.open("w"), stderr=subprocess.STDOUT,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    server = LiveServer(url=f"http://127.0.0.1:{port}", kind=kind, process=process, log=log, data_dir=tmp / "data",
                        env=env)
    # The demo is seeded first: ~30 s on a quiet machine, minutes on a busy one.
    start_timeout = float(os.environ.get("AGENDA_BROWSER_START_TIMEOUT", "240"))
    deadline = time.monotonic() + start_timeout
    try:
        while True:
            if process.poll() is not None:
                raise AssertionError(f"server exited ({process.returncode}): {log.read_text()[-3000:]}")
            try:
                if httpx.get(server.url + "/readyz", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, f"server not ready in {start_timeout:.0f} s: {log.read_text()[-3000:]}"
            time.sleep(0.25)
        server.wait_indexed(max(120.0, start_timeout))
    except BaseException:
        process.kill()  # a server that never became ready must not outlive the test run
        process.wait()
        if pg_db:
            _pg(f'DROP DATABASE IF EXISTS "{pg_db}" WITH (FORCE)')
        raise
    return server, pg_db


# Package scope: the server and the browser close when the browser tests are done. Playwright's sync
# API leaves this thread looking like it runs an event loop, which the async tests after these
# (pytest-asyncio) cannot share.
@pytest.fixture(scope="package")
def live_server(request, meili, tmp_path_factory):
    kind = getattr(request, "param", "sqlite")
    if not (ROOT / "frontend" / "dist" / "index.html").is_file():
        pytest.fail("the web app is not built: run scripts/build-frontend (scripts/test does)", pytrace=False)
    server, pg_db = _start_server(kind, meili, tmp_path_factory.mktemp(f"live-{kind}"))
    yield server
    server.process.send_signal(signal.SIGTERM)
    try:
        server.process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    if pg_db:
        _pg(f'DROP DATABASE IF EXISTS "{pg_db}" WITH (FORCE)')


@pytest.fixture(scope="package")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: scripts/test installs Debian's chromium (scripts/ensure-chromium)", pytrace=False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


def _test_dir(request) -> Path:
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    folder = ARTIFACTS / f"{request.node.module.__name__.rsplit('.', 1)[-1]}-{name}"
    shutil.rmtree(folder, ignore_errors=True)
    return folder


@pytest.fixture
def new_page(request, browser, live_server):
    """Opens a fresh browser context (another person) on the live server; ``locale='en'`` starts it
    in English."""
    folder = _test_dir(request)
    opened = []

    def open_page(locale: str = "ko"):
        context = browser.new_context(
            base_url=live_server.url, locale="ko-KR" if locale == "ko" else "en-GB",
            timezone_id="Asia/Seoul", viewport={"width": 1280, "height": 900},
        )
        context.set_default_timeout(15_000)
        if locale != "ko":
            context.add_init_script(f"localStorage.setItem('agenda.locale', '{locale}')")
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        _artifact_dirs[id(page)] = folder / f"person{len(opened) + 1}" if opened else folder
        opened.append((context, page, errors))
        return page

    yield open_page
    failed = getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed
    for context, page, errors in opened:
        if failed:
            try:
                d = _artifact_dirs[id(page)]
                d.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(d / "failure.png"), full_page=True)
            except Exception:  # noqa: BLE001 - a screenshot must not hide the real failure
                pass
        _artifact_dirs.pop(id(page), None)
        context.close()
    uncaught = [e for _, _, errs in opened for e in errs]
    assert not uncaught, f"uncaught JavaScript errors: {uncaught}"


@pytest.fixture
def page(new_page):
    return new_page()


def pytest_generate_tests(metafunc):
    """Every browser test names its live server's database, SQLite unless it asks for more. Without
    this a test that says nothing and one parametrised with "sqlite" are two different fixture
    instances to pytest: the package's server was stopped and started (the demo seeded again, ~30 s)
    whenever the order alternated between them."""
    if "live_server" not in metafunc.fixturenames:
        return
    for mark in metafunc.definition.iter_markers("parametrize"):
        names = mark.args[0] if mark.args else mark.kwargs.get("argnames", "")
        names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
        if "live_server" in names:
            return
    metafunc.parametrize("live_server", ["sqlite"], indirect=True, scope="package")
