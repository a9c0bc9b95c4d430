"""Opaque, revocable, expiring tokens.

A token is 32 random bytes shown to the client once; the database keeps only its HMAC under the
server secret, so neither a database dump nor a log line can be replayed. The same table backs
bearer tokens (API clients) and browser sessions (an HttpOnly cookie); a session's CSRF token is
derived from the session token, so it needs no storage and dies with the session.

A token carries its own signature (``<random>.<MAC of it>``): a value the server never issued is
recognised without a database query, so random tokens cannot make each request cost a lookup, and
the rate limiter can trust a token to name a client before any query (``server/ops/ratelimit.py``).
Tokens issued before signatures existed (no ``.``) are still looked up until they expire.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from server.accounts.models import AuthToken, User

BEARER = "bearer"
SESSION = "session"


def _digest(secret: str, token: str) -> str:
    return hmac.new(secret.encode(), token.encode(), hashlib.sha256).hexdigest()


def _signature(secret: str, body: str) -> str:
    mac = hmac.new(secret.encode(), b"token-signature:" + body.encode(), hashlib.sha256).digest()[:18]
    return base64.urlsafe_b64encode(mac).decode()


def is_signed(secret: str, value: str) -> bool:
    """Whether this server issued the value (CPU only, constant time). It may still be expired,
    revoked or its account disabled: only ``authenticate`` knows that."""
    body, dot, signature = value.rpartition(".")
    return bool(dot and body) and hmac.compare_digest(_signature(secret, body).encode(), signature.encode())


def csrf_token_for(secret: str, session_token: str) -> str:
    return hmac.new(secret.encode(), b"csrf:" + session_token.encode(), hashlib.sha256).hexdigest()


def csrf_matches(secret: str, session_token: str, presented: str | None) -> bool:
    return bool(presented) and hmac.compare_digest(csrf_token_for(secret, session_token), presented)


@dataclass(frozen=True)
class IssuedToken:
    value: str
    record: AuthToken


def now() -> datetime:
    return datetime.now(timezone.utc)


async def issue(user: User, *, secret: str, kind: str, ttl: timedelta) -> IssuedToken:
    body = secrets.token_urlsafe(32)
    value = f"{body}.{_signature(secret, body)}"
    record = await AuthToken.create(
        user=user, token_hash=_digest(secret, value), kind=kind, expires_at=now() + ttl
    )
    return IssuedToken(value=value, record=record)


async def authenticate(value: str | None, *, secret: str, kind: str | None = None) -> tuple[User, AuthToken] | None:
    """The active user a token belongs to, or None when it is unknown, expired, revoked or the
    account is disabled. One query: the token joined to its user."""
    if not value or len(value) > 200:
        return None
    if "." in value and not is_signed(secret, value):
        return None  # forged or from another server: no query
    record = (
        await AuthToken.filter(token_hash=_digest(secret, value), revoked_at=None, expires_at__gt=now())
        .select_related("user")
        .first()
    )
    if record is None or not record.user.is_active:
        return None
    if kind is not None and record.kind != kind:
        return None
    return record.user, record


async def revoke(record: AuthToken) -> None:
    await AuthToken.filter(id=record.id, revoked_at=None).update(revoked_at=now())


async def revoke_all(user: User) -> int:
    return await AuthToken.filter(user_id=user.id, revoked_at=None).update(revoked_at=now())
