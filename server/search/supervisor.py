"""Keep the embedded default's Meilisearch running.

When ``agenda serve`` provisioned Meilisearch itself, nobody else will restart it: killed (an OOM
kill, an operator's mistake, a crash), search would stay degraded until the whole server restarted.
The supervisor watches the process from a thread (it outlives no server: ``stop`` ends both) and
starts it again on the same port, data folder and key, so the search client and the outbox worker
reconnect without knowing; the worker's retries then bring the index up to date.

A thread, not an asyncio task: the Meilisearch is started before the server's event loop and must be
stopped after it, and a server whose loop is busy must still get its search engine back.

Restarts back off (0.5 s, 1 s, 2 s … at most 30 s) while the engine keeps dying soon after starting,
so a Meilisearch that cannot start (a full disk, a taken port) does not become a busy loop; a run
that lasted ``stable_after`` seconds starts the backoff afresh."""

from __future__ import annotations

import atexit
import logging
import subprocess
import threading
import time

from server.search.provision import MeiliServer, ProvisionError

log = logging.getLogger("civic_agenda.search.supervisor")


class MeiliSupervisor:
    def __init__(self, server: MeiliServer, *, check_interval: float = 0.25, first_delay: float = 0.5,
                 max_delay: float = 30.0, stable_after: float = 60.0, start_timeout: float = 30.0) -> None:
        self.server = server
        self.check_interval = check_interval
        self.first_delay = first_delay
        self.max_delay = max_delay
        self.stable_after = stable_after
        self.start_timeout = start_timeout
        self.restarts = 0
        self._stopping = threading.Event()
        # Held while deciding to spawn and spawning, so that stop() never races a spawn and leaves
        # a Meilisearch behind.
        self._spawn_lock = threading.Lock()
        self._thread: threading.Thread | None = None

    # Used where the unsupervised server was: its URL, key and stop().
    @property
    def url(self) -> str:
        return self.server.url

    @property
    def master_key(self) -> str:
        return self.server.master_key

    def start(self) -> "MeiliSupervisor":
        if self._thread is None:
            self._thread = threading.Thread(target=self._watch, name="meili-supervisor", daemon=True)
            self._thread.start()
            # atexit runs last-registered first: stop supervising before the server's own atexit
            # stop, or the supervisor would take that stop for a crash.
            atexit.register(self.stop)
        return self

    def stop_supervising(self) -> None:
        """From now on a Meilisearch that exits stays down. The server calls this as soon as it is
        asked to shut down: a Ctrl-C in a terminal reaches Meilisearch too, and that exit is no crash."""
        with self._spawn_lock:
            self._stopping.set()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop supervising, then stop Meilisearch; idempotent."""
        atexit.unregister(self.stop)
        self.stop_supervising()
        self.server.stop(timeout=timeout)  # a restart waiting for readiness sees its process end
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=timeout + self.start_timeout)
        self.server.stop(timeout=timeout)

    def _watch(self) -> None:
        delay: float | None = None  # first_delay, read when needed
        healthy_since: float | None = time.monotonic()  # None while restarts keep failing
        while not self._stopping.wait(self.check_interval):
            proc = self.server.process
            if proc is None or proc.poll() is None:
                continue
            if self.server.stopped_on_request:
                return  # someone stopped it on purpose: nothing to supervise any more
            if delay is None or (healthy_since is not None and time.monotonic() - healthy_since >= self.stable_after):
                delay = self.first_delay
            log.warning("Meilisearch (pid %s) exited with code %s; restarting it in %.1f s on %s",
                        proc.pid, proc.returncode, delay, self.server.url)
            if self._stopping.wait(delay):
                return
            try:
                with self._spawn_lock:
                    if self._stopping.is_set():
                        return
                    self.server.respawn()
                self.server.wait_ready(self.start_timeout)
            except (ProvisionError, OSError, subprocess.SubprocessError) as exc:
                if self._stopping.is_set():
                    return
                log.error("Meilisearch did not restart: %s", str(exc).splitlines()[0])
                # wait_ready stopped the failed attempt; that was no one's request to stop for good
                self.server.stopped_on_request = False
                healthy_since = None
                delay = min(self.max_delay, delay * 2)
                continue
            self.restarts += 1
            healthy_since = time.monotonic()
            delay = min(self.max_delay, delay * 2)
            log.info("Meilisearch is back on %s (pid %s, restart %d)", self.server.url, self.server.pid, self.restarts)
