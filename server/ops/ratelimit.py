"""A per-client rate limit for the public API (``/graphql``) and the open-data export (``/export``).

A token bucket per client: it holds up to ``burst`` tokens (``AGENDA_RATE_LIMIT_BURST``, default
one minute's allowance) and refills at ``AGENDA_RATE_LIMIT_PER_MINUTE`` / 60 tokens a second. A
GraphQL request costs one token, an export ``EXPORT_COST`` (it reads every public agenda). An empty
bucket answers 429 with ``Retry-After`` (whole seconds until the request would be allowed) and a
message; nothing reaches the database. ``AGENDA_RATE_LIMIT_PER_MINUTE=0`` disables the limit.

Who is a client: the bearer token of ``Authorization`` (each token its own bucket, so a city
office's many users behind one NAT address do not share one), else the session cookie, else the
client address. A token or cookie chooses the bucket only when it carries this server's signature
(checked without a query, ``server.accounts.tokens.is_signed``): a made-up credential must not buy
its sender a fresh bucket, so it is counted against its address like any anonymous caller. The
address is the one the ASGI server reports (uvicorn rewrites it from ``X-Forwarded-For`` only for
the proxies listed in ``FORWARDED_ALLOW_IPS``; see docs/deployment.md). Tokens are kept only as a
hash.

Where the buckets live: alone, in the process (``TokenBuckets``; buckets that have refilled
completely carry no information and are dropped when the table grows past ``MAX_BUCKETS``). Behind
``agenda serve`` with several processes (``AGENDA_WORKERS``), in a fixed-size table in a file every
process maps (``SharedTokenBuckets``, ``server/ops/mapped_file.py``), so a client gets the rate
once, not once per process, whichever process answers it. The shared table is bounded too: a key
has ``PROBE`` places; when all hold other clients' buckets, the one that refilled first (or was
used longest ago) makes room. Across machines each one limits on its own (docs/deployment.md)."""

from __future__ import annotations

import hashlib
import json
import math
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from server.accounts.request_auth import SESSION_COOKIE
from server.accounts.tokens import is_signed
from server.i18n import localize, msg
from server.ops.mapped_file import MappedFile

EXPORT_COST = 10
UPLOAD_COST = 10  # an upload is decoded and re-encoded: as dear as an export (server/attachments/)
MAX_BUCKETS = 100_000
LIMITED_PREFIXES = ("/graphql", "/export", "/uploads", "/files")


@dataclass
class _Bucket:
    tokens: float
    at: float


class TokenBuckets:
    def __init__(self, per_minute: int, burst: int = 0, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst or per_minute)
        self.clock = clock
        self.buckets: dict[str, _Bucket] = {}

    def take(self, key: str, cost: float = 1.0) -> tuple[bool, float, float]:
        """(allowed, seconds until it would be allowed, tokens left)."""
        now = self.clock()
        b = self.buckets.get(key)
        if b is None:
            if len(self.buckets) >= MAX_BUCKETS:
                self._prune(now)
            b = self.buckets[key] = _Bucket(self.capacity, now)
        allowed, wait, b.tokens = _settle(b.tokens, b.at, now, self.rate, self.capacity, cost)
        b.at = now
        return allowed, wait, b.tokens

    def _prune(self, now: float) -> None:
        full = self.capacity / self.rate if self.rate else math.inf
        stale = [k for k, b in self.buckets.items() if now - b.at >= full]
        for k in stale:
            del self.buckets[k]
        if len(self.buckets) >= MAX_BUCKETS:  # everyone is active: forget the oldest half
            for k, _ in sorted(self.buckets.items(), key=lambda kv: kv[1].at)[: MAX_BUCKETS // 2]:
                del self.buckets[k]


def _settle(tokens: float, at: float, now: float, rate: float, capacity: float,
            cost: float) -> tuple[bool, float, float]:
    """A bucket last seen at ``at`` holding ``tokens``, asked for ``cost`` at ``now``: (allowed,
    seconds until it would be, tokens left)."""
    tokens = min(capacity, tokens + max(0.0, now - at) * rate)
    cost = min(cost, capacity)  # a request dearer than the bucket could never pass
    if tokens >= cost:
        return True, 0.0, tokens - cost
    return False, (cost - tokens) / rate, tokens


class SharedTokenBuckets:
    """The same buckets in a table every server process of the machine maps. A slot is (key hash,
    tokens, last seen); a key's slots are ``PROBE`` places from its hash. ``time.monotonic`` is the
    machine's clock (CLOCK_MONOTONIC), the same in every process."""

    SLOT = struct.Struct("Qdd")
    SLOTS = 1 << 17  # 131,072 buckets, 3 MB
    PROBE = 8

    def __init__(self, path, per_minute: int, burst: int = 0, *, fresh: bool = False,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = per_minute / 60.0
        self.capacity = float(burst or per_minute)
        self.clock = clock
        self.file = MappedFile(path, self.SLOT.size * self.SLOTS, fresh=fresh)

    def take(self, key: str, cost: float = 1.0) -> tuple[bool, float, float]:
        h = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little") or 1
        first = h % self.SLOTS
        size = self.SLOT.size
        with self.file.locked() as m:
            now = self.clock()
            place, tokens, at = None, self.capacity, now
            victim, victim_rank = first * size, math.inf
            for i in range(self.PROBE):
                offset = ((first + i) % self.SLOTS) * size
                k, t, seen = self.SLOT.unpack_from(m, offset)
                if k == h:
                    place, tokens, at = offset, t, seen
                    break
                if k == 0:  # slots are never emptied, so the key is not further along: take this one
                    place = offset
                    break
                # room is made from a bucket that refilled completely (it carries nothing), else the
                # one used longest ago
                rank = -math.inf if t + (now - seen) * self.rate >= self.capacity else seen
                if rank < victim_rank:
                    victim, victim_rank = offset, rank
            if place is None:
                place = victim
            allowed, wait, left = _settle(tokens, at, now, self.rate, self.capacity, cost)
            self.SLOT.pack_into(m, place, h, left, now)
        return allowed, wait, left


def _hash(value: bytes) -> str:
    return hashlib.sha256(value).hexdigest()[:32]


def client_key(scope: Scope, secret: str) -> str:
    cookie_header = b""
    for key, value in scope.get("headers", []):
        if key == b"authorization":
            scheme, _, token = value.partition(b" ")
            token = token.strip()
            if scheme.lower() == b"bearer" and token and is_signed(secret, token.decode("latin-1")):
                return "token:" + _hash(token)
        elif key == b"cookie":
            cookie_header = value
    if cookie_header:
        for part in cookie_header.split(b";"):
            name, _, value = part.strip().partition(b"=")
            if name == SESSION_COOKIE.encode() and value and is_signed(secret, value.decode("latin-1")):
                return "session:" + _hash(value)
    client = scope.get("client")
    return "ip:" + (client[0] if client else "unknown")


class RateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, per_minute: int, secret: str, burst: int = 0,
                 clock: Callable[[], float] = time.monotonic, shared_path=None) -> None:
        """``shared_path``: the buckets' file when several server processes share them (else in memory)."""
        self.app = app
        self.secret = secret
        if per_minute <= 0:
            self.buckets = None
        elif shared_path is not None:
            self.buckets = SharedTokenBuckets(shared_path, per_minute, burst, clock=clock)
        else:
            self.buckets = TokenBuckets(per_minute, burst, clock=clock)
        self.limit = int(burst or per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if self.buckets is None or scope["type"] != "http" or not path.startswith(LIMITED_PREFIXES):
            await self.app(scope, receive, send)
            return
        if scope.get("method") == "GET" and path == "/graphql" and not scope.get("query_string"):
            await self.app(scope, receive, send)  # the GraphiQL page itself, no operation
            return
        cost = EXPORT_COST if path.startswith("/export") else UPLOAD_COST if path.startswith("/uploads") else 1
        allowed, wait, left = self.buckets.take(client_key(scope, self.secret), cost)
        if allowed:
            remaining = str(int(left)).encode()

            async def send_with_headers(message):
                if message["type"] == "http.response.start":
                    message = {**message, "headers": list(message.get("headers", [])) + [
                        (b"ratelimit-limit", str(self.limit).encode()), (b"ratelimit-remaining", remaining)]}
                await send(message)

            await self.app(scope, receive, send_with_headers)
            return
        retry_after = max(1, math.ceil(wait))
        message = localize(msg("Too many requests: this client may make {burst} requests in a burst, refilled at "
                               "{rate} a minute (an export counts as {cost}). Retry after {seconds} s.",
                               burst=self.limit, rate=f"{self.buckets.rate * 60:g}", cost=EXPORT_COST,
                               seconds=retry_after))
        if path.startswith("/graphql"):
            body = {"data": None, "errors": [{"message": message, "extensions": {
                "code": "RATE_LIMITED", "retryAfterSeconds": retry_after}}]}
        else:
            body = {"error": {"code": "RATE_LIMITED", "message": message, "retryAfterSeconds": retry_after}}
        payload = json.dumps(body).encode()
        await send({"type": "http.response.start", "status": 429, "headers": [
            (b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode()),
            (b"retry-after", str(retry_after).encode()), (b"ratelimit-limit", str(self.limit).encode()),
            (b"ratelimit-remaining", b"0")]})
        await send({"type": "http.response.body", "body": payload})
