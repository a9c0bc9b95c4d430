"""How a change moves an agenda's due dates. Each function returns the agenda columns to write in the
same UPDATE as the change itself (``versioning.apply_change``), so a due date can never disagree with
the status it belongs to.

- Entering triage (routed after a proposal): the owner owes a decision by the end of the
  ``answer_days``-th working day, counting the day it arrived.
- NEEDS_INFO stops the clock: the working days that were left are kept; the proposer's answer starts
  it again with those days (at least one).
- A reroute keeps the date — the proposer has already waited — but gives the new owner at least
  ``reroute_min_working_days`` working days.
- A decision (accept, reject, merge) ends the wait and records whether it came on time; accepted and
  in-progress agendas then owe a progress update every ``progress_notice_days`` days, renewed by
  every progress update (advancing, saving the plan).
- An agenda that reached its support threshold owes a public official answer by the same due date,
  decision or not: accepting or rejecting it keeps the due date (and an escalation already made)
  until the answer is published (``official_answer.py``); merging it ends the obligation, which
  lives on with the supports on the agenda it was merged into."""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.expressions import Q

from server.accountability.policy import current
from server.agendas.enums import AgendaStatus as S

# An agenda in these statuses still waits for its owner's decision.
WAITING_FOR_DECISION = frozenset({S.SUBMITTED.value, S.IN_TRIAGE.value, S.NEEDS_INFO.value})

_CLEAR_WAIT = {"answer_due_at": None, "answer_days_left": None, "overdue": False}


def _new_due(due: datetime) -> dict:
    return {"answer_due_at": due, "answer_days_left": None, "overdue": False, "reminded_for": None,
            "escalated_for": None}


def on_routed(now: datetime) -> dict:
    policy = current()
    return {"routed_at": now, **_new_due(policy.calendar.add_working_days(now, policy.answer_days))}


def on_info_requested(agenda, now: datetime) -> dict:
    policy = current()
    due = agenda.answer_due_at
    left = policy.calendar.working_days_between(now, due) if due else policy.answer_days
    return {**_CLEAR_WAIT, "answer_days_left": max(1, left)}


def on_info_answered(agenda, now: datetime) -> dict:
    policy = current()
    left = agenda.answer_days_left or policy.answer_days
    return _new_due(policy.calendar.add_working_days(now, max(1, left)))


def on_rerouted(agenda, now: datetime) -> dict:
    if agenda.answer_due_at is None:  # waiting for the proposer: the clock stays stopped
        return {}
    policy = current()
    floor = policy.calendar.add_working_days(now, policy.reroute_min_working_days)
    due = max(agenda.answer_due_at, floor)
    return _new_due(due) if due != agenda.answer_due_at else {}


def progress_due(now: datetime) -> datetime:
    policy = current()
    day = policy.calendar.local_date(now) + timedelta(days=policy.progress_notice_days)
    return policy.calendar.end_of(day)


def on_transition(agenda, target: S, now: datetime) -> dict:
    if target == S.NEEDS_INFO:
        return on_info_requested(agenda, now)
    if target in (S.ACCEPTED, S.REJECTED, S.MERGED):
        due = agenda.answer_due_at
        on_time = not agenda.overdue and (due is None or now <= due)  # escalated means late, whatever the clock
        decided = {"decided_at": now, "decided_on_time": on_time}
        if target == S.MERGED or not owes_official_answer(agenda):
            decided.update(_CLEAR_WAIT)
        elif due is None:  # decided while the clock was stopped for a question: the answer's period restarts
            decided.update(on_info_answered(agenda, now))
        if target == S.ACCEPTED:
            decided.update(progress_due_at=progress_due(now), progress_reminded_for=None)
        return decided
    if target == S.IN_PROGRESS:
        return {"progress_due_at": progress_due(now), "progress_reminded_for": None}
    if target == S.COMPLETED:
        return {"progress_due_at": None, "progress_reminded_for": None}
    return {}


def owes_official_answer(agenda) -> bool:
    return bool(agenda.official_answer_required) and not agenda.official_answer


def owes_answer_q() -> Q:
    """The database form of "its owner owes an answer": a decision still to take, or the official
    answer a support threshold obliged (owed through the decision until published; a merge ends it).
    The triage inbox lists these, and the tick reminds and escalates them by their due date."""
    return Q(status__in=sorted(WAITING_FOR_DECISION)) | Q(
        Q(official_answer_required=True, official_answer__isnull=True), ~Q(status=S.MERGED.value))


def on_progress_update(agenda, now: datetime) -> dict:
    if agenda.status not in (S.ACCEPTED.value, S.IN_PROGRESS.value):
        return {}
    return {"progress_due_at": progress_due(now), "progress_reminded_for": None}
