"""Liveness and readiness. ``/readyz`` names what failed so an operator (or a load balancer's log)
knows where to look; it never echoes configuration such as URLs with credentials or keys."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse

from server.db import connection
from server.ops.metrics import pool_lines
from server.search.outbox import outbox_stats


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def _check_database() -> None:
    await connection().execute_query("SELECT 1")


async def readyz(request: Request) -> JSONResponse:
    engine = request.app.state.search
    checks: dict[str, dict] = {}
    for name, probe in (("database", _check_database), ("search", engine.check)):
        try:
            await asyncio.wait_for(probe(), timeout=3)
            checks[name] = {"ok": True}
        except Exception as exc:  # any failure means "not ready"; the kind of error is enough
            checks[name] = {"ok": False, "error": type(exc).__name__}
    failed = [name for name, c in checks.items() if not c["ok"]]
    body = {"status": "ready" if not failed else "unavailable", "failed": failed, "checks": checks}
    if checks["database"]["ok"]:
        # Not a readiness condition (writes succeed while search is behind), but an operator's first question.
        body["outbox"] = await outbox_stats()
    return JSONResponse(body, status_code=200 if not failed else 503)


async def metrics(request: Request) -> PlainTextResponse:
    """Prometheus text format: outbox and search state here, request metrics and pool use from
    ``server.ops.metrics``."""
    state = request.app.state
    lines: list[str] = []

    def gauge(name: str, help_: str, value, kind: str = "gauge") -> None:
        lines.extend([f"# HELP {name} {help_}", f"# TYPE {name} {kind}", f"{name} {value}"])

    try:
        stats = await outbox_stats()
        gauge("agenda_outbox_depth", "Outbox entries waiting to be indexed.", stats["depth"])
        gauge("agenda_outbox_oldest_age_seconds", "Age of the oldest waiting outbox entry.", stats["oldest_age_seconds"])
        gauge("agenda_database_up", "Whether the database answered.", 1)
    except Exception:  # noqa: BLE001 - the metrics page must render even when the database does not
        gauge("agenda_database_up", "Whether the database answered.", 0)
    gauge("agenda_search_degraded", "1 while search answers from the database.", int(state.search.degraded))
    gauge("agenda_indexer_processed_total", "Outbox entries indexed by this process.", state.indexer.processed, "counter")
    gauge("agenda_indexer_failures_total", "Failed indexing batches in this process.", state.indexer.failures, "counter")
    lines.extend(pool_lines())  # database pool use (server/ops/metrics.py)
    if getattr(state, "metrics", None) is not None:
        lines.extend(state.metrics.render())  # per-operation and per-route request counts and latency
    return PlainTextResponse("\n".join(lines) + "\n", media_type="text/plain; version=0.0.4")
