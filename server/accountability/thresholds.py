"""Support thresholds (``AGENDA_SUPPORT_THRESHOLDS``, default ``50:ANSWER,100:WORKSHOP``): enough
citizens backing an agenda oblige its owner to act.

- Only verified supports count (``Agenda.verified_support_count``, kept with the support rows), and
  only while the agenda is within ``threshold_window_days`` of being routed: a crossing is measured
  when a support (or a merge bringing supports) arrives, so one arriving after the window never
  crosses anything, and it counts the verified supports given since routing (none can come earlier).
- ANSWER: the owner owes a public official answer (``official_answer_required``) by the answer
  deadline. An agenda still waiting for its decision keeps its due date; one already decided gets a
  fresh period of ``answer_days`` working days from the crossing, escalated by the tick like any
  other due date.
- WORKSHOP: a PLAN_REVIEW item on the next quarterly workshop (the earliest one dated after today,
  in the city's calendar). When none is scheduled, the crossing waits and the next workshop created
  picks it up (``place_waiting``).

Each crossing is claimed by inserting its ``SupportThreshold`` row inside a savepoint of the
support's transaction: the unique (agenda, action) pair lets exactly one support claim it, however
many arrive at once (the counter UPDATE before it already makes them take turns on the agenda's row;
the unique row holds even where that ordering is lost). The winner writes the THRESHOLD_REACHED
history event in the same transaction, so its notifications commit with the support that caused
them. A withdrawal never removes the row: falling below and crossing again does not fire twice."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from server.accountability.models import SupportThreshold
from server.accountability.policy import current
from server.agendas import history
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda
from server.search import outbox
from server.workshops.enums import ItemPurpose
from server.workshops.models import Workshop, WorkshopItem

ANSWER, WORKSHOP = "ANSWER", "WORKSHOP"
# Statuses in which supports are taken (server/agendas/supports.py), and so thresholds crossed.
COUNTING = frozenset({S.IN_TRIAGE.value, S.NEEDS_INFO.value, S.ACCEPTED.value, S.IN_PROGRESS.value})
_DECIDED = frozenset({S.ACCEPTED.value, S.IN_PROGRESS.value})
# A waiting plan review is dropped for an agenda rejected or merged meanwhile: there is no plan to review.
_CLOSED = (S.REJECTED.value, S.MERGED.value)
_COLUMNS = ("verified_support_count", "routed_at", "created_at", "status", "thresholds_reached",
            "answer_due_at")


def window_closes(routed_at: datetime) -> datetime:
    return routed_at + timedelta(days=current().threshold_window_days)


async def check(agenda_id: int, conn, *, now: datetime | None = None) -> list[str]:
    """Claim and apply every threshold the agenda's verified supports have just reached; returns
    the actions claimed. Call it inside the transaction that moved ``verified_support_count``, after
    the move."""
    policy = current()
    if not policy.support_thresholds:
        return []
    now = now or datetime.now(timezone.utc)
    rows = await Agenda.filter(id=agenda_id).using_db(conn).limit(1).values(*_COLUMNS)
    if not rows or rows[0]["status"] not in COUNTING:
        return []
    agenda = rows[0]
    if now > window_closes(agenda["routed_at"] or agenda["created_at"]):
        return []
    reached = set(agenda["thresholds_reached"] or [])
    claimed = []
    for count, action in policy.support_thresholds:
        if agenda["verified_support_count"] < count or action in reached:
            continue
        claim = await _claim(agenda_id, action, count, now)
        if claim is None:
            continue  # another support claimed it first
        reached.add(action)
        claimed.append(action)
        data = {"count": count, "action": action, "supports": agenda["verified_support_count"]}
        updates = {"thresholds_reached": sorted(reached)}
        if action == ANSWER:
            updates.update(_answer_owed(agenda, now))
        else:
            data["workshop_id"] = await _place(claim, agenda_id, now, conn)
        await Agenda.filter(id=agenda_id).using_db(conn).update(**updates)
        # A system event: everyone concerned hears of it, the supporter who tipped it included.
        await history.record(agenda_id, EventKind.THRESHOLD_REACHED, actor=None, data=data, using_db=conn)
    return claimed


async def _claim(agenda_id: int, action: str, count: int, now: datetime) -> SupportThreshold | None:
    try:
        async with in_transaction() as savepoint:  # nested in the caller's transaction: a savepoint
            return await SupportThreshold.create(agenda_id=agenda_id, action=action, threshold=count, reached_at=now,
                                                 using_db=savepoint)
    except IntegrityError:
        return None


def _answer_owed(agenda: dict, now: datetime) -> dict:
    """An agenda still waiting for its decision owes the official answer by the same due date (NEEDS_INFO:
    when the clock restarts); a decided one gets a fresh answer period from today."""
    updates = {"official_answer_required": True}
    if agenda["status"] in _DECIDED and agenda["answer_due_at"] is None:
        policy = current()
        updates.update(answer_due_at=policy.calendar.add_working_days(now, policy.answer_days), answer_days_left=None,
                       overdue=False, reminded_for=None, escalated_for=None)
    return updates


async def _next_workshop(now: datetime, conn) -> Workshop | None:
    today = current().calendar.local_date(now)
    return await Workshop.filter(held_on__gt=today).using_db(conn).order_by("held_on", "id").first()


async def _place(claim: SupportThreshold, agenda_id: int, now: datetime, conn) -> int | None:
    workshop = await _next_workshop(now, conn)
    if workshop is None:
        return None  # waits for the next workshop to be created
    await _add_item(workshop, claim.id, agenda_id, conn)
    return workshop.id


async def _add_item(workshop: Workshop, claim_id: int, agenda_id: int, conn) -> None:
    item = await WorkshopItem.create(workshop_id=workshop.id, purpose=ItemPurpose.PLAN_REVIEW.value,
                                     agenda_id=agenda_id, using_db=conn)
    await SupportThreshold.filter(id=claim_id).using_db(conn).update(workshop_item_id=item.id)
    await outbox.enqueue("workshop", workshop.id, using_db=conn)


async def place_waiting(workshop: Workshop, conn, *, now: datetime | None = None) -> int:
    """A newly created workshop takes the agendas waiting for one, when it is the next one (dated
    after today). Called in the workshop's creating transaction; returns the items added."""
    now = now or datetime.now(timezone.utc)
    if workshop.held_on <= current().calendar.local_date(now):
        return 0
    waiting = await SupportThreshold.filter(action=WORKSHOP, workshop_item_id__isnull=True).exclude(
        agenda__status__in=_CLOSED).using_db(conn).order_by("reached_at", "id").values("id", "agenda_id")
    for row in waiting:
        await _add_item(workshop, row["id"], row["agenda_id"], conn)
    return len(waiting)
