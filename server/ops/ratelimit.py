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
hash. The buckets live in the process: with N server processes a client may get up to N times the
rate when the load balancer spreads its requests.

Memory is bounded: buckets that have refilled completely carry no information and are dropped when
the table grows past ``MAX_BUCKETS``."""

from __future__ import annotations

import hashlib
import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from server.accounts.request_auth import SESSION_COOKIE
from server.accounts.tokens import is_signed
from server.i18n import localize, msg

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
        else:
            b.tokens = min(self.capacity, b.tokens + (now - b.at) * self.rate)
            b.at = now
        cost = min(cost, self.capacity)  # a request dearer than the bucket could never pass
        if b.tokens >= cost:
            b.tokens -= cost
            return True, 0.0, b.tokens
        return False, (cost - b.tokens) / self.rate, b.tokens

    def _prune(self, now: float) -> None:
        full = self.capacity / self.rate if self.rate else math.inf
        stale = [k for k, b in self.buckets.items() if now - b.at >= full]
        for k in stale:
            del self.buckets[k]
        if len(self.buckets) >= MAX_BUCKETS:  # everyone is active: forget the oldest half
            for k, _ in sorted(self.buckets.items(), key=lambda kv: kv[1].at)[: MAX_BUCKETS // 2]:
                del self.buckets[k]


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
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.secret = secret
        self.buckets = TokenBuckets(per_minute, burst, clock=clock) if per_minute > 0 else None
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
