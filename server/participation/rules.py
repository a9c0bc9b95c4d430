"""The rules of participation, as pure functions of a viewer and a comment or an agenda: who may
comment, edit, report, mark an official answer, moderate, and read internal notes; what a comment's
text must be. The service applies them; the GraphQL layer asks them what to show."""

from __future__ import annotations

import re
import unicodedata
from enum import Enum

from server.accountability.policy import current as current_accountability
from server.accounts.roles import Role
from server.agendas.enums import AgendaStatus, Visibility
from server.agendas.models import Agenda
from server.agendas.policy import PUBLIC_STATUSES, Viewer, owns
from server.agendas.routing import OwnerKind
from server.errors import DomainError
from server.i18n import label as as_label
from server.i18n import msg
from server.participation.errors import ParticipationErrorCode as C
from server.participation.models import Comment

COMMENT_MAX = 2_000
NOTE_MAX = 5_000
REPORT_NOTE_MAX = 500
MODERATION_REASON_MAX = 500
MAX_PAGE = 100

_FORBIDDEN = re.compile(r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]")


class Status(str, Enum):
    VISIBLE = "VISIBLE"
    HIDDEN = "HIDDEN"      # enough reports from different accounts; waits for a moderator
    REMOVED = "REMOVED"    # a moderator removed it


class ReportReason(str, Enum):
    SPAM = "SPAM"
    ABUSE = "ABUSE"                  # insults, harassment, hate
    PERSONAL_DATA = "PERSONAL_DATA"  # someone's phone number, address, resident number
    FALSE_INFORMATION = "FALSE_INFORMATION"
    OFF_TOPIC = "OFF_TOPIC"
    OTHER = "OTHER"


class ModerationDecision(str, Enum):
    RESTORE = "RESTORE"
    REMOVE = "REMOVE"


class CommentOrder(str, Enum):
    NEWEST = "NEWEST"
    OLDEST = "OLDEST"


# Who writes for the city: a comment of theirs can be marked an official answer.
OFFICIAL_AUTHOR_ROLES = frozenset({Role.STAFF, Role.OFFICER, Role.ADMIN})
MODERATOR_ROLES = frozenset({Role.ADMIN, Role.OFFICER})


def clean_body(raw: str | None, *, field: str = "body", hi: int = COMMENT_MAX, label: str = "comment",
               required: bool = True) -> str:
    """NFC (composed and decomposed Hangul are one text), CRLF as LF, stripped; a text of only spaces
    is empty. Lengths count characters as a person sees them (an emoji of one code point is one)."""
    name = as_label(label)
    if raw is not None and len(raw) > hi * 4:  # far over: refuse before normalising 100,000 characters
        raise DomainError(C.TOO_LONG, msg("A {label} has at most {max:,} characters.", label=name, max=hi), field)
    value = unicodedata.normalize("NFC", raw or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not value:
        if not required:
            return ""
        raise DomainError(C.REQUIRED, msg("Enter a {label}.", label=name), field)
    if _FORBIDDEN.search(value):
        raise DomainError(C.INVALID, msg("The {label} contains control characters.", label=name), field)
    if len(value) > hi:
        raise DomainError(C.TOO_LONG, msg("A {label} has at most {max:,} characters.", label=name, max=hi), field)
    return value


def require_login(viewer: Viewer, message: str = msg("Log in to take part in the discussion.")) -> None:
    if viewer.user is None:
        raise DomainError(C.NOT_AUTHENTICATED, message)


def require_verified_email(viewer: Viewer) -> None:
    """Writing a comment needs an address proven by its link (``AGENDA_REQUIRE_VERIFIED_EMAIL``), as
    proposing and supporting do."""
    if current_accountability().require_verified_email and viewer.user is not None \
            and viewer.user.email_verified_at is None:
        raise DomainError(C.EMAIL_NOT_VERIFIED, "Confirm your e-mail address first: follow the link we mailed "
                                                "you, or ask for a new one.")


def takes_comments(agenda: Agenda) -> bool:
    """Comments are public: only a public agenda that the public can see takes them."""
    return agenda.visibility == Visibility.PUBLIC.value and AgendaStatus(agenda.status) in PUBLIC_STATUSES


def is_moderator(viewer: Viewer) -> bool:
    return viewer.role in MODERATOR_ROLES


def may_mark_official(viewer: Viewer, agenda: Agenda) -> bool:
    """The owner's staff (or the officer for officer-owned agendas), admins — and the officer, who
    answers for the programme on any agenda."""
    return owns(viewer, agenda) or viewer.role == Role.OFFICER


def check_answerable(agenda: Agenda) -> None:
    """An official answer is the city's word on an open agenda: not on one merged into another (the
    discussion and the followers moved there), nor on one the public can no longer see. Taking an
    answer back stays possible on either."""
    if agenda.status == AgendaStatus.MERGED.value:
        raise DomainError(C.AGENDA_MERGED, "This agenda was merged into another: leave the official answer on the "
                                           "agenda it was merged into.", "commentId")
    if not takes_comments(agenda):
        raise DomainError(C.COMMENTS_CLOSED, "Only public agendas take comments.", "commentId")


def may_read_notes(viewer: Viewer, agenda: Agenda) -> bool:
    """Internal notes: the owning department's staff, the officer, admins. Nobody else — not other
    departments, not facilitators or researchers, never the public."""
    if viewer.user is None:
        return False
    if viewer.role in (Role.ADMIN, Role.OFFICER):
        return True
    return (viewer.role == Role.STAFF and agenda.owner_kind == OwnerKind.DEPARTMENT.value
            and agenda.owner_department_id in viewer.department_ids)


def is_deleted(c: Comment) -> bool:
    return c.deleted_at is not None


def shows_body(viewer: Viewer, c: Comment) -> bool:
    """The text is public while the comment is visible and not deleted; moderators also read hidden
    and removed comments (to decide on them). A deleted comment's text is gone for everyone."""
    if is_deleted(c):
        return False
    if c.status == Status.VISIBLE.value:
        return True
    return is_moderator(viewer)


def is_author(viewer: Viewer, c: Comment) -> bool:
    return viewer.user is not None and c.author_id == viewer.user.id


def may_edit(viewer: Viewer, c: Comment) -> bool:
    return is_author(viewer, c) and not is_deleted(c) and c.status != Status.REMOVED.value
