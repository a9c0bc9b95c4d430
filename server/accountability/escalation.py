"""The scheduler's tick: reminders before an answer deadline, escalation after it, and the progress
notices accepted agendas owe, and the 08:00 daily digests (server/mail/digest.py).

Each step claims an agenda with a conditional UPDATE (``... WHERE escalated_for IS NULL``) in the
transaction that also writes its history event and notifications (a transaction holds up to
``PER_TRANSACTION`` claims, to commit less often), so a reminder or an escalation
happens exactly once per due date however many workers tick at once (the loser's UPDATE changes no
row), and never half (the notifications commit with the claim). A new due date (a reroute, an
answer after a question) clears the claims, so the new date gets its own reminder and escalation.

Memory stays constant over any number of agendas: agendas are read in id-ordered batches of the
few columns needed, through the ``answer_due_at`` / ``progress_due_at`` indexes."""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tortoise.transactions import in_transaction

from server.accountability.deadlines import WAITING_FOR_DECISION, owes_answer_q
from server.accountability.policy import current
from server.agendas import history
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda
from server.notifications import fanout
from server.notifications.catalogue import Kind
from server.mail.digest import queue_digests

BATCH = 500
PER_TRANSACTION = 50
_OWES_PROGRESS = (S.ACCEPTED.value, S.IN_PROGRESS.value)


def _what_is_owed(status: str) -> str:
    return "DECISION" if status in WAITING_FOR_DECISION else "OFFICIAL_ANSWER"


@dataclass
class TickReport:
    reminded: int = 0
    escalated: int = 0
    progress_due: int = 0
    digests: int = 0
    seconds: float = 0.0


async def _batches(q, columns):
    last = 0
    while True:
        rows = await q.filter(id__gt=last).order_by("id").limit(BATCH).values("id", *columns)
        if not rows:
            return
        yield rows
        last = rows[-1]["id"]


def reminder_horizon(now: datetime) -> datetime:
    """Due dates up to the end of the ``reminder_working_days``-th working day after today get
    their reminder now (3 working days before, by default)."""
    policy = current()
    tomorrow = policy.calendar.end_of(policy.calendar.local_date(now) + timedelta(days=1))
    return policy.calendar.add_working_days(tomorrow, policy.reminder_working_days)


async def tick(now: datetime | None = None) -> TickReport:
    # In UTC: SQLite stores instants as UTC text and compares them as text, so a bound written with
    # another offset (agenda tick --now 2026-12-10T09:00+09:00) would compare wrongly.
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    started = time.perf_counter()
    report = TickReport()
    report.escalated = await _escalate(now)
    report.reminded = await _remind(now)
    report.progress_due = await _progress_notices(now)
    report.digests = await queue_digests(now, current().calendar.tz)
    report.seconds = time.perf_counter() - started
    return report


async def _claim_each(q, columns, step) -> int:
    """Run ``step(row, conn)`` for every row, ``PER_TRANSACTION`` rows to a transaction: one commit
    (one disk sync on SQLite) per group instead of per agenda. Each claim is still its own
    conditional UPDATE, so exactly-once holds; a failure rolls its group back for the next tick."""
    done = 0
    async for rows in _batches(q, columns):
        for start in range(0, len(rows), PER_TRANSACTION):
            async with in_transaction() as conn:
                for row in rows[start:start + PER_TRANSACTION]:
                    done += await step(row, conn)
    return done


async def _escalate(now: datetime) -> int:
    async def escalate(row, conn) -> int:
        due = row["answer_due_at"]
        claimed = await Agenda.filter(owes_answer_q(), id=row["id"], answer_due_at=due,
                                      escalated_for__isnull=True).using_db(conn).update(
            escalated_for=due, overdue=True, updated_at=now)
        if not claimed:
            return 0  # another worker escalated it, or it was decided (or answered) meanwhile
        # The event's fan-out notifies the officer and the owner's staff (server/notifications).
        await history.record(row["id"], EventKind.ESCALATED, actor=None,
                             data={"due": due.isoformat(), "owed": _what_is_owed(row["status"])}, using_db=conn)
        return 1

    q = Agenda.filter(owes_answer_q(), answer_due_at__lt=now, escalated_for__isnull=True)
    return await _claim_each(q, ("answer_due_at", "status"), escalate)


async def _remind(now: datetime) -> int:
    async def remind(row, conn) -> int:
        due = row["answer_due_at"]
        claimed = await Agenda.filter(id=row["id"], answer_due_at=due, reminded_for__isnull=True).using_db(
            conn).update(reminded_for=due)
        if not claimed:
            return 0
        facts = await fanout.agenda_facts(row["id"], conn)
        await fanout.notify(await fanout.owner_staff(facts, conn), Kind.DEADLINE_REMINDER, row["id"],
                            {**fanout.base_params(facts), "owed": _what_is_owed(row["status"])}, conn)
        return 1

    q = Agenda.filter(owes_answer_q(), answer_due_at__gte=now, answer_due_at__lte=reminder_horizon(now),
                      reminded_for__isnull=True)
    return await _claim_each(q, ("answer_due_at", "status"), remind)


async def _progress_notices(now: datetime) -> int:
    async def notice(row, conn) -> int:
        due = row["progress_due_at"]
        claimed = await Agenda.filter(id=row["id"], progress_due_at=due,
                                      progress_reminded_for__isnull=True).using_db(conn).update(
            progress_reminded_for=due)
        if not claimed:
            return 0
        facts = await fanout.agenda_facts(row["id"], conn)
        since = due - timedelta(days=current().progress_notice_days)
        await fanout.notify(await fanout.owner_staff(facts, conn), Kind.PROGRESS_DUE, row["id"],
                            {**fanout.base_params(facts), "since": since.isoformat()}, conn)
        return 1

    q = Agenda.filter(progress_due_at__lt=now, progress_reminded_for__isnull=True, status__in=_OWES_PROGRESS)
    return await _claim_each(q, ("progress_due_at",), notice)
