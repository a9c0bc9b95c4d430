"""The agenda lifecycle as an explicit table: from which status to which, by whom.

Actors are named by their relation to the agenda, not by role alone:
``OWNER`` is the staff of the owning department (or an officer, for officer-owned agendas),
``PROPOSER`` the person who proposed it, ``SYSTEM`` the routing step. Admins may do whatever an
owner may. Keeping this as data lets the policy module, the GraphQL layer and the tests read one
source of truth instead of scattered ``if`` chains.
"""

from __future__ import annotations

from enum import Enum

from server.agendas.enums import AgendaStatus as S


class Actor(str, Enum):
    SYSTEM = "SYSTEM"
    OWNER = "OWNER"
    PROPOSER = "PROPOSER"


# (from, to) -> who may make the move, and whether a written reason is required.
TRANSITIONS: dict[tuple[S, S], tuple[frozenset[Actor], bool]] = {
    (S.SUBMITTED, S.IN_TRIAGE): (frozenset({Actor.SYSTEM}), False),
    (S.IN_TRIAGE, S.ACCEPTED): (frozenset({Actor.OWNER}), False),
    (S.IN_TRIAGE, S.REJECTED): (frozenset({Actor.OWNER}), True),
    (S.IN_TRIAGE, S.NEEDS_INFO): (frozenset({Actor.OWNER}), True),
    (S.IN_TRIAGE, S.MERGED): (frozenset({Actor.OWNER}), False),
    # The proposer answers; the agenda is routed again and returns to triage.
    (S.NEEDS_INFO, S.IN_TRIAGE): (frozenset({Actor.PROPOSER}), False),
    # An unanswered request may still be closed by the owner.
    (S.NEEDS_INFO, S.REJECTED): (frozenset({Actor.OWNER}), True),
    (S.NEEDS_INFO, S.MERGED): (frozenset({Actor.OWNER}), False),
    (S.ACCEPTED, S.IN_PROGRESS): (frozenset({Actor.OWNER}), False),
    (S.IN_PROGRESS, S.COMPLETED): (frozenset({Actor.OWNER}), False),
}

# Statuses in which the owner still decides where an agenda belongs.
REROUTABLE = frozenset({S.IN_TRIAGE, S.NEEDS_INFO, S.ACCEPTED, S.IN_PROGRESS})
# Statuses that are final: nothing moves out of them.
FINAL = frozenset({S.REJECTED, S.MERGED, S.COMPLETED})
# Statuses from which a triage decision can be taken.
TRIAGE_STATUSES = frozenset({S.IN_TRIAGE, S.NEEDS_INFO})
# An agenda can be merged into one that is still alive.
MERGE_TARGET_STATUSES = frozenset({S.IN_TRIAGE, S.NEEDS_INFO, S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED})


def rule(current: S, target: S) -> tuple[frozenset[Actor], bool] | None:
    return TRANSITIONS.get((current, target))


def allowed_targets(current: S) -> list[S]:
    return [to for (frm, to) in TRANSITIONS if frm == current]
