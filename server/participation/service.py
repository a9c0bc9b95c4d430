"""Comments, reports, moderation and internal notes: each change in one transaction with what it
causes — the notifications of the people concerned, the hiding that a report tips, the audit entry
of a moderation — so a failure leaves nothing half-written.

Reads return models; what a given viewer may see of a comment (its text, whether it is hidden) is
decided by ``rules.shows_body`` when presenting."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from server.accounts.models import User
from server.accounts.roles import Role
from server.agendas.models import Agenda
from server.agendas.policy import Viewer, can_view
from server.agendas.versioning import load_for_update
from server.audit.actions import AuditAction
from server.audit.log import record as audit
from server.errors import DomainError, ValidationErrors
from server.i18n import msg
from server.notifications.catalogue import Kind
from server.notifications.fanout import agenda_facts, base_params, followers, notify, with_unread
from server.ops import writes
from server.participation import rules
from server.participation.errors import ParticipationErrorCode as C
from server.participation.models import Comment, CommentReport, InternalNote
from server.participation.rules import CommentOrder, ModerationDecision, ReportReason, Status

_ID_MAX = 2**63 - 1


@dataclass(frozen=True)
class Limits:
    """The settings participation reads (``AGENDA_REPORTS_TO_HIDE``, ``AGENDA_COMMENTS_PER_HOUR``)."""
    reports_to_hide: int = 3
    comments_per_hour: int = 30

    @classmethod
    def from_settings(cls, settings) -> "Limits":
        return cls(reports_to_hide=settings.reports_to_hide, comments_per_hour=settings.comments_per_hour)


@dataclass
class CommentPage:
    items: list[Comment]
    cursors: list[str]
    has_next: bool
    total_count: int


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _pk(raw) -> int | None:
    try:
        value = int(str(raw))
    except (TypeError, ValueError):
        return None
    return value if 0 < value <= _ID_MAX else None


# ---------------------------------------------------------------- cursors


def _cursor(prefix: str, c: Comment) -> str:
    return base64.urlsafe_b64encode(f"{prefix}:{c.id}".encode()).decode().rstrip("=")


def _after(prefix: str, cursor: str) -> int:
    try:
        if len(cursor) > 100:
            raise ValueError
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        name, _, pk = raw.rpartition(":")
        value = int(pk)
        if name != prefix or not 0 < value <= _ID_MAX:
            raise ValueError
        return value
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise DomainError(C.INVALID_CURSOR, "The cursor is not valid for this ordering; start from the first page.",
                          "after") from None


def _check_first(first: int) -> None:
    if not 0 <= first <= rules.MAX_PAGE:
        raise DomainError(C.INVALID, msg("Ask for between 0 and {max} comments at a time.", max=rules.MAX_PAGE),
                          "first")


# ---------------------------------------------------------------- loading


async def _visible_agenda(viewer: Viewer, agenda_id, field: str = "agendaId") -> Agenda:
    agenda = await load_for_update(agenda_id)
    if agenda is None or not can_view(viewer, agenda):
        raise DomainError(C.NOT_FOUND, "No such agenda.", field)
    return agenda


async def _comment(viewer: Viewer, comment_id, field: str = "id") -> tuple[Comment, Agenda]:
    """A comment on an agenda the caller may see; any other id is NOT_FOUND, so ids reveal nothing."""
    pk = _pk(comment_id)
    c = await Comment.get_or_none(id=pk) if pk else None
    agenda = await Agenda.get_or_none(id=c.agenda_id) if c else None
    if c is None or agenda is None or not can_view(viewer, agenda):
        raise DomainError(C.NOT_FOUND, "No such comment.", field)
    return c, agenda


# ---------------------------------------------------------------- reading


async def list_comments(viewer: Viewer, agenda: Agenda, *, first: int = 20, after: str | None = None,
                        order: CommentOrder = CommentOrder.NEWEST) -> CommentPage:
    """Top-level comments of an agenda the caller may see, a keyset page (replies come with them)."""
    _check_first(first)
    prefix = f"C{order.value[0]}"
    base = Comment.filter(agenda_id=agenda.id, parent_id__isnull=True)
    q = base
    if after:
        pk = _after(prefix, after)
        q = q.filter(id__lt=pk) if order == CommentOrder.NEWEST else q.filter(id__gt=pk)
    rows = await q.order_by("-id" if order == CommentOrder.NEWEST else "id").limit(first + 1)
    items = rows[:first]
    return CommentPage(items=items, cursors=[_cursor(prefix, c) for c in items], has_next=len(rows) > first,
                       total_count=await base.count())


async def official_answers(agenda_id: int) -> list[Comment]:
    """The comments marked as the city's official answer, oldest first: they are shown apart."""
    return await Comment.filter(agenda_id=agenda_id, official_answer=True, deleted_at__isnull=True,
                                status=Status.VISIBLE.value).order_by("id").limit(rules.MAX_PAGE)


# ---------------------------------------------------------------- writing comments


async def _check_hourly_quota(user_id: int, limit: int, conn) -> None:
    """At most ``limit`` comments an hour per citizen, counted and inserted as one step: the author's
    row is held first (PostgreSQL: locked; SQLite: the write lock taken), as proposals do."""
    if conn.capabilities.dialect == "postgres":
        await User.filter(id=user_id).using_db(conn).select_for_update(no_key=True).first()
    else:
        await conn.execute_query("UPDATE users SET id = id WHERE id = ?", [user_id])
    since = _now() - timedelta(hours=1)
    if await Comment.filter(author_id=user_id, created_at__gte=since).using_db(conn).count() >= limit:
        raise DomainError(C.RATE_LIMITED, msg("You can write up to {count} comments an hour; please try again later.",
                                              count=limit))


async def add_comment(viewer: Viewer, limits: Limits, agenda_id, body: str | None, parent_id=None) -> Comment:
    rules.require_login(viewer, msg("Log in to comment."))
    errors: list[DomainError] = []
    text = ""
    try:
        text = rules.clean_body(body)
    except DomainError as e:
        errors.append(e)
    agenda = await _visible_agenda(viewer, agenda_id)
    rules.require_verified_email(viewer)
    if not rules.takes_comments(agenda):
        raise DomainError(C.COMMENTS_CLOSED, "Only public agendas take comments.", "agendaId")
    parent = None
    if parent_id is not None and str(parent_id).strip():
        pk = _pk(parent_id)
        parent = await Comment.get_or_none(id=pk, agenda_id=agenda.id) if pk else None
        if parent is None:
            errors.append(DomainError(C.NOT_FOUND, "No such comment on this agenda.", "parentId"))
        elif parent.parent_id is not None:
            errors.append(DomainError(C.REPLY_TO_REPLY, "Replies go one level deep: reply to the comment itself, "
                                                        "not to a reply.", "parentId"))
        elif parent.status == Status.REMOVED.value:
            errors.append(DomainError(C.COMMENT_REMOVED, "That comment was removed by a moderator; it takes no "
                                                         "replies.", "parentId"))
    if errors:
        raise ValidationErrors(errors)
    user = viewer.user
    async with in_transaction() as conn:
        if Role(user.role) == Role.CITIZEN:
            await _check_hourly_quota(user.id, limits.comments_per_hour, conn)
        comment = await Comment.create(agenda_id=agenda.id, author_id=user.id, parent_id=parent.id if parent else None,
                                       body=text, using_db=conn)
        await _notify_comment(comment, parent, user, conn)
    _discussion_changed()
    return comment


def _discussion_changed() -> None:
    """A discussion is part of what the public reads, and anonymous answers are shared until the next
    change readers see (schema/anonymous_cache.py): each change, once committed, moves the content
    generation (server/ops/writes.py) — a hidden or removed comment is gone for everyone at once."""
    writes.bump()


async def _notify_comment(comment: Comment, parent: Comment | None, author: User, conn) -> None:
    """The proposer and the followers hear of a new comment; a reply's parent author hears of the
    reply instead (once). The author never hears of their own comment.

    A lively discussion must not bury everything else: Decidim tells each person once per comment
    (a reply or a followed agenda, never both) and gathers mail in digests; here, moreover, whoever
    has not yet read their last comment notification about this agenda is not told again (in the app
    or by mail) — that one unread notice leads them to the whole discussion. A reply to one's own
    comment is always told."""
    facts = await agenda_facts(comment.agenda_id, conn)
    if facts is None:
        return
    params = {**base_params(facts), "author": author.display_name}
    replied_to = parent.author_id if parent is not None and parent.deleted_at is None else None
    if replied_to is not None:
        await notify([replied_to], Kind.COMMENT_REPLY, comment.agenda_id, params, conn, exclude=(author.id,))
    everyone = {facts["proposer_id"]} | await followers(comment.agenda_id, conn)
    waiting = await with_unread(everyone, (Kind.COMMENT_ADDED, Kind.COMMENT_REPLY), comment.agenda_id, conn)
    await notify(everyone - waiting, Kind.COMMENT_ADDED, comment.agenda_id, params, conn,
                 exclude=(author.id, replied_to))


async def edit_comment(viewer: Viewer, comment_id, body: str | None) -> Comment:
    rules.require_login(viewer, msg("Log in to edit your comment."))
    text = rules.clean_body(body)
    c, _ = await _comment(viewer, comment_id)
    _check_own_and_alive(viewer, c, "You can edit only your own comments.")
    now = _now()
    await Comment.filter(id=c.id).update(body=text, edited_at=now)
    _discussion_changed()
    c.body, c.edited_at = text, now
    return c


def _check_own_and_alive(viewer: Viewer, c: Comment, refusal: str) -> None:
    if not rules.is_author(viewer, c):
        raise DomainError(C.FORBIDDEN, refusal, "id")
    if rules.is_deleted(c):
        raise DomainError(C.COMMENT_DELETED, "This comment was deleted.", "id")
    if c.status == Status.REMOVED.value:
        raise DomainError(C.COMMENT_REMOVED, "This comment was removed by a moderator.", "id")


async def delete_comment(viewer: Viewer, comment_id) -> Comment:
    """Soft: the comment stays in its place as "deleted" (its replies with it), its text no longer
    shown; deleting twice is the same deletion."""
    rules.require_login(viewer, msg("Log in to delete your comment."))
    c, _ = await _comment(viewer, comment_id)
    if not rules.is_author(viewer, c):
        raise DomainError(C.FORBIDDEN, "You can delete only your own comments.", "id")
    if c.deleted_at is None:
        now = _now()
        await Comment.filter(id=c.id, deleted_at__isnull=True).update(deleted_at=now, official_answer=False)
        _discussion_changed()
        c.deleted_at, c.official_answer = now, False
    return c


async def mark_official_answer(viewer: Viewer, comment_id, official: bool = True) -> Comment:
    rules.require_login(viewer, msg("Log in to mark an official answer."))
    c, agenda = await _comment(viewer, comment_id, "commentId")
    if not rules.may_mark_official(viewer, agenda):
        raise DomainError(C.FORBIDDEN, "Only the agenda's owner (its department's staff or the Social Innovation "
                                       "Officer) or an admin can mark an official answer.", "commentId")
    if rules.is_deleted(c):
        raise DomainError(C.COMMENT_DELETED, "This comment was deleted.", "commentId")
    if c.status != Status.VISIBLE.value:
        raise DomainError(C.COMMENT_REMOVED, "A hidden or removed comment cannot be an official answer.", "commentId")
    if official:
        rules.check_answerable(agenda)
    author = await User.get(id=c.author_id)
    if official and Role(author.role) not in rules.OFFICIAL_AUTHOR_ROLES:
        raise DomainError(C.NOT_AN_OFFICIAL, "Only a comment written by city staff can be an official answer.",
                          "commentId")
    if c.official_answer == official:
        return c
    now = _now()
    async with in_transaction() as conn:
        await Comment.filter(id=c.id).using_db(conn).update(
            official_answer=official, official_marked_by_id=viewer.user.id if official else None,
            official_marked_at=now if official else None)
        if official:
            facts = await agenda_facts(agenda.id, conn)
            if facts is not None:
                everyone = {facts["proposer_id"]} | await followers(agenda.id, conn)
                await notify(everyone, Kind.COMMENT_OFFICIAL_ANSWER, agenda.id,
                             {**base_params(facts), "author": author.display_name}, conn, exclude=(viewer.user.id,))
    _discussion_changed()
    c.official_answer = official
    c.official_marked_by_id = viewer.user.id if official else None
    c.official_marked_at = now if official else None
    return c


# ---------------------------------------------------------------- reports and moderation


async def report_comment(viewer: Viewer, limits: Limits, comment_id, reason: ReportReason | str | None,
                         note: str | None = None) -> Comment:
    """Anyone signed in may report a comment once; ``reports_to_hide`` open reports from different
    accounts with a verified e-mail address hide it until a moderator restores or removes it (as only
    verified supports count: a handful of throwaway accounts must not silence someone). Every report,
    verified or not, puts the comment in the moderators' queue. Reporting again is the same report."""
    rules.require_login(viewer, msg("Log in to report a comment."))
    try:
        why = ReportReason(reason)
    except ValueError:
        raise DomainError(C.INVALID, "Choose why you report this comment.", "reason") from None
    text = rules.clean_body(note, field="note", hi=rules.REPORT_NOTE_MAX, label="note", required=False)
    c, _ = await _comment(viewer, comment_id)
    if c.status == Status.REMOVED.value:
        raise DomainError(C.COMMENT_REMOVED, "This comment was already removed by a moderator.", "id")
    if rules.is_deleted(c):
        raise DomainError(C.COMMENT_DELETED, "This comment was deleted by its author.", "id")
    if rules.is_author(viewer, c):
        raise DomainError(C.OWN_COMMENT, "You cannot report your own comment; edit or delete it instead.", "id")
    if await CommentReport.filter(comment_id=c.id, reporter_id=viewer.user.id).exists():
        return c  # the same account's second report counts once
    try:
        async with in_transaction() as conn:
            await CommentReport.create(comment_id=c.id, reporter_id=viewer.user.id, reason=why.value, note=text,
                                       using_db=conn)
            await Comment.filter(id=c.id).using_db(conn).update(open_reports=F("open_reports") + 1)
            # Counted under the comment row's lock (taken by the update above), so concurrent reports
            # are counted one after the other and exactly one of them tips it over.
            verified = await CommentReport.filter(comment_id=c.id, resolved_at__isnull=True,
                                                  reporter__email_verified_at__isnull=False).using_db(conn).count()
            if verified >= limits.reports_to_hide:
                await Comment.filter(id=c.id, status=Status.VISIBLE.value).using_db(conn).update(
                    status=Status.HIDDEN.value)
    except IntegrityError:
        pass  # the same account reported at the same moment: one report
    _discussion_changed()  # the report may have hidden it
    await c.refresh_from_db()
    return c


def _queue_q() -> Q:
    return Q(Q(status=Status.HIDDEN.value) | Q(open_reports__gt=0, status=Status.VISIBLE.value),
             deleted_at__isnull=True)


def require_moderator(viewer: Viewer) -> None:
    rules.require_login(viewer, msg("Log in to moderate comments."))
    if not rules.is_moderator(viewer):
        raise DomainError(C.FORBIDDEN, "Only moderators (admins and the Social Innovation Officer) can moderate "
                                       "comments.")


async def moderation_queue(viewer: Viewer, *, first: int = 20, after: str | None = None) -> CommentPage:
    """Reported and hidden comments waiting for a moderator, newest first."""
    require_moderator(viewer)
    _check_first(first)
    q = Comment.filter(_queue_q())
    if after:
        q = q.filter(id__lt=_after("MQ", after))
    rows = await q.order_by("-id").limit(first + 1)
    items = rows[:first]
    return CommentPage(items=items, cursors=[_cursor("MQ", c) for c in items], has_next=len(rows) > first,
                       total_count=await Comment.filter(_queue_q()).count())


async def reports_of(comment_ids: list[int]) -> dict[int, list[CommentReport]]:
    grouped: dict[int, list[CommentReport]] = {i: [] for i in comment_ids}
    for r in await CommentReport.filter(comment_id__in=comment_ids, resolved_at__isnull=True).order_by("id"):
        grouped[r.comment_id].append(r)
    return grouped


async def moderate_comment(viewer: Viewer, comment_id, decision: ModerationDecision | str | None,
                           reason: str | None) -> Comment:
    """RESTORE shows the comment again, REMOVE takes it down for good (its replies stay); either way its
    open reports are answered, and the audit log records who decided what and why, in the same
    transaction."""
    require_moderator(viewer)
    errors: list[DomainError] = []
    why = ""
    try:
        chosen = ModerationDecision(decision)
    except ValueError:
        chosen = None
        errors.append(DomainError(C.INVALID, "Decide RESTORE or REMOVE.", "decision"))
    try:
        why = rules.clean_body(reason, field="reason", hi=rules.MODERATION_REASON_MAX, label="reason")
    except DomainError as e:
        errors.append(e)
    if errors:
        raise ValidationErrors(errors)
    c, _ = await _comment(viewer, comment_id)
    now = _now()
    status = Status.VISIBLE if chosen == ModerationDecision.RESTORE else Status.REMOVED
    before = {"status": c.status, "openReports": c.open_reports, "officialAnswer": c.official_answer}
    updates = {"status": status.value, "open_reports": 0, "moderated_at": now}
    if status == Status.REMOVED:
        updates["official_answer"] = False
    async with in_transaction() as conn:
        await Comment.filter(id=c.id).using_db(conn).update(**updates)
        await CommentReport.filter(comment_id=c.id, resolved_at__isnull=True).using_db(conn).update(resolved_at=now)
        await audit(viewer.user.id, AuditAction.COMMENT_MODERATED, f"comment:{c.id}", before=before,
                    after={"status": status.value, "openReports": 0,
                           "officialAnswer": updates.get("official_answer", c.official_answer),
                           "decision": chosen.value, "reason": why, "agendaId": c.agenda_id},
                    using_db=conn)
    _discussion_changed()
    await c.refresh_from_db()
    return c


# ---------------------------------------------------------------- internal notes


async def internal_notes(viewer: Viewer, agenda: Agenda, limit: int = rules.MAX_PAGE) -> list[InternalNote]:
    """Newest first; empty for anyone who may not read them (never an error that tells they exist)."""
    if not rules.may_read_notes(viewer, agenda):
        return []
    return await InternalNote.filter(agenda_id=agenda.id).order_by("-id").limit(limit)


async def add_internal_note(viewer: Viewer, agenda_id, body: str | None) -> InternalNote:
    rules.require_login(viewer, msg("Log in to write an internal note."))
    text = rules.clean_body(body, hi=rules.NOTE_MAX, label="note")
    agenda = await _visible_agenda(viewer, agenda_id)
    if not rules.may_read_notes(viewer, agenda):
        raise DomainError(C.FORBIDDEN, "Internal notes are for the owning department's staff, the Social Innovation "
                                       "Officer and admins.", "agendaId")
    return await InternalNote.create(agenda_id=agenda.id, author_id=viewer.user.id, body=text)
