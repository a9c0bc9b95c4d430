"""Proving an address: the link mailed at registration (or again on request) marks the account
verified. Proposing and supporting need a verified address, so that a person is one account and a
support count means people, not throwaway addresses."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tortoise.transactions import in_transaction

from server.accounts import email_tokens
from server.accounts.errors import AccountErrorCode as C
from server.accounts.models import User
from server.errors import DomainError
from server.notifications.models import MailDelivery

RESEND_INTERVAL = timedelta(minutes=1)


def invalid_token() -> DomainError:
    return DomainError(C.INVALID_TOKEN, "This link is not valid: it expired, was already used or was mistyped. "
                                        "Ask for a new one.", "token")


async def verify_email(token: str, *, secret: str) -> User:
    """Marks the token's account verified and spends the token; a second click is INVALID_TOKEN."""
    found = await email_tokens.find(token, email_tokens.VERIFY, secret)
    if found is None:
        raise invalid_token()
    now = datetime.now(timezone.utc)
    async with in_transaction() as conn:
        if not await email_tokens.spend(found, conn):
            raise invalid_token()
        await User.filter(id=found.user_id, email_verified_at=None).using_db(conn).update(
            email_verified_at=now, updated_at=now)
    return await User.get(id=found.user_id)


async def request_email_verification(user: User | None) -> None:
    """Sends the verification link again (at most once a minute): the first may be lost or expired."""
    if user is None:
        raise DomainError(C.NOT_AUTHENTICATED, "Log in to ask for a new verification link.")
    if user.email_verified_at is not None:
        raise DomainError(C.ALREADY_VERIFIED, "Your e-mail address is already verified.")
    now = datetime.now(timezone.utc)
    if await MailDelivery.filter(user_id=user.id, purpose=email_tokens.VERIFY,
                                 created_at__gt=now - RESEND_INTERVAL).exists():
        raise DomainError(C.RATE_LIMITED, "A link was sent less than a minute ago; check your inbox, "
                                          "or ask again in a minute.")
    await MailDelivery.create(user_id=user.id, purpose=email_tokens.VERIFY, available_at=now)
