"""Password reset by e-mail.

Asking for a reset answers the same whatever the address: whether it has an account is not for a
stranger to learn. The link is single-use, lives an hour, and is stored only as an HMAC; using it
sets the new password, spends every other reset link, and revokes every session and bearer token of
the account, because whoever asked may be recovering it from someone else. Receiving the link also
proves the address, so an unverified account becomes verified."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tortoise.transactions import in_transaction

from server.accounts import email_tokens
from server.accounts.models import AuthToken, User
from server.accounts.passwords import hash_password
from server.accounts.validation import check_password_strength, normalize_email, normalize_password
from server.accounts.verification import invalid_token
from server.errors import DomainError
from server.notifications.models import MailDelivery

REQUEST_INTERVAL = timedelta(minutes=1)


async def request_password_reset(email: str) -> None:
    """Queues a reset mail for an existing, active account (at most one a minute); does nothing, in
    the same time and with the same answer, for an address without one."""
    try:
        clean = normalize_email(email)
    except DomainError:
        clean = ""
    user = await User.get_or_none(email=clean) if clean else None
    now = datetime.now(timezone.utc)
    recent = await MailDelivery.filter(user_id=user.id if user else 0, purpose=email_tokens.RESET,
                                       created_at__gt=now - REQUEST_INTERVAL).exists()
    if user is None or not user.is_active or recent:
        return
    await MailDelivery.create(user_id=user.id, purpose=email_tokens.RESET, available_at=now)


async def reset_password(token: str, new_password: str, *, secret: str) -> User:
    # An invitation's link (server/accounts/invitation.py) sets the first password the same way.
    found = (await email_tokens.find(token, email_tokens.RESET, secret)
             or await email_tokens.find(token, email_tokens.INVITE, secret))
    user = await User.get_or_none(id=found.user_id) if found else None
    if found is None or user is None or not user.is_active:
        raise invalid_token()
    password = normalize_password(new_password)
    try:
        check_password_strength(password, email=user.email, display_name=user.display_name)
    except DomainError as exc:  # the token is not spent: the person tries another password
        raise DomainError(exc.code, exc.message, "newPassword") from None
    password_hash = await hash_password(password)
    now = datetime.now(timezone.utc)
    async with in_transaction() as conn:
        if not await email_tokens.spend(found, conn):
            raise invalid_token()
        await email_tokens.spend_all(user.id, email_tokens.RESET, conn)
        await email_tokens.spend_all(user.id, email_tokens.INVITE, conn)
        await AuthToken.filter(user_id=user.id, revoked_at=None).using_db(conn).update(revoked_at=now)
        changes = {"password_hash": password_hash, "updated_at": now}
        if user.email_verified_at is None:
            changes["email_verified_at"] = now
        await User.filter(id=user.id).using_db(conn).update(**changes)
    return await User.get(id=user.id)
