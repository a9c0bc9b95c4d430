"""Every HTTP request gets an id: the caller's ``X-Request-ID`` when it is sane (1–64 characters
of letters, digits and ``._:-``; a load balancer's or a client's trace id), otherwise a new one.
It is returned in the ``X-Request-ID`` response header, put on every log record written while the
request is served (``server.ops.logs``), and stored in the outbox rows the request wrote
(``server.search.outbox.enqueue`` reads ``current_request_id``), so an operator can follow one
request from the access log to the index update it caused.

The middleware also writes one access-log record per request (logger ``civic_agenda.access``,
INFO) with method, path, status and duration."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.ops.context import current_request_id

HEADER = "x-request-id"
_SANE = re.compile(r"^[A-Za-z0-9._:\-]{1,64}$")

access_log = logging.getLogger("civic_agenda.access")


def new_request_id() -> str:
    return uuid.uuid4().hex


def accept_request_id(raw: str | None) -> str:
    """The caller's id when it is safe to log and store (OutboxEntry.request_id holds 64), else a new one."""
    if raw and _SANE.match(raw):
        return raw
    return new_request_id()


class RequestIdMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = None
        for key, value in scope.get("headers", []):
            if key == b"x-request-id":
                incoming = value.decode("latin-1")
                break
        request_id = accept_request_id(incoming)
        scope.setdefault("state", {})["request_id"] = request_id
        token = current_request_id.set(request_id)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                headers.append((b"x-request-id", request_id.encode("latin-1")))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if access_log.isEnabledFor(logging.INFO):
                client = scope.get("client")
                access_log.info(
                    '%s %s %s', scope.get("method"), scope.get("path"), status,
                    extra={"http_method": scope.get("method"), "http_path": scope.get("path"), "http_status": status,
                           "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                           "client_ip": client[0] if client else None},
                )
            current_request_id.reset(token)
