"""The id of the HTTP request being served, for log records and the outbox rows it writes.

A ContextVar set by ``server.ops.requestid.RequestIdMiddleware``: tasks started while serving a
request (and everything it awaits) see it; the outbox worker and CLI commands see None. This
module imports nothing of the project so that any layer may read it."""

from __future__ import annotations

from contextvars import ContextVar

current_request_id: ContextVar[str | None] = ContextVar("agenda_request_id", default=None)
