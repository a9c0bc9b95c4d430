"""Request metrics for ``GET /metrics`` (Prometheus text format), kept in the serving process.

* ``agenda_graphql_operations_total{operation,type,outcome}`` and the histogram
  ``agenda_graphql_operation_duration_seconds{operation,type}``: one observation per GraphQL
  operation (each operation of a batch counts), by operation name — or, for an unnamed operation,
  ``anonymous:`` and its root fields (``anonymous:agendas``). ``outcome`` is ``ok`` or ``error``
  (any error in the result, including validation and limit errors). Recorded by the schema
  extension ``OperationMetrics`` (installed in ``schema/build.py``).
* ``agenda_http_requests_total{route,method,status}`` and the histogram
  ``agenda_http_request_duration_seconds{route,method}``: every HTTP request by its route
  template (``/graphql``, ``/export/agendas.csv``, …; ``other`` for paths no route matched).
* ``agenda_database_pool_*``: connections of the PostgreSQL pool (size, idle, max); SQLite has
  one connection and reports ``agenda_database_pool_size 1``.

Label values are bounded: operation names are reduced to ``[A-Za-z0-9_:,]`` and at most
``MAX_OPERATIONS`` distinct ones are tracked (later ones count as ``other``), so a client sending
random operation names cannot grow the process's memory. Each process keeps its own numbers; with
several server processes, scrape each one (docs/deployment.md)."""

from __future__ import annotations

import re
import time
from collections import defaultdict

from graphql import FieldNode, OperationDefinitionNode
from strawberry.extensions import SchemaExtension
from starlette.types import ASGIApp, Receive, Scope, Send

BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
MAX_OPERATIONS = 500
_UNSAFE = re.compile(r"[^A-Za-z0-9_:,]")


class _Histogram:
    __slots__ = ("counts", "sum", "count")

    def __init__(self) -> None:
        self.counts = [0] * len(BUCKETS)
        self.sum = 0.0
        self.count = 0

    def observe(self, value: float) -> None:
        for i, bound in enumerate(BUCKETS):
            if value <= bound:
                self.counts[i] += 1
        self.sum += value
        self.count += 1


def _labels(names: tuple[str, ...], values: tuple[str, ...], extra: str = "") -> str:
    parts = [f'{n}="{_escape(v)}"' for n, v in zip(names, values)]
    if extra:
        parts.append(extra)
    return "{" + ",".join(parts) + "}"


def _escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


class Metrics:
    """The process's request metrics (one per application: ``app.state.metrics``)."""

    def __init__(self) -> None:
        self.http_count: dict[tuple[str, str, str], int] = defaultdict(int)
        self.http_time: dict[tuple[str, str], _Histogram] = defaultdict(_Histogram)
        self.gql_count: dict[tuple[str, str, str], int] = defaultdict(int)
        self.gql_time: dict[tuple[str, str], _Histogram] = defaultdict(_Histogram)
        self._operations: set[str] = set()

    def operation_label(self, name: str) -> str:
        name = _UNSAFE.sub("_", name)[:100] or "anonymous"
        if name not in self._operations:
            if len(self._operations) >= MAX_OPERATIONS:
                return "other"
            self._operations.add(name)
        return name

    def observe_http(self, route: str, method: str, status: int, seconds: float) -> None:
        self.http_count[(route, method, str(status))] += 1
        self.http_time[(route, method)].observe(seconds)

    def observe_graphql(self, operation: str, op_type: str, outcome: str, seconds: float) -> None:
        operation = self.operation_label(operation)
        self.gql_count[(operation, op_type, outcome)] += 1
        self.gql_time[(operation, op_type)].observe(seconds)

    def render(self) -> list[str]:
        lines: list[str] = []
        self._counter(lines, "agenda_graphql_operations_total", "GraphQL operations by name, type and outcome.",
                      ("operation", "type", "outcome"), self.gql_count)
        self._histogram(lines, "agenda_graphql_operation_duration_seconds", "GraphQL operation latency.",
                        ("operation", "type"), self.gql_time)
        self._counter(lines, "agenda_http_requests_total", "HTTP requests by route, method and status.",
                      ("route", "method", "status"), self.http_count)
        self._histogram(lines, "agenda_http_request_duration_seconds", "HTTP request latency (to the last byte).",
                        ("route", "method"), self.http_time)
        return lines

    @staticmethod
    def _counter(lines, name, help_, names, values) -> None:
        lines += [f"# HELP {name} {help_}", f"# TYPE {name} counter"]
        for key in sorted(values):
            lines.append(f"{name}{_labels(names, key)} {values[key]}")

    @staticmethod
    def _histogram(lines, name, help_, names, values) -> None:
        lines += [f"# HELP {name} {help_}", f"# TYPE {name} histogram"]
        for key in sorted(values):
            h = values[key]
            for bound, count in zip(BUCKETS, h.counts):
                le = 'le="%g"' % bound
                lines.append(f"{name}_bucket{_labels(names, key, le)} {count}")
            inf = 'le="+Inf"'
            lines.append(f"{name}_bucket{_labels(names, key, inf)} {h.count}")
            lines.append(f"{name}_sum{_labels(names, key)} {h.sum:.6f}")
            lines.append(f"{name}_count{_labels(names, key)} {h.count}")


def pool_lines() -> list[str]:
    """Database connection use of the current Tortoise context (cheap: no query)."""
    from server.db import connection

    try:
        conn = connection()
    except Exception:  # noqa: BLE001 - no database context: nothing to report
        return []
    lines: list[str] = []

    def gauge(name: str, help_: str, value) -> None:
        lines.extend([f"# HELP {name} {help_}", f"# TYPE {name} gauge", f"{name} {value}"])

    pool = getattr(conn, "_pool", None)
    if pool is not None and hasattr(pool, "get_size"):
        size, idle = pool.get_size(), pool.get_idle_size()
        gauge("agenda_database_pool_size", "Open connections in the database pool.", size)
        gauge("agenda_database_pool_idle", "Idle connections in the database pool.", idle)
        gauge("agenda_database_pool_in_use", "Connections in use.", size - idle)
        gauge("agenda_database_pool_max", "Largest pool size allowed.", pool.get_max_size())
    elif conn.capabilities.dialect == "sqlite":
        gauge("agenda_database_pool_size", "Open connections to the database (SQLite: one).", 1)
    return lines


# --------------------------------------------------------------------------- collection


class HttpMetricsMiddleware:
    """Counts and times every HTTP request by route template (``scope['route']``, set by the router)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_status(message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, send_status)
        finally:
            metrics = getattr(scope["app"].state, "metrics", None) if scope.get("app") else None
            if metrics is not None:
                route = scope.get("route")
                path = getattr(route, "path", None) or "other"
                method = scope.get("method", "GET")
                metrics.observe_http(path, method if method in ("GET", "POST", "HEAD") else "other", status,
                                     time.perf_counter() - started)


def _root_fields(execution_context) -> str:
    doc = execution_context.graphql_document
    if doc is None:
        return ""
    wanted = execution_context.operation_name
    for d in doc.definitions:
        if isinstance(d, OperationDefinitionNode) and (wanted is None or (d.name and d.name.value == wanted)):
            return ",".join(sorted({s.name.value for s in d.selection_set.selections if isinstance(s, FieldNode)}))
    return ""


class OperationMetrics(SchemaExtension):
    """Times each GraphQL operation into ``request.app.state.metrics``."""

    def on_operation(self):
        started = time.perf_counter()
        yield
        ec = self.execution_context
        request = getattr(ec.context, "request", None)
        metrics = getattr(request.app.state, "metrics", None) if request is not None else None
        if metrics is None:
            return
        try:
            op_type = ec.operation_type.value
        except Exception:  # noqa: BLE001 - no parsable document (syntax or token-limit error)
            op_type = "unknown"
        name = ec.operation_name or ("anonymous:" + _root_fields(ec) if ec.graphql_document else "invalid")
        errors = bool(ec.pre_execution_errors) or bool(ec.result is not None and ec.result.errors)
        request.state.operation_label = name  # a shared anonymous answer is counted under it too (schema/view.py)
        metrics.observe_graphql(name, op_type, "error" if errors else "ok", time.perf_counter() - started)
