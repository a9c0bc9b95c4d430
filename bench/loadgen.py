"""A closed-loop HTTP load generator: C clients, each sending its next request as soon as the last
one is answered, until R requests have been timed.

Why closed-loop: it is what "p99 at 32 concurrent clients" (the listing target) describes — 32 browsers or
API clients each waiting for their page. A consequence worth keeping in mind when reading the
numbers: with one server process, latency at concurrency C is roughly C ÷ throughput, because
requests queue in the server. A p99 under 50 ms at C = 32 therefore needs well over 640 requests
a second, whatever the per-request cost at C = 1.

Two clients, same measurement (request written → whole body read, one keep-alive connection per
client, everything in this process while the server runs in another):

* ``raw`` (default): a minimal HTTP/1.1 client on asyncio streams, ~0.2 ms of CPU per request.
* ``httpx``: ``httpx.AsyncClient``. On this 2-core machine it costs ~1 ms of CPU per request at
  concurrency 1 and ~3 ms at 32, and its connection pool serves concurrent requests unevenly
  (encode/httpx#3215: anyio locks, every connection re-checked on each assignment). The client then
  competes with the server for the CPU and adds its own queueing, so p99 at 32 clients measured
  through httpx says more about httpx than about the server; it stays available as a cross-check.
"""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

CLIENTS = ("raw", "httpx")


@dataclass(frozen=True)
class Case:
    """One kind of request: ``GET path`` or ``POST path`` with a pre-encoded JSON body."""

    name: str
    method: str
    path: str
    body: bytes | None = None
    check_graphql: bool = False  # a GraphQL error still answers 200: look for "errors"

    def httpx_request(self, client: httpx.AsyncClient) -> httpx.Request:
        headers = {"content-type": "application/json"} if self.body is not None else None
        return client.build_request(self.method, self.path, content=self.body, headers=headers)

    def raw_request(self, host: str) -> bytes:
        lines = [f"{self.method} {self.path} HTTP/1.1", f"host: {host}", "accept: application/json"]
        if self.body is not None:
            lines += ["content-type: application/json", f"content-length: {len(self.body)}"]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + (self.body or b"")


@dataclass
class Result:
    case: str
    concurrency: int
    latencies: list[float] = field(default_factory=list)  # seconds, in completion order
    wall: float = 0.0
    errors: list[str] = field(default_factory=list)
    server_cpu_ms: float | None = None  # server CPU time per timed request, when it can be read

    def pct(self, q: float) -> float:
        """Nearest-rank percentile in milliseconds (p99 of 1,000 samples is the 10th slowest)."""
        s = sorted(self.latencies)
        return s[max(0, math.ceil(q * len(s)) - 1)] * 1000

    @property
    def p50(self) -> float:
        return self.pct(0.50)

    @property
    def p90(self) -> float:
        return self.pct(0.90)

    @property
    def p99(self) -> float:
        return self.pct(0.99)

    @property
    def mean(self) -> float:
        return sum(self.latencies) / len(self.latencies) * 1000

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.wall if self.wall else 0.0


# --------------------------------------------------------------------------- the raw client


class RawConnection:
    """One keep-alive HTTP/1.1 connection: write a request, read the status line, the headers and
    a Content-Length (or chunked) body. Just enough HTTP for uvicorn's answers; reconnects when
    the server closes the connection."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def send(self, request: bytes) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        try:
            self.writer.write(request)
            await self.writer.drain()
            head = await self.reader.readuntil(b"\r\n\r\n")
            status_line, *header_lines = head[:-4].split(b"\r\n")
            status = int(status_line.split(b" ", 2)[1])
            headers = {}
            for line in header_lines:
                name, _, value = line.partition(b":")
                headers[name.strip().lower()] = value.strip()
            if b"content-length" in headers:
                body = await self.reader.readexactly(int(headers[b"content-length"]))
            elif headers.get(b"transfer-encoding", b"").lower() == b"chunked":
                body = await self._read_chunked()
            else:
                raise ValueError("response has neither Content-Length nor chunked encoding")
            if headers.get(b"connection", b"").lower() == b"close":
                await self.close()
            return status, body
        except BaseException:
            await self.close()  # the stream is in an unknown state: start over next time
            raise

    async def _read_chunked(self) -> bytes:
        parts = []
        while True:
            size = int((await self.reader.readuntil(b"\r\n")).split(b";")[0], 16)
            if size == 0:
                await self.reader.readuntil(b"\r\n")  # no trailers from uvicorn
                return b"".join(parts)
            parts.append(await self.reader.readexactly(size))
            await self.reader.readexactly(2)

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            try:
                await self.writer.wait_closed()
            except OSError:
                pass
        self.reader = self.writer = None


# --------------------------------------------------------------------------- driving


def _check(case: Case, status: int, body: bytes, errors: list[str]) -> bool:
    if status != 200:
        errors.append(f"HTTP {status}: {body[:200]!r}")
        return False
    if case.check_graphql and b'"errors"' in body:
        errors.append(f"GraphQL errors: {body[:300]!r}")
        return False
    return True


async def _drive(send_for_worker: Callable[[int], Callable], case: Case, concurrency: int, total: int,
                 latencies: list[float] | None, errors: list[str]) -> None:
    remaining = total

    async def worker(i: int) -> None:
        nonlocal remaining
        send = send_for_worker(i)
        while remaining > 0:
            remaining -= 1  # no await between test and decrement: safe in one event loop
            t0 = time.perf_counter()
            try:
                status, body = await send()
            except (OSError, asyncio.IncompleteReadError, ValueError, httpx.HTTPError) as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
                continue
            elapsed = time.perf_counter() - t0
            if _check(case, status, body, errors) and latencies is not None:
                latencies.append(elapsed)

    await asyncio.gather(*(worker(i) for i in range(concurrency)))


async def run_case(base_url: str, case: Case, *, concurrency: int, requests: int, warmup: int,
                   client: str = "raw", cpu_probe: Callable[[], float | None] | None = None) -> Result:
    """Warm up (opens the connections, fills pools and caches on both sides; not timed), then time
    ``requests`` requests spread over ``concurrency`` clients. ``cpu_probe`` returns the server's CPU
    seconds so far; read before and after the timed part it gives CPU time per request."""
    result = Result(case=case.name, concurrency=concurrency)
    async with Clients(base_url, case, concurrency, client) as send_for_worker:
        await _drive(send_for_worker, case, concurrency, max(warmup, concurrency), None, result.errors)
        cpu0 = cpu_probe() if cpu_probe else None
        t0 = time.perf_counter()
        await _drive(send_for_worker, case, concurrency, requests, result.latencies, result.errors)
        result.wall = time.perf_counter() - t0
        cpu1 = cpu_probe() if cpu_probe else None
    if cpu0 is not None and cpu1 is not None and result.latencies:
        result.server_cpu_ms = (cpu1 - cpu0) / len(result.latencies) * 1000
    return result


class Clients:
    """``async with Clients(...) as for_worker``: ``for_worker(i)`` is worker i's ``send()``, which
    sends the case's request and returns (status, body). Raw: one connection per worker. httpx: one
    shared AsyncClient whose pool holds one connection per worker."""

    def __init__(self, base_url: str, case: Case, concurrency: int, client: str) -> None:
        if client not in CLIENTS:
            raise ValueError(f"client must be one of {CLIENTS}, got {client!r}")
        self.base_url, self.case, self.concurrency, self.client = base_url, case, concurrency, client
        self._httpx: httpx.AsyncClient | None = None
        self._conns: list[RawConnection] = []

    async def __aenter__(self):
        if self.client == "httpx":
            limits = httpx.Limits(max_connections=self.concurrency, max_keepalive_connections=self.concurrency)
            self._httpx = httpx.AsyncClient(base_url=self.base_url, limits=limits, timeout=60)
            http = self._httpx

            def for_worker(i: int):
                async def send() -> tuple[int, bytes]:
                    response = await http.send(self.case.httpx_request(http))
                    return response.status_code, response.content  # body read before the clock stops
                return send
            return for_worker

        parts = urlsplit(self.base_url)
        raw = self.case.raw_request(parts.netloc)
        self._conns = [RawConnection(parts.hostname, parts.port) for _ in range(self.concurrency)]

        def for_worker(i: int):
            conn = self._conns[i]

            async def send() -> tuple[int, bytes]:
                return await asyncio.wait_for(conn.send(raw), timeout=60)
            return send
        return for_worker

    async def __aexit__(self, *exc) -> None:
        if self._httpx is not None:
            await self._httpx.aclose()
        for conn in self._conns:
            await conn.close()
