"""Who hears about an event, written in the transaction that records it.

``history.record`` calls ``on_event`` for every event it writes, inside the caller's transaction: the
notification rows (and, through ``email_state``, the e-mail that follows them) commit or roll back
with the change. The person who acted is never notified of their own action.

| event | proposer | supporters and followers | owner's staff | officer |
|---|---|---|---|---|
| routed after a proposal | ROUTED (owner, due date) | | NEW_IN_QUEUE | |
| routed after the proposer's answer | | | INFO_ANSWERED | |
| rerouted | REROUTED (owner, reason) | | NEW_IN_QUEUE (the new owner) | |
| a question (NEEDS_INFO) | INFO_REQUESTED | | | |
| accepted, rejected, merged, in progress, completed | DECIDED | FOLLOWED_UPDATE | | |
| the plan's progress moved | PROGRESS_UPDATED | PROGRESS_UPDATED | | |
| a support threshold crossed | THRESHOLD_REACHED | THRESHOLD_REACHED | THRESHOLD_REACHED | |
| an official answer | OFFICIAL_ANSWER | OFFICIAL_ANSWER | | |
| escalated (overdue) | | | ESCALATED | ESCALATED |

The owner's staff are the active staff of the owning department, or the officers when the Social
Innovation Officer owns the agenda. Reminders (no history event) use ``notify`` directly.
"""

from __future__ import annotations

from datetime import datetime, timezone

from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import EventKind
from server.agendas.models import Agenda, Department, Follow
from server.notifications.catalogue import Kind
from server.notifications.models import Notification

_DECISIONS = {S.ACCEPTED.value, S.REJECTED.value, S.MERGED.value, S.IN_PROGRESS.value, S.COMPLETED.value}
_AGENDA_COLUMNS = ("id", "title", "proposer_id", "owner_kind", "owner_department_id", "status", "answer_due_at")


async def agenda_facts(agenda_id: int, conn) -> dict | None:
    rows = await Agenda.filter(id=agenda_id).using_db(conn).limit(1).values(*_AGENDA_COLUMNS)
    if not rows:
        return None
    facts = rows[0]
    facts["owner_ko"] = facts["owner_en"] = None
    if facts["owner_department_id"]:
        names = await Department.filter(id=facts["owner_department_id"]).using_db(conn).values("name_ko", "name_en")
        if names:
            facts["owner_ko"], facts["owner_en"] = names[0]["name_ko"], names[0]["name_en"]
    return facts


def base_params(facts: dict) -> dict:
    due = facts.get("answer_due_at")
    return {"title": facts["title"], "owner_kind": facts["owner_kind"], "owner_ko": facts["owner_ko"],
            "owner_en": facts["owner_en"], "due": due.isoformat() if due else None}


async def owner_staff(facts: dict, conn) -> set[int]:
    if facts["owner_kind"] == "DEPARTMENT" and facts["owner_department_id"]:
        q = User.filter(departments__id=facts["owner_department_id"], role=Role.STAFF, is_active=True)
    else:
        q = User.filter(role=Role.OFFICER, is_active=True)
    return set(await q.using_db(conn).values_list("id", flat=True))


async def officers(conn) -> set[int]:
    return set(await User.filter(role=Role.OFFICER, is_active=True).using_db(conn).values_list("id", flat=True))


async def followers(agenda_id: int, conn) -> set[int]:
    return set(await Follow.filter(agenda_id=agenda_id).using_db(conn).values_list("user_id", flat=True))


async def with_unread(user_ids, kinds: tuple[Kind, ...], agenda_id: int, conn) -> set[int]:
    """Who of ``user_ids`` still has an unread notification of one of ``kinds`` about the agenda: the
    news waiting for them already leads to it, so a chatty discussion need not add another each time."""
    ids = list(set(user_ids))
    if not ids:
        return set()
    rows = await Notification.filter(user_id__in=ids, agenda_id=agenda_id, read_at__isnull=True,
                                     kind__in=[k.value for k in kinds]).using_db(conn).values_list("user_id", flat=True)
    return set(rows)


async def notify(user_ids, kind: Kind, agenda_id: int | None, params: dict, conn, *, exclude=()) -> int:
    """One notification per person (active accounts only), with its e-mail state from their
    preference: IMMEDIATE → sent by the mail worker now, DAILY_DIGEST → in tomorrow's digest, OFF or
    an unverified address → in-app only."""
    ids = sorted(set(user_ids) - {i for i in exclude if i is not None})
    if not ids:
        return 0
    people = await User.filter(id__in=ids, is_active=True).using_db(conn).values(
        "id", "email_preference", "email_verified_at")
    now = datetime.now(timezone.utc)
    rows = []
    for p in people:
        state = None
        if p["email_verified_at"] is not None:
            state = {"IMMEDIATE": "pending", "DAILY_DIGEST": "digest"}.get(p["email_preference"])
        rows.append(Notification(user_id=p["id"], kind=kind.value, agenda_id=agenda_id, params=params,
                                 email_state=state, email_due_at=now if state == "pending" else None))
    if rows:
        await Notification.bulk_create(rows, using_db=conn)
    return len(rows)


async def on_event(event, conn) -> None:
    kind = EventKind(event.kind)
    if kind not in _HANDLED:
        return
    facts = await agenda_facts(event.agenda_id, conn)
    if facts is None:
        return
    params = base_params(facts)
    actor = (event.actor_id,)
    agenda_id, proposer = facts["id"], facts["proposer_id"]

    if kind == EventKind.ROUTED:
        if event.from_status == S.SUBMITTED.value:
            await notify([proposer], Kind.ROUTED, agenda_id, params, conn, exclude=actor)
            await notify(await owner_staff(facts, conn), Kind.NEW_IN_QUEUE, agenda_id, params, conn,
                         exclude=(*actor, proposer))
        else:  # routed again after the proposer's answer
            await notify(await owner_staff(facts, conn), Kind.INFO_ANSWERED, agenda_id, params, conn,
                         exclude=(*actor, proposer))
    elif kind == EventKind.REROUTED:
        await notify([proposer], Kind.REROUTED, agenda_id, {**params, "reason": event.reason}, conn, exclude=actor)
        await notify(await owner_staff(facts, conn), Kind.NEW_IN_QUEUE, agenda_id, params, conn,
                     exclude=(*actor, proposer))
    elif kind == EventKind.TRANSITION:
        if event.to_status == S.NEEDS_INFO.value:
            await notify([proposer], Kind.INFO_REQUESTED, agenda_id, {**params, "reason": event.reason}, conn,
                         exclude=actor)
        elif event.to_status in _DECISIONS:
            decided = {**params, "status": event.to_status, "reason": event.reason}
            await notify([proposer], Kind.DECIDED, agenda_id, decided, conn, exclude=actor)
            await notify(await followers(agenda_id, conn), Kind.FOLLOWED_UPDATE, agenda_id, decided, conn,
                         exclude=(*actor, proposer))
    elif kind == EventKind.PLAN_UPDATED:
        data = event.data or {}
        if data.get("progress_to") is not None and data.get("progress_to") != data.get("progress_from"):
            progress = {**params, "progress": data["progress_to"]}
            await notify({proposer} | await followers(agenda_id, conn), Kind.PROGRESS_UPDATED, agenda_id,
                         progress, conn, exclude=actor)
    elif kind == EventKind.THRESHOLD_REACHED:
        data = event.data or {}
        crossed = {**params, "count": data.get("count"), "action": data.get("action")}
        everyone = {proposer} | await followers(agenda_id, conn) | await owner_staff(facts, conn)
        await notify(everyone, Kind.THRESHOLD_REACHED, agenda_id, crossed, conn, exclude=actor)
    elif kind == EventKind.OFFICIAL_ANSWER:
        answered = {**params, "reason": event.reason}
        await notify({proposer} | await followers(agenda_id, conn), Kind.OFFICIAL_ANSWER, agenda_id, answered,
                     conn, exclude=actor)
    elif kind == EventKind.ESCALATED:
        data = event.data or {}
        await notify(await officers(conn) | await owner_staff(facts, conn), Kind.ESCALATED, agenda_id,
                     {**params, "due": data.get("due") or params["due"], "owed": data.get("owed")}, conn,
                     exclude=actor)


_HANDLED = {EventKind.ROUTED, EventKind.REROUTED, EventKind.TRANSITION, EventKind.PLAN_UPDATED,
            EventKind.THRESHOLD_REACHED, EventKind.OFFICIAL_ANSWER, EventKind.ESCALATED}
