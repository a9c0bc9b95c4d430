"""One-click unsubscribe (RFC 8058). The link carries a token naming the user and the purpose,
signed with the server secret, so it needs no table and cannot be forged or pointed at someone else.
It never expires: a mail read months later must still let its reader stop the next one.

Unsubscribing only ever happens on POST (the mail client's one-click request, or the button on the
confirmation page): mail scanners follow every link in a message with GET."""

from __future__ import annotations

import base64
import hashlib
import hmac
from datetime import datetime, timezone

from server.accounts.models import User

PURPOSE = "unsubscribe"


def _signature(secret: str, user_id: int) -> str:
    digest = hmac.new(secret.encode(), f"{PURPOSE}:{user_id}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")


def token_for(secret: str, user_id: int) -> str:
    return f"{user_id}.{_signature(secret, user_id)}"


def user_id_from(secret: str, token: str | None) -> int | None:
    """The user a token was made for, or None when it is malformed or its signature is wrong."""
    if not token or len(token) > 100:
        return None
    raw_id, _, signature = token.partition(".")
    if not raw_id.isascii() or not raw_id.isdigit() or not 0 < int(raw_id) < 2**31:
        return None
    user_id = int(raw_id)
    if not hmac.compare_digest(_signature(secret, user_id), signature):
        return None
    return user_id


def url_for(base_url: str, secret: str, user_id: int) -> str:
    return f"{base_url}/unsubscribe?token={token_for(secret, user_id)}"


async def account_for(secret: str, token: str | None) -> User | None:
    user_id = user_id_from(secret, token)
    return await User.get_or_none(id=user_id) if user_id is not None else None


async def unsubscribe(secret: str, token: str | None) -> User | None:
    """Turns e-mail OFF for the token's user (idempotent); None when the token is not valid. Mail
    already waiting for them is dropped by the mail worker, which reads the preference at send time."""
    user = await account_for(secret, token)
    if user is None:
        return None
    if user.email_preference != "OFF":
        await User.filter(id=user.id).update(email_preference="OFF", updated_at=datetime.now(timezone.utc))
        user.email_preference = "OFF"
    return user
