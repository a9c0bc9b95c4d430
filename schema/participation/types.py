from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.types import Info

from server.agendas import policy
from server.participation import rules
from server.participation.models import Comment as CommentModel
from server.participation.models import InternalNote as NoteModel
from server.participation.rules import CommentOrder as CommentOrderEnum
from server.participation.rules import ModerationDecision as DecisionEnum
from server.participation.rules import ReportReason as ReasonEnum
from server.participation.rules import Status
from schema.accounts.types import User
from schema.agendas.dataloaders import AgendaByIdLoader, UserByIdLoader
from schema.agendas.types import PageInfo
from schema.participation.dataloaders import OpenReportsByCommentLoader, RepliesByParentLoader, ReportedByViewerLoader

CommentOrder = strawberry.enum(CommentOrderEnum, name="CommentOrder", description="Newest or oldest first.")
CommentReportReason = strawberry.enum(ReasonEnum, name="CommentReportReason",
                                      description="Why a comment is reported.")
ModerationDecision = strawberry.enum(DecisionEnum, name="ModerationDecision",
                                     description="RESTORE shows a comment again; REMOVE takes it down.")


@strawberry.enum(description="What a reader sees of a comment: VISIBLE; HIDDEN by reports until a moderator "
                             "decides; REMOVED by a moderator; DELETED by its author. Only VISIBLE comments "
                             "show their text to the public (moderators read HIDDEN and REMOVED ones).")
class CommentState(Enum):
    VISIBLE = "VISIBLE"
    HIDDEN = "HIDDEN"
    REMOVED = "REMOVED"
    DELETED = "DELETED"


@strawberry.type(description="One open report of a comment, as a moderator reads it (the reporter is not named).")
class CommentReport:
    reason: CommentReportReason
    note: str
    created_at: datetime


@strawberry.type(description="A comment on a public agenda, or a reply to one (replies go one level deep).")
class Comment:
    id: strawberry.ID
    created_at: datetime
    edited_at: datetime | None
    state: CommentState
    is_official_answer: bool = strawberry.field(
        description="Marked by the agenda's owner as the city's official answer; shown apart on the agenda page.")
    parent_id: strawberry.ID | None
    _model: strawberry.Private[CommentModel]

    @classmethod
    def from_model(cls, c: CommentModel) -> "Comment":
        state = CommentState.DELETED if c.deleted_at is not None else CommentState(c.status)
        return cls(id=strawberry.ID(str(c.id)), created_at=c.created_at, edited_at=c.edited_at, state=state,
                   is_official_answer=bool(c.official_answer) and state == CommentState.VISIBLE,
                   parent_id=strawberry.ID(str(c.parent_id)) if c.parent_id else None, _model=c)

    @strawberry.field(description="The text: null when deleted, and when hidden or removed (except for moderators).")
    async def body(self, info: Info) -> str | None:
        return self._model.body if rules.shows_body(await info.context.viewer(), self._model) else None

    @strawberry.field(description="Who wrote it; null once its author deleted it.")
    async def author(self, info: Info) -> User | None:
        if self._model.deleted_at is not None:
            return None
        u = await info.context.loader(UserByIdLoader).load(self._model.author_id)
        return User.from_model(u) if u else None

    @strawberry.field(description="Replies to a top-level comment, oldest first (empty for a reply).")
    async def replies(self, info: Info) -> list[Annotated["Comment", strawberry.lazy("schema.participation.types")]]:
        if self._model.parent_id is not None:
            return []
        return [Comment.from_model(c) for c in await info.context.loader(RepliesByParentLoader).load(self._model.id)]

    @strawberry.field(description="The agenda it is on.")
    async def agenda(self, info: Info) -> Annotated["Agenda", strawberry.lazy("schema.agendas.types")] | None:
        from schema.agendas.types import Agenda

        a = await info.context.loader(AgendaByIdLoader).load(self._model.agenda_id)
        if a is None or not policy.can_view(await info.context.viewer(), a):
            return None
        return Agenda.from_model(a)

    @strawberry.field
    async def viewer_can_edit(self, info: Info) -> bool:
        return rules.may_edit(await info.context.viewer(), self._model)

    @strawberry.field(description="Whether the caller has reported it already (a second report counts once).")
    async def viewer_has_reported(self, info: Info) -> bool:
        return await info.context.loader(ReportedByViewerLoader).load(self._model.id)

    @strawberry.field(description="Whether the caller may mark (or unmark) it as an official answer.")
    async def viewer_can_mark_official(self, info: Info) -> bool:
        viewer = await info.context.viewer()
        if viewer.user is None or self._model.deleted_at is not None or self._model.status != Status.VISIBLE.value:
            return False
        a = await info.context.loader(AgendaByIdLoader).load(self._model.agenda_id)
        if a is None or not rules.may_mark_official(viewer, a):
            return False
        author = await info.context.loader(UserByIdLoader).load(self._model.author_id)
        return author is not None and author.role in {r.value for r in rules.OFFICIAL_AUTHOR_ROLES}

    @strawberry.field(description="Open reports (moderators only; null for others).")
    async def open_report_count(self, info: Info) -> int | None:
        return self._model.open_reports if rules.is_moderator(await info.context.viewer()) else None

    @strawberry.field(description="The open reports with their reasons (moderators only; empty for others).")
    async def reports(self, info: Info) -> list[CommentReport]:
        if not rules.is_moderator(await info.context.viewer()):
            return []
        rows = await info.context.loader(OpenReportsByCommentLoader).load(self._model.id)
        return [CommentReport(reason=ReasonEnum(r.reason), note=r.note, created_at=r.created_at) for r in rows]


@strawberry.type
class CommentEdge:
    node: Comment
    cursor: str


@strawberry.type
class CommentConnection:
    edges: list[CommentEdge]
    page_info: PageInfo
    total_count: int

    @classmethod
    def from_page(cls, page, *, had_cursor: bool) -> "CommentConnection":
        return cls(
            edges=[CommentEdge(node=Comment.from_model(c), cursor=k) for c, k in zip(page.items, page.cursors)],
            page_info=PageInfo(has_next_page=page.has_next, has_previous_page=had_cursor,
                               start_cursor=page.cursors[0] if page.cursors else None,
                               end_cursor=page.cursors[-1] if page.cursors else None),
            total_count=page.total_count)


@strawberry.type(description="A staff-only note on an agenda: for the owning department's staff, the Social "
                             "Innovation Officer and admins; never public, exported or searchable.")
class InternalNote:
    id: strawberry.ID
    body: str
    created_at: datetime
    _author_id: strawberry.Private[int]

    @strawberry.field
    async def author(self, info: Info) -> User | None:
        u = await info.context.loader(UserByIdLoader).load(self._author_id)
        return User.from_model(u) if u else None

    @classmethod
    def from_model(cls, n: NoteModel) -> "InternalNote":
        return cls(id=strawberry.ID(str(n.id)), body=n.body, created_at=n.created_at, _author_id=n.author_id)
