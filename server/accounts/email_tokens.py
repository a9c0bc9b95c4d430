"""Single-use links sent by e-mail: verifying an address (7 days) and resetting a password (1 hour).

Like session tokens, the value is shown once (in the mail) and only its HMAC under the server secret
is stored. A token is spent by a conditional UPDATE (``used_at IS NULL``), so two clicks racing on
the same link succeed once."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta, timezone

from server.accounts.models import EmailToken

VERIFY = "verify"
RESET = "reset"
# An admin's invitation to a staff account: a set-password link like a reset, living as long as a
# verification link because the invitee may not read it within the hour.
INVITE = "invite"
LIFETIMES = {VERIFY: timedelta(days=7), RESET: timedelta(hours=1), INVITE: timedelta(days=7)}


def _digest(secret: str, purpose: str, value: str) -> str:
    return hmac.new(secret.encode(), f"email-{purpose}:{value}".encode(), hashlib.sha256).hexdigest()


async def issue(user_id: int, purpose: str, secret: str, using_db=None) -> str:
    value = secrets.token_urlsafe(32)
    await EmailToken.create(user_id=user_id, purpose=purpose, token_hash=_digest(secret, purpose, value),
                            expires_at=datetime.now(timezone.utc) + LIFETIMES[purpose], using_db=using_db)
    return value


async def find(value: str | None, purpose: str, secret: str) -> EmailToken | None:
    """The live token (unused, unexpired) with this value, or None."""
    if not value or len(value) > 200:
        return None
    return await EmailToken.filter(token_hash=_digest(secret, purpose, value), purpose=purpose, used_at=None,
                                   expires_at__gt=datetime.now(timezone.utc)).first()


async def spend(token: EmailToken, conn) -> bool:
    """Marks the token used; False when another request spent it first."""
    return bool(await EmailToken.filter(id=token.id, used_at=None).using_db(conn).update(
        used_at=datetime.now(timezone.utc)))


async def spend_all(user_id: int, purpose: str, conn) -> int:
    return await EmailToken.filter(user_id=user_id, purpose=purpose, used_at=None).using_db(conn).update(
        used_at=datetime.now(timezone.utc))
