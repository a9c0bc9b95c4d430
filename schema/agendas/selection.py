"""What a list query's selection needs from the database: which agenda columns, and whether the page's
proposers and owner departments are worth loading up front.

A listing shows five or six of an agenda's 42 columns; reading whole rows decodes three JSON
documents and parses every timestamp of every agenda to throw them away (bench/README.md, issue 16).
So a list resolver looks ahead at the fields its query selects under ``edges { node { … } }`` —
through fragments and inline fragments, ignoring ``@skip``/``@include`` (reading a column too many is
harmless) — and asks for those columns only.

Only fields whose needs are plain are mapped here: a column, or a couple of columns a resolver reads.
Any other field (routing, merged agendas, reviews, what a policy decides on the whole agenda…) makes
the page read whole models, exactly as before, so every field stays resolvable whatever it reads; a
field added to the type later is safe the same way until someone maps it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from strawberry.types import Info
from strawberry.types.nodes import FragmentSpread, InlineFragment, SelectedField

from schema.accounts.dataloaders import PERSON_SHOWN

# What a proposer shows (``User.from_row``), read with the page in the same statement (a join: every
# agenda has a proposer) instead of a second query by id; ``prefetch_page`` builds the people from it.
# The display name is always read (it marks the page's proposers as joined); the other columns when
# the proposer's selection shows them, all of them when it asks for anything else.
PROPOSER_COLUMNS = tuple(f"proposer__{c}" for c in PERSON_SHOWN if c != "id")
_PROPOSER_ALWAYS = ("proposer_id", "proposer__display_name")
# GraphQL field of ``User`` → the person's columns it shows (``id`` is the agenda's ``proposer_id``)
_PERSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "__typename": (), "id": (), "displayName": ("display_name",), "role": ("role",), "createdAt": ("created_at",),
}

# GraphQL field of ``Agenda`` → the columns its value is read from (``id`` is always read).
_COLUMNS: dict[str, tuple[str, ...]] = {
    "__typename": (),
    "id": (),
    "title": ("title",),
    "body": ("body",),
    "field": ("field",),
    "fieldLabel": ("field",),
    "channel": ("channel",),
    "status": ("status",),
    "visibility": ("visibility",),
    "district": ("district",),
    "districtLabel": ("district",),
    "createdAt": ("created_at",),
    "updatedAt": ("updated_at",),
    "statusChangedAt": ("status_changed_at",),
    "version": ("version",),
    "supportCount": ("support_count",),
    "verifiedSupportCount": ("verified_support_count",),
    "statusReason": ("status_reason",),
    "owner": ("owner_kind", "owner_department_id"),
    "proposer": ("proposer_id", *PROPOSER_COLUMNS),  # or fewer: _proposer_columns
    "overdue": ("overdue",),
    "answerDueAt": ("answer_due_at",),
    "answerWorkingDaysLeft": ("answer_due_at", "answer_days_left"),
    "answerWorkingDaysOverdue": ("answer_due_at",),
    "progressDueAt": ("progress_due_at",),
    "officialAnswerRequired": ("official_answer_required",),
    # read through DataLoaders keyed by the agenda's id
    "viewerHasSupported": (),
    "viewerIsFollowing": (),
    "history": (),
    "attachments": (),
    "plan": (),
}


@dataclass(frozen=True)
class PageNeeds:
    columns: tuple[str, ...] | None  # None: whole models
    proposers: bool  # ``proposer`` is selected: load the page's proposers in one query, up front
    departments: bool  # ``owner { department }`` is selected: the same for owner departments


def page_needs(info: Info, path: tuple[str, str] = ("edges", "node")) -> PageNeeds:
    """What the list field being resolved needs for its selection: the agendas under ``path`` — a
    connection's ``edges { node }``, a search's ``hits { agenda }``."""
    outer, inner = path
    nodes = [n for connection in info.selected_fields
             for edges in _fields(connection.selections) if edges.name == outer
             for n in _fields(edges.selections) if n.name == inner]
    selected = list(_fields(s for n in nodes for s in n.selections))
    columns: dict[str, None] = {}
    for field in selected:
        needed = _proposer_columns(field) if field.name == "proposer" else _COLUMNS.get(field.name)
        if needed is None:
            columns = None
            break
        columns.update(dict.fromkeys(needed))
    owner_departments = any(d.name == "department" for f in selected if f.name == "owner"
                            for d in _fields(f.selections))
    return PageNeeds(columns=None if columns is None else tuple(columns),
                     proposers=any(f.name == "proposer" for f in selected), departments=owner_departments)


def _proposer_columns(proposer: SelectedField) -> tuple[str, ...]:
    """The columns a ``proposer { … }`` selection shows (the display name always)."""
    columns = dict.fromkeys(_PROPOSER_ALWAYS)
    for field in _fields(proposer.selections):
        shown = _PERSON_COLUMNS.get(field.name)
        if shown is None:  # e-mail, departments…: the person as UserByIdLoader reads them
            return ("proposer_id", *PROPOSER_COLUMNS)
        columns.update(dict.fromkeys(f"proposer__{c}" for c in shown))
    return tuple(columns)


def _fields(selections: Iterable) -> Iterator[SelectedField]:
    """The fields of a selection set, fragments spread in place."""
    for s in selections:
        if isinstance(s, SelectedField):
            yield s
        elif isinstance(s, FragmentSpread | InlineFragment):
            yield from _fields(s.selections)
