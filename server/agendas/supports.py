"""Supporting and following. Supporting also follows (the supporter is told about decisions and
progress) until the person unfollows. Idempotent (supporting twice is one support), kept off the version
counter (a support is not an edit and must never make a triage decision conflict), and the
denormalised ``support_count`` changes in the same transaction as the row. So does
``verified_support_count`` — supports from accounts with a verified e-mail, the only ones that count
toward the support thresholds, which are checked in that same transaction
(``server/accountability/thresholds.py``)."""

from __future__ import annotations

from datetime import datetime, timezone

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server.accountability import thresholds
from server.agendas.enums import AgendaStatus as S
from server.agendas.errors import AgendaErrorCode as C
from server.agendas.models import Agenda, Follow, Support
from server.agendas.policy import Viewer, require_verified_email
from server.agendas.versioning import load_visible
from server.errors import DomainError
from server.search import outbox
from server.i18n import msg
from server.agendas.labels import status_label


def _now() -> datetime:
    # Every change to an agenda moves updated_at: a reindex catches up on exactly those.
    return datetime.now(timezone.utc)


SUPPORTABLE = frozenset({S.IN_TRIAGE, S.NEEDS_INFO, S.ACCEPTED, S.IN_PROGRESS})


async def _load(viewer: Viewer, agenda_id) -> Agenda:
    return await load_visible(viewer, agenda_id, login_message="Log in to support or follow agendas.")


async def support(viewer: Viewer, agenda_id) -> Agenda:
    agenda = await _load(viewer, agenda_id)
    require_verified_email(viewer)
    if agenda.proposer_id == viewer.user.id:
        raise DomainError(C.FORBIDDEN, "You cannot support your own agenda.", "id")
    if S(agenda.status) not in SUPPORTABLE:
        raise DomainError(C.INVALID_TRANSITION, msg("An agenda that is {status} no longer takes supports.", status=status_label(agenda.status)), "id")
    verified = viewer.user.email_verified_at is not None
    counters = {"support_count": F("support_count") + 1}
    if verified:
        counters["verified_support_count"] = F("verified_support_count") + 1
    try:
        async with in_transaction() as conn:
            await Support.create(agenda_id=agenda.id, user_id=viewer.user.id, verified=verified, using_db=conn)
            # The UPDATE also locks the agenda's row until commit: concurrent supports check thresholds in turn.
            await Agenda.filter(id=agenda.id).using_db(conn).update(**counters, updated_at=_now())
            await outbox.enqueue("agenda", agenda.id, using_db=conn)
            # Supporting implies following (a supporter hears what happens to it); unfollowing stops that.
            if not await Follow.filter(agenda_id=agenda.id, user_id=viewer.user.id).using_db(conn).exists():
                await Follow.create(agenda_id=agenda.id, user_id=viewer.user.id, using_db=conn)
            if verified:  # after following: the supporter who tips a threshold hears of it too
                await thresholds.check(agenda.id, conn)
    except IntegrityError:
        pass  # already supported: supporting is idempotent
    await agenda.refresh_from_db()
    return agenda


async def withdraw_support(viewer: Viewer, agenda_id) -> Agenda:
    agenda = await _load(viewer, agenda_id)
    async with in_transaction() as conn:
        mine = Support.filter(agenda_id=agenda.id, user_id=viewer.user.id).using_db(conn)
        verified = sum(1 for v in await mine.values_list("verified", flat=True) if v)
        deleted = await mine.delete()
        if deleted:
            # A threshold already crossed stays crossed (its SupportThreshold row is kept).
            await Agenda.filter(id=agenda.id).using_db(conn).update(
                support_count=F("support_count") - deleted,
                verified_support_count=F("verified_support_count") - min(verified, deleted), updated_at=_now())
            await outbox.enqueue("agenda", agenda.id, using_db=conn)
    await agenda.refresh_from_db(fields=["support_count", "verified_support_count"])
    return agenda


async def follow(viewer: Viewer, agenda_id, following: bool) -> Agenda:
    agenda = await _load(viewer, agenda_id)
    if following:
        try:
            await Follow.create(agenda_id=agenda.id, user_id=viewer.user.id)
        except IntegrityError:
            pass
    else:
        await Follow.filter(agenda_id=agenda.id, user_id=viewer.user.id).delete()
    return agenda
