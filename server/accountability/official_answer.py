"""The official answer an agenda is owed once its verified supports reach the ANSWER threshold:
published by the owner (its department's staff, the officer for officer-owned agendas) or an admin,
public on the agenda page, versioned like every other change, and recorded as an OFFICIAL_ANSWER
history event whose fan-out tells the proposer and the followers.

Only an agenda that owes one takes it: an answer to any other agenda is what an owner's comment
marked as an official answer is for. Publishing again corrects the text (each version stays in the
history). The answer settles the obligation: an agenda already decided stops owing anything by its
due date (``overdue`` clears); one still in triage keeps its due date for the decision."""

from __future__ import annotations

from datetime import datetime, timezone

from server.accountability.deadlines import WAITING_FOR_DECISION, owes_official_answer
from server.agendas import history
from server.agendas.enums import EventKind
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda
from server.agendas.policy import Viewer, owns
from server.agendas.validation import clean_text
from server.agendas.versioning import apply_change, check_version, load_visible
from server.errors import DomainError
from server.i18n import msg

ANSWER_MIN, ANSWER_MAX = 20, 5_000


async def answer_officially(viewer: Viewer, agenda_id, expected_version: int, body: str | None) -> Agenda:
    agenda = await load_visible(viewer, agenda_id, login_message="Log in to answer an agenda officially.")
    if not owns(viewer, agenda):
        raise DomainError(C.FORBIDDEN, "Only the agenda's owner (its department or the Social Innovation Officer) "
                                       "or an admin can publish its official answer.", "id")
    check_version(agenda, expected_version)
    if not agenda.official_answer_required:
        raise DomainError(C.OFFICIAL_ANSWER_NOT_REQUIRED,
                          "This agenda has not reached the supports that oblige an official answer; answer it "
                          "with a comment marked as an official answer instead.", "id")
    text = clean_text(body, field="body", lo=ANSWER_MIN, hi=ANSWER_MAX, label=msg("official answer"))
    now = datetime.now(timezone.utc)
    revised = not owes_official_answer(agenda)
    updates = {"official_answer": text, "official_answer_at": now, "official_answer_by_id": viewer.user.id}
    if agenda.status not in WAITING_FOR_DECISION:  # nothing else is owed by the due date
        updates.update(answer_due_at=None, answer_days_left=None, overdue=False)

    async def events(conn):
        await history.record(agenda.id, EventKind.OFFICIAL_ANSWER, actor=viewer.user, reason=text,
                             data={"revised": revised, "late": bool(agenda.overdue)}, using_db=conn)

    return await apply_change(agenda, expected_version, updates, events)
