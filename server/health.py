"""Liveness and readiness. ``/readyz`` names what failed so an operator (or a load balancer's log)
knows where to look; it never echoes configuration such as URLs with credentials or keys."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse

from server.db import connection


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
    return JSONResponse(body, status_code=200 if not failed else 503)
