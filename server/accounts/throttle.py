"""Login throttling: a password guesser is slowed down, its victim is not locked out for long.

Every failed login is counted under three keys, each forgotten after ``WINDOW`` without a new
failure:

* the address at the account — a guesser's own address: 5 free failures, then it must wait 30 s,
  doubling with each further failure up to 15 minutes;
* the address, whatever the account — credential stuffing across many accounts: 20 free, then the
  same growing wait;
* the account, from anywhere — a guesser spread over many addresses: 10 free, then 5 s doubling up
  to 60 s. This is all an attacker can impose on the account's owner, who logs in from an address
  that has not failed: at most a minute's wait, never a lock of hours.

A refused attempt does not check the password and is not counted, so waiting is the only way on.
A successful login forgets the account's and the pair's failures. The counts live in a database
table, so several server processes share them at the price of a few small writes per *failed*
login; a successful login from a clean address costs one read. E-mail addresses are kept only as a
keyed hash."""

from __future__ import annotations

import hashlib
import hmac
import math
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from server.accounts.errors import AccountErrorCode as C
from server.accounts.models import LoginThrottle
from server.errors import DomainError
from server.i18n import msg

WINDOW = timedelta(minutes=30)


@dataclass(frozen=True)
class Rule:
    free: int  # failures answered without delay
    base_seconds: float  # the wait after the first failure beyond them, doubling with each further one
    cap_seconds: float

    def wait(self, failures: int, since_last: float) -> float:
        if failures < self.free:
            return 0.0
        delay = min(self.cap_seconds, self.base_seconds * 2 ** min(failures - self.free, 20))
        return max(0.0, delay - since_last)


PAIR = Rule(free=5, base_seconds=30, cap_seconds=15 * 60)
ADDRESS = Rule(free=20, base_seconds=30, cap_seconds=15 * 60)
ACCOUNT = Rule(free=10, base_seconds=5, cap_seconds=60)


class TooManyAttempts(DomainError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(
            C.TOO_MANY_ATTEMPTS,
            msg("Too many login attempts: try again in {seconds} s.", seconds=retry_after),
            None,
        )
        self.retry_after = retry_after


def now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Attempt:
    """The keys one login attempt is counted under."""

    account: str
    pair: str | None
    address: str | None

    @classmethod
    def of(cls, *, secret: str, email: str, address: str | None) -> "Attempt":
        account = hmac.new(secret.encode(), b"login:" + email.encode(), hashlib.sha256).hexdigest()[:40]
        if not address:
            return cls(account=f"account:{account}", pair=None, address=None)
        place = hashlib.sha256(address.encode()).hexdigest()[:16]
        return cls(account=f"account:{account}", pair=f"pair:{account}:{place}", address=f"address:{place}")

    def rules(self) -> dict[str, Rule]:
        keys = {self.account: ACCOUNT}
        if self.pair and self.address:
            keys[self.pair] = PAIR
            keys[self.address] = ADDRESS
        return keys


async def refuse_if_throttled(attempt: Attempt) -> None:
    """Raise ``TooManyAttempts`` (with the whole seconds to wait) before the password is checked."""
    rules = attempt.rules()
    at = now()
    wait = 0.0
    for row in await LoginThrottle.filter(key__in=list(rules)):
        since_last = (at - row.last_failure_at).total_seconds()
        if since_last < WINDOW.total_seconds():
            wait = max(wait, rules[row.key].wait(row.failures, since_last))
    if wait > 0:
        raise TooManyAttempts(max(1, math.ceil(wait)))


async def record_failure(attempt: Attempt) -> None:
    """Count a failure under every key: one atomic UPDATE each (a count older than the window
    starts again at 1), an INSERT for a key seen for the first time."""
    at = now()
    cutoff = at - WINDOW
    for key in attempt.rules():
        if await LoginThrottle.filter(key=key, last_failure_at__lt=cutoff).update(failures=1, last_failure_at=at):
            continue
        if await LoginThrottle.filter(key=key).update(failures=F("failures") + 1, last_failure_at=at):
            continue
        try:
            await LoginThrottle.create(key=key, failures=1, last_failure_at=at)
        except IntegrityError:  # another process inserted it first
            await LoginThrottle.filter(key=key).update(failures=F("failures") + 1, last_failure_at=at)
    await LoginThrottle.filter(last_failure_at__lt=cutoff).delete()  # forgotten counts carry nothing


async def record_success(attempt: Attempt) -> None:
    keys = [k for k in (attempt.account, attempt.pair) if k]
    await LoginThrottle.filter(key__in=keys).delete()
