"""Draining the mail outbox: notifications whose ``email_state`` is ``pending`` and due, and unsent
``MailDelivery`` rows (verification, password reset, digest). Both were written in the transaction of
what caused them; this loop sends them, never a request.

Claiming: on PostgreSQL a batch is leased with ``FOR UPDATE SKIP LOCKED`` (its due time is pushed a
minute ahead in the same statement), so several workers never take the same row and no transaction
is held while talking to the SMTP server; on SQLite one worker runs in the server process. At least
once: a worker that dies after sending but before recording it leaves the lease to expire and the
mail is sent again — with the same Message-ID, so it is recognisable as the same message.

Failures: a transient one (SMTP down, 4xx, timeout) pushes the row back by a capped exponential
backoff; a permanent one (the server refuses the recipient with 5xx) marks it failed with the
server's answer, never retried. A mail whose recipient has since turned e-mail off, been disabled or
(for verification) already verified is dropped."""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta, timezone

from tortoise.expressions import F

from server.accounts import email_tokens
from server.accounts.models import User
from server.db import connection
from server.mail import compose
from server.mail.transports import Result, transport_for
from server.notifications.models import MailDelivery, Notification
from workers.loop import drain_until_stopped

log = logging.getLogger("civic_agenda.mailer")

LEASE = timedelta(seconds=60)
MAX_ATTEMPTS = 60  # at the 5-minute cap, about four hours of an unreachable server


class Mailer:
    def __init__(self, settings, transport=None, *, batch_size: int = 50, idle_interval: float = 0.25,
                 backoff_base: float = 2.0, backoff_cap: float = 300.0) -> None:
        # idle_interval: an idle worker looks again this often; it is most of the time from a
        # mutation to its mail reaching the SMTP server (target: 5 s at p99, bench/README.md).
        self.settings = settings
        self.transport = transport or transport_for(settings)
        self.batch_size = batch_size
        self.idle_interval = idle_interval
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.sent = 0
        self.failed = 0
        self.last_error: str | None = None

    def backoff(self, attempts: int) -> timedelta:
        return timedelta(seconds=min(self.backoff_cap, self.backoff_base * 2 ** max(0, attempts - 1)))

    # ------------------------------------------------------------------ claiming

    async def _claim(self, table: str, due_column: str, condition: str, now: datetime) -> list[int]:
        conn = connection()
        if conn.capabilities.dialect == "postgres":
            rows = await conn.execute_query_dict(
                f"UPDATE {table} SET {due_column} = $1 WHERE id IN (SELECT id FROM {table} WHERE {condition} "
                f"AND {due_column} <= $2 ORDER BY {due_column}, id LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING id",
                [now + LEASE, now, self.batch_size])
            return sorted(r["id"] for r in rows)
        if table == "notifications":
            q = Notification.filter(email_state="pending", email_due_at__lte=now)
            return list(await q.order_by("email_due_at", "id").limit(self.batch_size).values_list("id", flat=True))
        q = MailDelivery.filter(sent_at=None, failed_at=None, available_at__lte=now)
        return list(await q.order_by("available_at", "id").limit(self.batch_size).values_list("id", flat=True))

    # ------------------------------------------------------------------ one batch

    async def drain_once(self) -> int:
        """Send one batch of each kind; returns how many rows were settled (sent, failed or dropped)."""
        now = datetime.now(timezone.utc)
        notes = await self._claim("notifications", "email_due_at", "email_state = 'pending'", now)
        mails = await self._claim("mail_deliveries", "available_at", "sent_at IS NULL AND failed_at IS NULL", now)
        if not notes and not mails:
            return 0
        return await self._notifications(notes) + await self._deliveries(mails)

    async def _people(self, ids) -> dict[int, User]:
        return {u.id: u for u in await User.filter(id__in=sorted(set(ids)))}

    async def _notifications(self, ids: list[int]) -> int:
        if not ids:
            return 0
        rows = await Notification.filter(id__in=ids, email_state="pending").order_by("id")
        people = await self._people(r.user_id for r in rows)
        batch, settled = [], 0
        for row in rows:
            user = people.get(row.user_id)
            if user is None or not user.is_active or user.email_preference == "OFF" or user.email_verified_at is None:
                await Notification.filter(id=row.id, email_state="pending").update(email_state=None)
                settled += 1
                continue
            batch.append((row, compose.notification(row, user, self.settings)))
        results = await self.transport.send([m for _, m in batch]) if batch else []
        now = datetime.now(timezone.utc)
        sent = [row.id for (row, _), result in zip(batch, results) if result.ok]
        if sent:  # one statement for the usual case: every cost per row is paid again under load
            await Notification.filter(id__in=sent, email_state="pending").update(
                email_state="sent", emailed_at=now, email_error=None, email_attempts=F("email_attempts") + 1)
        for (row, _), result in zip(batch, results):
            settled += self._count(result, f"notification {row.id}")
            if result.ok:
                continue
            q = Notification.filter(id=row.id, email_state="pending")
            if result.permanent or row.email_attempts + 1 >= MAX_ATTEMPTS:
                await q.update(email_state="failed", email_error=result.error, email_attempts=row.email_attempts + 1)
            else:
                await q.update(email_due_at=now + self.backoff(row.email_attempts + 1), email_error=result.error,
                               email_attempts=row.email_attempts + 1)
        return settled

    async def _deliveries(self, ids: list[int]) -> int:
        if not ids:
            return 0
        rows = await MailDelivery.filter(id__in=ids, sent_at=None, failed_at=None).order_by("id")
        people = await self._people(r.user_id for r in rows)
        batch, settled = [], 0
        now = datetime.now(timezone.utc)
        for row in rows:
            user = people.get(row.user_id)
            message = await self._compose(row, user)
            if message is None:
                await MailDelivery.filter(id=row.id, sent_at=None).update(sent_at=now, last_error="not needed any more")
                settled += 1
                continue
            batch.append((row, message))
        results = await self.transport.send([m for _, m in batch]) if batch else []
        now = datetime.now(timezone.utc)
        for (row, _), result in zip(batch, results):
            q = MailDelivery.filter(id=row.id, sent_at=None, failed_at=None)
            if result.ok:
                await q.update(sent_at=now, last_error=None, attempts=row.attempts + 1)
                if row.purpose == "digest":
                    await Notification.filter(id__in=(row.params or {}).get("ids", []), email_state="digested").update(
                        emailed_at=now)
            elif result.permanent or row.attempts + 1 >= MAX_ATTEMPTS:
                await q.update(failed_at=now, last_error=result.error, attempts=row.attempts + 1)
            else:
                await q.update(available_at=now + self.backoff(row.attempts + 1), last_error=result.error,
                               attempts=row.attempts + 1)
            settled += self._count(result, f"mail {row.id} ({row.purpose})")
        return settled

    async def _compose(self, row: MailDelivery, user: User | None):
        """The message for a delivery, or None when it is no longer wanted. A link's token is made
        now, so a retry carries a fresh one (the earlier stays valid until it expires)."""
        if user is None or not user.is_active:
            return None
        secret = self.settings.secret
        if row.purpose == email_tokens.VERIFY:
            if user.email_verified_at is not None:
                return None
            return compose.verification(row, user, await email_tokens.issue(user.id, email_tokens.VERIFY, secret),
                                        self.settings)
        if row.purpose == email_tokens.RESET:
            return compose.password_reset(row, user, await email_tokens.issue(user.id, email_tokens.RESET, secret),
                                          self.settings)
        if row.purpose == email_tokens.INVITE:
            return compose.invitation(row, user, await email_tokens.issue(user.id, email_tokens.INVITE, secret),
                                      self.settings)
        if row.purpose == "digest":
            if user.email_preference == "OFF":
                return None
            notes = await Notification.filter(id__in=(row.params or {}).get("ids", [])).order_by("id")
            return compose.digest(row, user, notes, self.settings) if notes else None
        log.error("mail %s has unknown purpose %r; dropping it", row.id, row.purpose)
        return None

    def _count(self, result: Result, what: str) -> int:
        if result.ok:
            self.sent += 1
            return 1
        self.last_error = result.error
        if result.permanent:
            self.failed += 1
            log.warning("%s refused for good: %s", what, result.error)
            return 1
        log.warning("%s not sent, will retry: %s", what, result.error)
        return 0

    # ------------------------------------------------------------------ loops

    async def drain_all(self, *, timeout: float = 30.0) -> int:
        """Send until nothing is due now (tests, the bench); returns rows settled."""
        total, deadline = 0, asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            done = await self.drain_once()
            total += done
            if done == 0:
                return total
        return total

    async def run(self, stop: asyncio.Event) -> None:
        """The worker loop: send while there is mail, look again every ``idle_interval`` when idle."""
        log.info("mail worker sending through %s", self.transport.describe())
        await drain_until_stopped(self.drain_once, stop, idle_interval=self.idle_interval, log=log, what="mail drain")
