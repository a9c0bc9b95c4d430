"""What each kind of notification says, in the reader's language.

A notification stores its kind and the facts it needs (``params``: the agenda's title, the owner's
names in both languages, a due date, a reason); ``render`` writes its title and body in the language
asked for, with the same catalogue as every other message (``server/i18n``). Dates are the city's
calendar dates, written the way each language writes them (2026. 12. 9. / 9 Dec 2026)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from zoneinfo import ZoneInfo

from server.agendas.labels import status_label
from server.i18n import localize, msg


class Kind(str, Enum):
    ROUTED = "ROUTED"                        # proposer: the agenda reached its owner; answer due
    REROUTED = "REROUTED"                    # proposer: moved to another owner, and why
    NEW_IN_QUEUE = "NEW_IN_QUEUE"            # owner's staff: a new agenda to decide
    INFO_REQUESTED = "INFO_REQUESTED"        # proposer: a question to answer
    INFO_ANSWERED = "INFO_ANSWERED"          # owner's staff: the proposer answered
    DECIDED = "DECIDED"                      # proposer: accepted, rejected, merged, in progress, completed
    FOLLOWED_UPDATE = "FOLLOWED_UPDATE"      # supporters and followers: the same decisions
    PROGRESS_UPDATED = "PROGRESS_UPDATED"    # proposer and followers: the execution plan moved
    DEADLINE_REMINDER = "DEADLINE_REMINDER"  # owner's staff: a decision is due soon
    PROGRESS_DUE = "PROGRESS_DUE"            # owner's staff: a progress update is due
    ESCALATED = "ESCALATED"                  # officer and owner's staff: the answer deadline passed
    THRESHOLD_REACHED = "THRESHOLD_REACHED"  # proposer, followers and owner's staff
    OFFICIAL_ANSWER = "OFFICIAL_ANSWER"      # proposer and followers: the owner answered publicly
    COMMENT_ADDED = "COMMENT_ADDED"          # proposer and followers: someone commented (server/participation)
    COMMENT_REPLY = "COMMENT_REPLY"          # a comment's author: someone replied to it
    COMMENT_OFFICIAL_ANSWER = "COMMENT_OFFICIAL_ANSWER"  # proposer and followers: a comment became an official answer


@dataclass(frozen=True)
class Rendered:
    title: str
    body: str


def format_date(value: str | datetime | None, language: str, timezone: str = "Asia/Seoul") -> str:
    if not value:
        return ""
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    day = moment.astimezone(ZoneInfo(timezone)).date()
    if language == "en":
        return f"{day.day} {day.strftime('%b')} {day.year}"
    return f"{day.year}. {day.month}. {day.day}."


def _owner(params: dict, language: str) -> str:
    if params.get("owner_kind") == "INNOVATION_OFFICER":
        return localize(msg("the Social Innovation Officer"), language)
    return params.get("owner_en" if language == "en" else "owner_ko") or params.get("owner_ko") or ""


_TITLES = {
    Kind.ROUTED: "Your agenda was sent to {owner}",
    Kind.REROUTED: "Your agenda was moved to {owner}",
    Kind.NEW_IN_QUEUE: "A new agenda is waiting for your decision",
    Kind.INFO_REQUESTED: "A question about your agenda",
    Kind.INFO_ANSWERED: "The proposer answered your question",
    Kind.DECIDED: "Your agenda is now {status}",
    Kind.FOLLOWED_UPDATE: "An agenda you follow is now {status}",
    Kind.PROGRESS_UPDATED: "Progress on an agenda: {progress}%",
    Kind.DEADLINE_REMINDER: "A decision is due by {due}",
    Kind.PROGRESS_DUE: "A progress update is due",
    Kind.ESCALATED: "Overdue: no decision by {due}",
    Kind.THRESHOLD_REACHED: "{count} supports reached",
    Kind.OFFICIAL_ANSWER: "An official answer was published",
    Kind.COMMENT_ADDED: "A new comment on an agenda",
    Kind.COMMENT_REPLY: "A reply to your comment",
    Kind.COMMENT_OFFICIAL_ANSWER: "An official answer in the discussion",
}

_BODIES = {
    Kind.ROUTED: "“{title}” is with {owner}, who owes you a decision by {due}.",
    Kind.REROUTED: "“{title}” is now with {owner}. Reason: {reason}",
    Kind.NEW_IN_QUEUE: "“{title}” is in your queue; a decision is due by {due}.",
    Kind.INFO_REQUESTED: "“{title}”: {reason} Answer it on the agenda page; the deadline waits for you.",
    Kind.INFO_ANSWERED: "“{title}” is back in your queue with the proposer's answer; a decision is due by {due}.",
    Kind.DECIDED: "“{title}” is now {status}.",
    Kind.FOLLOWED_UPDATE: "“{title}” is now {status}.",
    Kind.PROGRESS_UPDATED: "“{title}” was updated by its owner: {progress}% done.",
    Kind.DEADLINE_REMINDER: "“{title}” is waiting for a decision by {due}.",
    Kind.PROGRESS_DUE: "“{title}” has had no progress update since {since}; tell its followers where it stands.",
    Kind.ESCALATED: "“{title}” passed its answer deadline ({due}) without a decision; it was escalated to the Social Innovation Officer.",
    Kind.THRESHOLD_REACHED: "“{title}” reached {count} supports: {action}",
    Kind.OFFICIAL_ANSWER: "“{title}”: {reason}",
    Kind.COMMENT_ADDED: "{author} commented on “{title}”.",
    Kind.COMMENT_REPLY: "{author} replied to your comment on “{title}”.",
    Kind.COMMENT_OFFICIAL_ANSWER: "{author}'s comment on “{title}” was marked as the city's official answer.",
}

_ACTIONS = {
    "ANSWER": "its owner owes a public official answer by the answer deadline.",
    "WORKSHOP": "it goes on the next quarterly execution workshop for a plan review.",
}

# A deadline whose decision was taken but whose official answer (owed for a support threshold) was
# not: the reminder and the escalation say so.
_OFFICIAL_TITLES = {
    Kind.DEADLINE_REMINDER: "An official answer is due by {due}",
    Kind.ESCALATED: "Overdue: no official answer by {due}",
}
_OFFICIAL_BODIES = {
    Kind.DEADLINE_REMINDER: "“{title}” reached its support threshold and owes a public official answer by {due}.",
    Kind.ESCALATED: "“{title}” passed its answer deadline ({due}) without the official answer its supporters are "
                    "owed; it was escalated to the Social Innovation Officer.",
}

# Decisions with a written reason (a rejection always has one) say it.
_WITH_REASON = {
    Kind.DECIDED: "“{title}” is now {status}. Reason: {reason}",
    Kind.FOLLOWED_UPDATE: "“{title}” is now {status}. Reason: {reason}",
}


def render(kind: str, params: dict, language: str, timezone: str = "Asia/Seoul") -> Rendered:
    k = Kind(kind)
    values = {
        "title": params.get("title", ""),
        "owner": _owner(params, language),
        "due": format_date(params.get("due"), language, timezone),
        "since": format_date(params.get("since"), language, timezone),
        "reason": params.get("reason") or "",
        "progress": params.get("progress", 0),
        "count": params.get("count", 0),
        "author": params.get("author") or "",
        "status": localize(status_label(params["status"]), language) if params.get("status") else "",
        "action": localize(msg(_ACTIONS[params["action"]]), language) if params.get("action") in _ACTIONS else "",
    }
    official = params.get("owed") == "OFFICIAL_ANSWER" and k in _OFFICIAL_TITLES
    title = localize(msg(_OFFICIAL_TITLES[k] if official else _TITLES[k], **values), language)
    template = _WITH_REASON[k] if k in _WITH_REASON and values["reason"] else _BODIES[k]
    if official:
        template = _OFFICIAL_BODIES[k]
    body = localize(msg(template, **values), language)
    return Rendered(title=title, body=body)
