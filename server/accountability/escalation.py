"""The scheduler's tick: reminders before an answer deadline, escalation after it, the progress
notices accepted agendas owe, and the 08:00 daily digests (server/mail/digest.py).

Each step claims an agenda with a conditional UPDATE (``... WHERE escalated_for IS NULL``) in the
transaction that also writes its history event and notifications, so a reminder or an escalation
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

from server.accountability.policy import current
from server.agendas import history
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda
from server.mail.digest import queue_digests
from server.notifications import fanout
from server.notifications.catalogue import Kind

BATCH = 500
_OPEN_WAIT = (S.IN_TRIAGE.value, S.SUBMITTED.value)
_OWES_PROGRESS = (S.ACCEPTED.value, S.IN_PROGRESS.value)


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


async def _claim_each(q, due_field: str, claim_field: str, act, *, also: dict | None = None,
                      claim_filter: dict | None = None) -> int:
    """For each agenda ``q`` finds: claim it for its current due date — a conditional UPDATE setting
    ``claim_field`` to that date, which one worker wins — then ``act(agenda_id, due, conn)`` in the
    same transaction. Returns how many this worker claimed."""
    done = 0
    async for rows in _batches(q, (due_field,)):
        for row in rows:
            due = row[due_field]
            async with in_transaction() as conn:
                claimed = await Agenda.filter(id=row["id"], **{due_field: due, f"{claim_field}__isnull": True},
                                              **(claim_filter or {})).using_db(conn).update(
                    **{claim_field: due}, **(also or {}))
                if not claimed:
                    continue  # another worker claimed it, or it was decided meanwhile
                await act(row["id"], due, conn)
            done += 1
    return done


async def _escalate(now: datetime) -> int:
    async def escalate(agenda_id: int, due: datetime, conn) -> None:
        # The event's fan-out notifies the officer and the owner's staff (server/notifications).
        await history.record(agenda_id, EventKind.ESCALATED, actor=None, data={"due": due.isoformat()}, using_db=conn)

    q = Agenda.filter(answer_due_at__lt=now, escalated_for__isnull=True, status__in=_OPEN_WAIT)
    return await _claim_each(q, "answer_due_at", "escalated_for", escalate, also={"overdue": True, "updated_at": now},
                             claim_filter={"status__in": _OPEN_WAIT})


async def _remind(now: datetime) -> int:
    async def remind(agenda_id: int, due: datetime, conn) -> None:
        facts = await fanout.agenda_facts(agenda_id, conn)
        await fanout.notify(await fanout.owner_staff(facts, conn), Kind.DEADLINE_REMINDER, agenda_id,
                            fanout.base_params(facts), conn)

    q = Agenda.filter(answer_due_at__gte=now, answer_due_at__lte=reminder_horizon(now), reminded_for__isnull=True,
                      status__in=_OPEN_WAIT)
    return await _claim_each(q, "answer_due_at", "reminded_for", remind)


async def _progress_notices(now: datetime) -> int:
    async def notice(agenda_id: int, due: datetime, conn) -> None:
        facts = await fanout.agenda_facts(agenda_id, conn)
        since = due - timedelta(days=current().progress_notice_days)
        await fanout.notify(await fanout.owner_staff(facts, conn), Kind.PROGRESS_DUE, agenda_id,
                            {**fanout.base_params(facts), "since": since.isoformat()}, conn)

    q = Agenda.filter(progress_due_at__lt=now, progress_reminded_for__isnull=True, status__in=_OWES_PROGRESS)
    return await _claim_each(q, "progress_due_at", "progress_reminded_for", notice)
