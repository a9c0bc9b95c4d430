"""The Starlette application: GraphQL, health endpoints and the frontend, one lifespan that owns
the database context and the search client."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from pathlib import Path

from starlette.applications import Starlette
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from tortoise.context import _current_context

from civic import frontend
from civic.body_limit import BodyLimitMiddleware
from server.imports.http import ROUTES as IMPORT_ROUTES
from server.imports.http import UPLOAD_PATH as IMPORT_UPLOAD_PATH
from civic.health import healthz, metrics, readyz
from civic.processes import GENERATION_FILE, RATE_LIMIT_FILE, wait_until_prepared
from civic.language import LanguageMiddleware
from demo.seeder import seed_if_empty
from server import db
from server.accountability import policy as accountability
from server.attachments import http as attachments_http
from server.mail.http import stored_mail_raw, unsubscribe_now, unsubscribe_page
from server.workshops.http import performance_report_csv, workshop_progress_csv
from server.opendata.http import ROUTES as OPENDATA_ROUTES
from server.ops.metrics import HttpMetricsMiddleware, Metrics
from server.ops import writes
from server.ops.ratelimit import RateLimitMiddleware
from server.ops.requestid import RequestIdMiddleware
from server.search.engine import SearchEngine
from server.settings import Settings
from schema import build_schema
from schema.view import GraphQLView
from workers import scheduler
from workers.indexer import Indexer
from workers.mailer import Mailer

log = logging.getLogger("civic_agenda")



class TortoiseContextMiddleware:
    """Make the app's Tortoise context current for each request: the lifespan initialised it in
    another task, and Tortoise 1.x looks it up in a ContextVar.

    ``with ctx:`` is not usable here: a TortoiseContext keeps *one* reset token on itself, so two
    concurrent requests entering it overwrite each other's token and the first exit fails
    ("Token was created in a different Context"). Each request therefore sets the ContextVar and
    keeps its own token."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        ctx = getattr(scope.get("app").state, "tortoise", None) if scope.get("app") else None
        if ctx is None or scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        token = _current_context.set(ctx)
        try:
            await self.app(scope, receive, send)
        finally:
            _current_context.reset(token)


class GenerationAfterWriteMiddleware:
    """A request that wrote something readers see bumps the content generation again when its
    response starts: its transaction has committed by then, so a reader in any process that cached
    the old state in the instant between the in-transaction bump and the commit cannot serve it to
    the writer's next request (``server/ops/writes.py``)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        before = writes.current()

        async def send_after_write(message):
            if message["type"] == "http.response.start" and writes.current() != before:
                writes.bump()
            await send(message)

        await self.app(scope, receive, send_after_write)


class SecurityHeadersMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"x-frame-options", b"DENY"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(settings: Settings, *, run_migrations: bool = True, shared_dir: Path | None = None) -> Starlette:
    """``run_migrations``: migrate and seed the demo on an empty database at start (what one process
    does; behind several, the ``agenda serve`` parent did it). ``shared_dir``: where the processes
    of one ``agenda serve`` share the content generation and the rate limit (civic/processes.py)."""
    accountability.configure(settings)  # answer days, the calendar, thresholds (server/accountability)
    if shared_dir is not None:
        writes.share(shared_dir / GENERATION_FILE)
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        if run_migrations:
            await db.migrate(settings.database_url)
        if shared_dir is not None:
            await wait_until_prepared(shared_dir)  # the agenda serve parent's seeding, done meanwhile
        ctx = await db.open_context(settings.database_url)
        app.state.tortoise = ctx
        app.state.search = SearchEngine(settings)
        app.state.indexer = Indexer(app.state.search)
        app.state.mailer = Mailer(settings)
        stop = asyncio.Event()
        worker = ticker = mailer = None
        try:
            with ctx:
                try:
                    await app.state.search.ensure_all(wait=False)
                    app.state.indexer.index_is_ready()
                except Exception as exc:  # noqa: BLE001 - search down at start: serve degraded, index later
                    log.warning("Meilisearch not ready at start (%s); search answers from the database until it is", exc)
                if run_migrations:
                    # A real start on an empty database loads the demo (AGENDA_DEMO=0 disables it).
                    await seed_if_empty(settings)
                # Everything made at start (schema, models, settings) lives as long as the process:
                # move it out of the collector's reach, so full collections stay short (they were
                # 50–77 ms pauses in the listing bench; bench/README.md).
                gc.collect()
                gc.freeze()
                if settings.worker_in_process:
                    # The embedded default drains the outbox, sends mail and runs the accountability
                    # tick in the server process; the tasks copy this context, so they see the database.
                    worker = asyncio.create_task(app.state.indexer.run(stop), name="outbox-indexer")
                    mailer = asyncio.create_task(app.state.mailer.run(stop), name="mailer")
                    ticker = asyncio.create_task(scheduler.run(stop), name="accountability-tick")
            yield
        finally:
            stop.set()
            for task in (worker, ticker, mailer):
                if task is not None:
                    await task
            await app.state.search.aclose()
            await db.close_context(ctx)
            app.state.tortoise = None

    graphql = GraphQLView(build_schema(settings), settings)
    app = Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/metrics", metrics),
            Route("/graphql", graphql, methods=["GET", "POST"]),
            Route("/workshops/{workshop_id:int}/progress.csv", workshop_progress_csv),
            Route("/unsubscribe", unsubscribe_page, methods=["GET"]),  # a page with a button: never on GET
            Route("/unsubscribe", unsubscribe_now, methods=["POST"]),  # RFC 8058 one-click, and the button
            Route("/admin/mail/raw/{name}", stored_mail_raw),  # one .eml of the embedded default, admins only
            Route("/reports/performance.csv", performance_report_csv),
            *IMPORT_ROUTES,  # POST /admin/import/jobs (the upload), GET /admin/import/jobs/{id} (progress)
            *attachments_http.routes(),  # POST /uploads, GET /files/{id}[/thumbnail]
            *OPENDATA_ROUTES,  # GET /export/agendas.csv, /export/agendas.json
            *frontend.routes(settings.frontend_dir),  # the web app at / and its routes (last: catch-all)
        ],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.tortoise = None
    app.state.metrics = Metrics()
    app.add_middleware(TortoiseContextMiddleware)
    app.add_middleware(GenerationAfterWriteMiddleware)
    app.add_middleware(RateLimitMiddleware, per_minute=settings.rate_limit_per_minute, burst=settings.rate_limit_burst,
                       secret=settings.secret,
                       shared_path=shared_dir / RATE_LIMIT_FILE if shared_dir is not None else None)
    # The upload routes read their bodies with server.upload_reader (streamed, at their file limits).
    app.add_middleware(BodyLimitMiddleware, upload_paths=frozenset({IMPORT_UPLOAD_PATH, attachments_http.UPLOAD_PATH}))
    # Text responses (the web app's scripts, /graphql, exports chunk by chunk) go out gzip-compressed
    # to clients that accept it; bodies under 500 bytes, images and fonts are left as they are.
    app.add_middleware(GZipMiddleware, minimum_size=500, compresslevel=6)
    app.add_middleware(LanguageMiddleware)  # the reader's language for every message of the request
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(HttpMetricsMiddleware)
    app.add_middleware(RequestIdMiddleware)  # outermost: every response and log record has the id
    return app
