"""``agenda serve`` with several server processes (``AGENDA_WORKERS`` > 1).

A Python process answers on one core at a time; uvicorn's worker processes share one listening
socket and the kernel hands each connection to one of them. What must happen once happens once, in
the parent: the migrations and the search engine (provisioned or attached; the children are given
its URL and key) before any child starts; the search indexes and the demo on an empty database while
the children import the application — a child serves only once the parent has written
``<data>/run/prepared`` (a child's start is mostly imports: 3 s of CPU). What must run once keeps
running in the parent, in one thread: the outbox drain, the mail drain and the accountability tick
(``AGENDA_WORKER_IN_PROCESS``), so SQLite never sees two drainers and nothing is sent twice.

What the processes share on one machine, in files under ``<data>/run`` the parent prepares
(server/ops/mapped_file.py): the content generation (a write through one process is seen by the next
list or anonymous answer of every other) and the rate limit's buckets. Import jobs are rows in the
database. What each process keeps for itself is listed in docs/deployment.md (``/metrics``, caches
that are only speed-ups).

Ctrl-C or SIGTERM to the parent: uvicorn's supervisor stops every child, then the drain thread
stops, then the provisioned Meilisearch (``civic.cli.core.cmd_serve``)."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
import threading
from pathlib import Path

from server.settings import Settings

log = logging.getLogger("civic_agenda.processes")

CHILD_APP = "civic.processes:child_app"
# Under ``shared_dir`` (server/ops/mapped_file.py).
GENERATION_FILE = "generation"
RATE_LIMIT_FILE = "ratelimit"
PREPARED_FILE = "prepared"


def shared_dir(settings: Settings) -> Path:
    return settings.data_dir / "run"


def child_app():
    """The application of one child process (uvicorn calls this factory in each): no migrations, no
    seeding, no drain — the parent did or does those — and the shared state under ``<data>/run``."""
    from civic.app import create_app
    from civic.runtime import load_settings, setup_logging

    settings = load_settings()  # the parent's environment, with the search engine it attached
    setup_logging(settings)
    return create_app(dataclasses.replace(settings, worker_in_process=False), run_migrations=False,
                      shared_dir=shared_dir(settings))


def prepare_shared_state(settings: Settings) -> None:
    """The shared files for this run: fresh buckets (a previous run's mean nothing now); the generation
    continued, never zeroed — an ``agenda`` command still running from before (a worker, an import)
    has the file mapped, and a file cut to nothing under a mapping faults its next read."""
    from server.ops import writes
    from server.ops.ratelimit import SharedTokenBuckets

    folder = shared_dir(settings)
    (folder / PREPARED_FILE).unlink(missing_ok=True)
    writes.share(folder / GENERATION_FILE)  # the parent's drain bumps it too
    SharedTokenBuckets(folder / RATE_LIMIT_FILE, max(1, settings.rate_limit_per_minute), fresh=True).file.close()


async def wait_until_prepared(folder: Path) -> None:
    """A child's lifespan waits here for the parent's one-time work before it serves."""
    while not (folder / PREPARED_FILE).exists():
        await asyncio.sleep(0.05)


async def _once(settings: Settings) -> None:
    """What one process does at start: the search indexes and their settings, the demo on an empty
    database (the migrations ran before the search engine was attached)."""
    from demo.seeder import seed_if_empty
    from server import db
    from server.search.engine import SearchEngine

    ctx = await db.open_context(settings.database_url)
    engine = SearchEngine(settings)
    try:
        with ctx:
            try:
                await engine.ensure_all(wait=False)
            except Exception as exc:  # noqa: BLE001 - search down at start: the children serve degraded
                log.warning("Meilisearch not ready at start (%s); the drain indexes once it is", exc)
            await seed_if_empty(settings)
    finally:
        await engine.aclose()
        await db.close_context(ctx)


class BackgroundWork:
    """The outbox drain, the mail drain and the accountability tick in one thread of the parent,
    with its own event loop (the parent's main thread supervises the children)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stop: asyncio.Event | None = None
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="outbox-mail-tick", daemon=True)

    def start(self) -> "BackgroundWork":
        self._thread.start()
        self._ready.wait(30)
        return self

    def stop(self, timeout: float = 30.0) -> None:
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout)

    def _run(self) -> None:
        asyncio.run(self._main())

    async def _main(self) -> None:
        from server import db
        from server.search.engine import SearchEngine
        from workers import run_background

        self._loop, self._stop = asyncio.get_running_loop(), asyncio.Event()
        self._ready.set()
        ctx = await db.open_context(self.settings.database_url)
        engine = SearchEngine(self.settings)
        try:
            with ctx:
                await run_background(self.settings, engine, self._stop)
        finally:
            await engine.aclose()
            await db.close_context(ctx)


def serve_processes(settings: Settings, *, on_exit=None, app: str = CHILD_APP) -> None:
    """Run ``settings.workers`` server processes until Ctrl-C or SIGTERM. ``settings`` already
    points at the search engine the parent attached; ``on_exit`` runs when the signal arrives;
    ``app``: the children's factory (the bench adds its floor to ``child_app``)."""
    import uvicorn
    from uvicorn.supervisors.multiprocess import Multiprocess

    from server.accountability import policy as accountability

    accountability.configure(settings)  # the tick in the parent's drain: the city's calendar and answer days
    # The children read their settings from the environment: give them the engine found or started
    # here (spawned processes inherit os.environ as it is when they start).
    os.environ["MEILI_URL"] = settings.meili_url or ""
    os.environ["MEILI_MASTER_KEY"] = settings.meili_master_key or ""
    prepare_shared_state(settings)

    class Supervisor(Multiprocess):
        def handle_int(self) -> None:
            if on_exit is not None:
                on_exit()
            super().handle_int()

        def handle_term(self) -> None:
            if on_exit is not None:
                on_exit()
            super().handle_term()

    config = uvicorn.Config(app, factory=True, workers=settings.workers, host=settings.host,
                            port=settings.port, log_level=settings.log_level, lifespan="on", log_config=None,
                            access_log=False)
    supervisor = Supervisor(config, sockets=[config.bind_socket()])
    background: list[BackgroundWork] = []

    def prepare() -> None:
        """In a thread, while the children start (the main thread supervises them and gets the signals)."""
        try:
            asyncio.run(_once(settings))
            if settings.worker_in_process and not supervisor.should_exit.is_set():
                background.append(BackgroundWork(settings).start())
            (shared_dir(settings) / PREPARED_FILE).touch()
        except Exception:  # noqa: BLE001 - the children would wait for ever: stop the whole server
            log.exception("agenda serve could not prepare the database and search; stopping")
            supervisor.should_exit.set()

    preparing = threading.Thread(target=prepare, name="prepare", daemon=True)
    preparing.start()
    try:
        supervisor.run()
    finally:
        preparing.join(60)
        for work in background:
            work.stop()
