from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Annotated

import strawberry
from strawberry.scalars import JSON
from strawberry.types import Info

from server.agendas import enums as E
from server.agendas import explanations
from server.agendas import policy
from server.agendas.filter import AgendaFilter, clean_filter
from server.agendas import reference
from server.agendas.models import Agenda as AgendaModel
from server.agendas.models import AgendaEvent as EventModel
from server.agendas.models import WorkPlanItem as WorkPlanItemModel
from server.agendas.queries import AgendaOrder as AgendaOrderEnum
from server.agendas.queries import AgendaRow
from server.agendas.routing import OwnerKind as OwnerKindEnum
from server.agendas.routing import RoutingReason as RoutingReasonEnum
from server.agendas.triage import Decision
from schema.accounts.types import Department, User
from schema.execution import prefetched, put_prefetched
from schema.agendas.dataloaders import (
    AgendaByIdLoader,
    DepartmentByCodeLoader,
    DepartmentByIdLoader,
    EventsByAgendaLoader,
    FollowedByViewerLoader,
    PagePeople,
    SupportedByViewerLoader,
    UserByIdLoader,
    WorkPlanItemByIdLoader,
)

PolicyField = strawberry.enum(E.PolicyField, name="PolicyField", description="The five policy fields of the programme.")
Channel = strawberry.enum(E.Channel, name="Channel", description="Discovery channel (발굴 경로).")
AgendaStatus = strawberry.enum(E.AgendaStatus, name="AgendaStatus")
Visibility = strawberry.enum(E.Visibility, name="Visibility")
EventKind = strawberry.enum(E.EventKind, name="AgendaEventKind")
OwnerKind = strawberry.enum(OwnerKindEnum, name="OwnerKind")
RoutingReason = strawberry.enum(RoutingReasonEnum, name="RoutingReason")
AgendaOrder = strawberry.enum(AgendaOrderEnum, name="AgendaOrder")
TriageDecision = strawberry.enum(Decision, name="TriageDecision")


@strawberry.type(description="A label in Korean, English and Traditional Chinese.")
class Label:
    code: str
    ko: str
    en: str
    zh: str


@strawberry.type
class AgendaOwner:
    kind: OwnerKind
    _department_id: strawberry.Private[int | None]

    @strawberry.field(metadata=prefetched("_department"))  # set by Agenda.carry (a page's departments)
    def department(self, info: Info) -> Department | None:
        if self._department_id is None:
            return None
        loader = info.context.loader(DepartmentByIdLoader)
        d = loader.known(self._department_id, _NOT_LOADED)  # prefetched with the page: no await
        if d is _NOT_LOADED:
            return _later(loader, self._department_id, Department.from_model)
        return Department.from_model(d) if d else None


_NOT_LOADED = object()


def _page_owner(kind: str | None, department_id: int | None, people: PagePeople, shared: dict) -> "AgendaOwner | None":
    """The one owner object a page shows for (kind, department), its department prefetched."""
    key = ("owner", kind, department_id)
    owner = shared.get(key, _NOT_LOADED)
    if owner is not _NOT_LOADED:
        return owner
    owner = None
    if kind:
        owner = AgendaOwner(kind=OwnerKindEnum(kind), _department_id=department_id)
        if people.departments is not None:
            if department_id is None:
                put_prefetched(owner, "_department", None)
            elif department_id in people.departments:
                d = people.departments[department_id]
                put_prefetched(owner, "_department", Department.from_model(d) if d else None)
    shared[key] = owner
    return owner


def _page_proposer(user_id: int, users: dict, shared: dict) -> "User | None":
    """The one person object a page shows for a proposer (``users``: their ``Row``s by id)."""
    key = ("user", user_id)
    person = shared.get(key, _NOT_LOADED)
    if person is _NOT_LOADED:
        u = users[user_id]
        person = shared[key] = User.from_row(u) if u else None
    return person


async def _later(loader, key, build):
    """A sync resolver may return an awaitable: graphql-core awaits it (the rare not-prefetched row)."""
    found = await loader.load(key)
    return build(found) if found else None


@strawberry.type(description="Why an agenda belongs where it does under the routing rule (분담체계): the reason, the candidate departments and the matched terms.")
class Routing:
    reason: RoutingReason
    matched_terms: list[str]
    _explanation_data: strawberry.Private[object]
    _explanation_english: strawberry.Private[str]
    _candidates: strawberry.Private[list[str]]

    @strawberry.field(description="The decision in one or two sentences, in the reader's language, naming its "
                                  "evidence: matched terms, a work-plan item, the duty statement, similar agendas "
                                  "the department accepted; departments by their names.")
    async def explanation(self, info: Info) -> str:
        codes = sorted(explanations.department_codes(self._explanation_data))
        rows = await info.context.loader(DepartmentByCodeLoader).load_many(codes) if codes else []
        names = {d.code: {"ko": d.name_ko, "en": d.name_en} for d in rows if d is not None}
        return explanations.render(self._explanation_data, self._explanation_english, names=names)

    @strawberry.field
    async def candidates(self, info: Info) -> list[Department]:
        rows = await info.context.loader(DepartmentByCodeLoader).load_many(self._candidates)
        return [Department.from_model(d) for d in rows if d is not None]


@strawberry.type
class WorkPlanItem:
    id: strawberry.ID
    title: str
    keywords: list[str]
    year: int
    retired: bool = strawberry.field(description="Retired: kept for the agendas that name it, no longer offered for new proposals.")
    _department_id: strawberry.Private[int]

    @strawberry.field
    async def department(self, info: Info) -> Department | None:
        d = await info.context.loader(DepartmentByIdLoader).load(self._department_id)
        return Department.from_model(d) if d else None

    @classmethod
    def from_model(cls, w: WorkPlanItemModel) -> "WorkPlanItem":
        return cls(id=strawberry.ID(str(w.id)), title=w.title, keywords=list(w.keywords or []), year=w.year,
                   retired=w.retired_at is not None, _department_id=w.department_id)


@strawberry.type(description="One line of an agenda's history.")
class AgendaEvent:
    id: strawberry.ID
    kind: EventKind
    from_status: AgendaStatus | None
    to_status: AgendaStatus | None
    reason: str | None
    data: JSON
    created_at: datetime
    _actor_id: strawberry.Private[int | None]

    @strawberry.field(description="Who did it; null for the system (automatic routing).")
    async def actor(self, info: Info) -> User | None:
        if self._actor_id is None:
            return None
        u = await info.context.loader(UserByIdLoader).load(self._actor_id)
        return User.from_model(u) if u else None

    @classmethod
    def from_model(cls, e: EventModel) -> "AgendaEvent":
        return cls(id=strawberry.ID(str(e.id)), kind=E.EventKind(e.kind),
                   from_status=E.AgendaStatus(e.from_status) if e.from_status else None,
                   to_status=E.AgendaStatus(e.to_status) if e.to_status else None,
                   reason=e.reason, data=e.data or {}, created_at=e.created_at, _actor_id=e.actor_id)


@strawberry.enum(description="What a support threshold obliges the owner to do.")
class ThresholdAction(Enum):
    ANSWER = "ANSWER"
    WORKSHOP = "WORKSHOP"


@strawberry.type(description="The next support threshold an agenda can still reach: how many verified supports "
                             "it takes, how many are missing, and until when supports count toward it.")
class SupportThresholdProgress:
    action: ThresholdAction
    count: int
    remaining: int
    counts_until: datetime


@strawberry.type(description="The owner's public answer to an agenda that reached its support threshold.")
class OfficialAnswer:
    body: str
    answered_at: datetime | None
    _author_id: strawberry.Private[int | None]

    @strawberry.field(description="The official who wrote it.")
    async def author(self, info: Info) -> User | None:
        if self._author_id is None:
            return None
        u = await info.context.loader(UserByIdLoader).load(self._author_id)
        return User.from_model(u) if u else None


@strawberry.type(description="A social-innovation agenda (혁신의제).")
class Agenda:
    id: strawberry.ID
    title: str
    body: str
    field: PolicyField
    channel: Channel
    status: AgendaStatus
    visibility: Visibility
    district: str | None
    created_at: datetime
    updated_at: datetime
    status_changed_at: datetime
    version: int = strawberry.field(description="Send it back as expectedVersion when changing the agenda.")
    support_count: int
    status_reason: str | None = strawberry.field(
        description="The reason of the last triage decision (the rejection reason, or the question asked).")
    _model: strawberry.Private[AgendaModel]

    @classmethod
    def from_model(cls, a: AgendaModel) -> "Agenda":
        return cls(
            id=strawberry.ID(str(a.id)), title=a.title, body=a.body, field=E.PolicyField(a.field),
            channel=E.Channel(a.channel), status=E.AgendaStatus(a.status), visibility=E.Visibility(a.visibility),
            district=a.district, created_at=a.created_at, updated_at=a.updated_at,
            status_changed_at=a.status_changed_at, version=a.version, support_count=a.support_count,
            status_reason=a.status_reason, _model=a,
        )

    @classmethod
    def nodes_of(cls, items: list, people: PagePeople | None) -> list["Agenda"]:
        """A list's agendas — all ``AgendaRow``s read column by column, or all whole models — as nodes
        carrying their owners and proposers (``people``: ``prefetch_page``)."""
        if items and isinstance(items[0], AgendaRow):
            return cls.from_rows(items, people)
        nodes = [cls.from_model(a) for a in items]
        if people is not None:
            shared: dict = {}
            for node in nodes:
                node.carry(people, shared)
        return nodes

    @classmethod
    def from_rows(cls, rows: list[AgendaRow], people: PagePeople | None) -> list["Agenda"]:
        """A page's nodes from rows read column by column (``schema/agendas/selection.py``), owners and
        proposers carried as ``carry`` does, in one loop (a hundred rows a page: this is most of what
        building a page costs). The fields whose columns were read are set; the others — which the
        query does not select — are left unset rather than filled with made-up values."""
        read = cls.row_fields(rows[0])  # a page's rows hold the same columns
        new = cls.__new__
        shared: dict = {}
        owners = people is not None and "owner_kind" in rows[0].__dict__
        users = people.users if people is not None else None
        nodes = []
        for row in rows:
            values = row.__dict__
            node = new(cls)
            shown = node.__dict__
            shown["id"] = str(values["id"])
            for name in read:
                shown[name] = values[name]
            shown["_model"] = row
            if owners:  # put_prefetched, inlined
                shown["_owner"] = _page_owner(values["owner_kind"], values["owner_department_id"], people, shared)
            if users is not None:
                user_id = values.get("proposer_id")
                if user_id in users:
                    shown["_proposer"] = _page_proposer(user_id, users, shared)
            nodes.append(node)
        return nodes

    @staticmethod
    def row_fields(row: AgendaRow) -> tuple[str, ...]:
        """The fields a row's columns answer."""
        values = row.__dict__
        return tuple(name for name in _ROW_FIELDS if name in values)

    def carry(self, people: PagePeople, shared: dict) -> None:
        """Put the owner and proposer on the node as prefetched values (``schema/execution.py``), from
        a page's people loaded up front: the executor reads them instead of calling the resolvers.
        ``shared`` holds one built object per owner, department and proposer for the whole page
        (they are read-only answers: twenty agendas of one department show one object)."""
        m = self._model
        kind = getattr(m, "owner_kind", _NOT_LOADED)  # a page's row holds the columns its query shows
        if kind is not _NOT_LOADED:
            put_prefetched(self, "_owner", _page_owner(kind, m.owner_department_id, people, shared))
        user_id = getattr(m, "proposer_id", None)
        if people.users is not None and user_id in people.users:
            put_prefetched(self, "_proposer", _page_proposer(user_id, people.users, shared))

    @strawberry.field(metadata=prefetched("_owner"))
    def owner(self) -> AgendaOwner | None:
        m = self._model
        if not m.owner_kind:
            return None
        return AgendaOwner(kind=OwnerKindEnum(m.owner_kind), _department_id=m.owner_department_id)

    @strawberry.field
    def routing(self) -> Routing | None:
        m = self._model
        if not m.routing_reason:
            return None
        return Routing(reason=RoutingReasonEnum(m.routing_reason), matched_terms=list(m.routing_matched_terms or []),
                       _explanation_data=m.routing_explanation_data, _explanation_english=m.routing_explanation or "",
                       _candidates=list(m.routing_candidates or []))

    @strawberry.field(metadata=prefetched("_proposer"))
    def proposer(self, info: Info) -> User | None:
        loader = info.context.loader(UserByIdLoader)
        u = loader.known(self._model.proposer_id, _NOT_LOADED)  # prefetched with the page: no await
        if u is _NOT_LOADED:
            return _later(loader, self._model.proposer_id, User.from_model)
        return User.from_model(u) if u else None

    @strawberry.field
    async def related_departments(self, info: Info) -> list[Department]:
        rows = await info.context.loader(DepartmentByCodeLoader).load_many(list(self._model.related_department_codes or []))
        return [Department.from_model(d) for d in rows if d is not None]

    @strawberry.field
    async def work_plan_item(self, info: Info) -> WorkPlanItem | None:
        if self._model.work_plan_item_id is None:
            return None
        w = await info.context.loader(WorkPlanItemByIdLoader).load(self._model.work_plan_item_id)
        return WorkPlanItem.from_model(w) if w else None

    @strawberry.field(description="For a MERGED agenda: the agenda it lives on in.")
    async def merged_into(self, info: Info) -> Annotated["Agenda", strawberry.lazy("schema.agendas.types")] | None:
        if self._model.merged_into_id is None:
            return None
        target = await info.context.loader(AgendaByIdLoader).load(self._model.merged_into_id)
        if target is None or not policy.can_view(await info.context.viewer(), target):
            return None
        return Agenda.from_model(target)

    @strawberry.field(description="Every status change, routing and reroute, oldest first.")
    async def history(self, info: Info) -> list[AgendaEvent]:
        events = await info.context.loader(EventsByAgendaLoader).load(self._model.id)
        return [AgendaEvent.from_model(e) for e in events]

    @strawberry.field
    async def viewer_has_supported(self, info: Info) -> bool:
        return await info.context.loader(SupportedByViewerLoader).load(self._model.id)

    @strawberry.field
    async def viewer_is_following(self, info: Info) -> bool:
        return await info.context.loader(FollowedByViewerLoader).load(self._model.id)

    @strawberry.field(description="Whether the caller may triage this agenda (owner or admin).")
    async def viewer_can_triage(self, info: Info) -> bool:
        return policy.owns(await info.context.viewer(), self._model)

    @strawberry.field(description="The execution plan (실행방안) once the agenda is accepted; public with the agenda.")
    async def plan(self, info: Info) -> Annotated["ExecutionPlan", strawberry.lazy("schema.workshops.types")] | None:
        from schema.workshops.dataloaders import PlanByAgendaLoader
        from schema.workshops.types import ExecutionPlan

        found = await info.context.loader(PlanByAgendaLoader).load(self._model.id)
        return ExecutionPlan.build(*found) if found else None

    @strawberry.field(description="Photos and PDFs attached to the proposal (at most 5); visible exactly when the "
                                  "agenda is. A plan's files are on ``plan.attachments``.")
    async def attachments(self, info: Info) -> list[Annotated["Attachment", strawberry.lazy("schema.attachments.types")]]:
        from schema.attachments.dataloaders import ProposalAttachmentsByAgendaLoader
        from schema.attachments.types import Attachment

        rows = await info.context.loader(ProposalAttachmentsByAgendaLoader).load(self._model.id)
        return [Attachment.from_model(a) for a in rows]

    @strawberry.field(description="Research-team reviews; visible to city staff only (empty for others).")
    async def reviews(self, info: Info) -> list[Annotated["Review", strawberry.lazy("schema.workshops.types")]]:
        from schema.workshops.dataloaders import ReviewsByAgendaLoader
        from schema.workshops.types import Review

        if not (await info.context.viewer()).is_staff:
            return []
        return [Review.from_model(r) for r in await info.context.loader(ReviewsByAgendaLoader).load(self._model.id)]

    @strawberry.field(description="The discussion: top-level comments (each with its replies), newest or oldest "
                                  "first, keyset-paged.")
    async def comments(self, info: Info, first: int = 20, after: str | None = None,
                       order: Annotated["CommentOrder", strawberry.lazy("schema.participation.types")] | None = None,
                       ) -> Annotated["CommentConnection", strawberry.lazy("schema.participation.types")]:
        from schema.participation.queries import agenda_comments
        from server.participation.rules import CommentOrder as Order

        return await agenda_comments(info, self._model, first, after, Order(order.value) if order else Order.NEWEST)

    @strawberry.field(description="Comments the owner marked as the city's official answer, oldest first.")
    async def official_answer_comments(self, info: Info) -> list[
            Annotated["Comment", strawberry.lazy("schema.participation.types")]]:
        from schema.participation.types import Comment
        from server.participation.service import official_answers

        return [Comment.from_model(c) for c in await official_answers(self._model.id)]

    @strawberry.field(description="Staff-only notes, newest first: for the owning department's staff, the Social "
                                  "Innovation Officer and admins (empty for everyone else).")
    async def internal_notes(self, info: Info) -> list[
            Annotated["InternalNote", strawberry.lazy("schema.participation.types")]]:
        from schema.participation.types import InternalNote
        from server.participation.service import internal_notes

        return [InternalNote.from_model(n) for n in await internal_notes(await info.context.viewer(), self._model)]

    @strawberry.field(description="Whether the caller may read and write this agenda's internal notes.")
    async def viewer_can_read_internal_notes(self, info: Info) -> bool:
        from server.participation.rules import may_read_notes

        return may_read_notes(await info.context.viewer(), self._model)

    @strawberry.field(description="When the owner owes a decision: the end of a working day in the city's "
                                  "calendar. Null while waiting for the proposer's answer (the clock is stopped) "
                                  "and once decided.")
    def answer_due_at(self) -> datetime | None:
        return self._model.answer_due_at

    @strawberry.field(description="Working days left before answerDueAt (0 when due today or overdue); while the "
                                  "clock is stopped for a question, the days that will be left when it restarts.")
    def answer_working_days_left(self, info: Info) -> int | None:
        from datetime import datetime as _dt, timezone as _tz

        from server.accountability.policy import current

        m = self._model
        if m.answer_due_at is None:
            return m.answer_days_left
        return current().calendar.working_days_between(_dt.now(_tz.utc), m.answer_due_at)

    @strawberry.field(description="Working days since answerDueAt passed (0 until then, and once nothing is owed "
                                  "by it): how late the owner's answer is, in the city's calendar.")
    def answer_working_days_overdue(self) -> int:
        from datetime import datetime as _dt, timezone as _tz

        from server.accountability.policy import current

        due = self._model.answer_due_at
        if due is None:
            return 0
        return current().calendar.working_days_between(due, _dt.now(_tz.utc))

    @strawberry.field(description="True once the answer deadline passed without a decision (escalated to the "
                                  "Social Innovation Officer).")
    def overdue(self) -> bool:
        return bool(self._model.overdue)

    @strawberry.field(description="When an accepted or in-progress agenda owes its next progress update.")
    def progress_due_at(self) -> datetime | None:
        return self._model.progress_due_at

    @strawberry.field(description="Whether enough verified supports oblige the owner to a public official answer.")
    def official_answer_required(self) -> bool:
        return bool(self._model.official_answer_required)

    @strawberry.field(description="Supports from accounts with a verified e-mail: the ones that count toward the "
                                  "support thresholds.")
    def verified_support_count(self) -> int:
        return self._model.verified_support_count

    @strawberry.field(description="The next support threshold this agenda can still reach (null when none is left, "
                                  "when its status takes no supports, or once supports no longer count toward one).")
    def next_support_threshold(self) -> SupportThresholdProgress | None:
        from datetime import timezone as _tz

        from server.accountability.policy import current
        from server.accountability.thresholds import COUNTING, window_closes

        m = self._model
        if m.status not in COUNTING:
            return None
        until = window_closes(m.routed_at or m.created_at)
        if datetime.now(_tz.utc) > until:
            return None
        reached = set(m.thresholds_reached or [])
        for count, action in current().support_thresholds:
            if action not in reached and m.verified_support_count < count:
                return SupportThresholdProgress(action=ThresholdAction(action), count=count,
                                                remaining=count - m.verified_support_count, counts_until=until)
        return None

    @strawberry.field(description="The owner's public official answer, once given.")
    async def official_answer(self, info: Info) -> OfficialAnswer | None:
        m = self._model
        if not m.official_answer:
            return None
        return OfficialAnswer(body=m.official_answer, answered_at=m.official_answer_at, _author_id=m.official_answer_by_id)

    @strawberry.field
    def field_label(self) -> Label:
        f = next(x for x in reference.POLICY_FIELDS if x.code == self._model.field)
        return Label(code=f.code, ko=f.ko, en=f.en, zh=f.zh)

    @strawberry.field
    def district_label(self) -> Label | None:
        d = next((x for x in reference.SEOUL_DISTRICTS if x.code == self._model.district), None)
        return Label(code=d.code, ko=d.ko, en=d.en, zh=d.zh) if d else None


# Agenda's plain fields that a column holds as is, for ``Agenda.from_rows``. The enum fields keep the
# column's value (the enum's value): both executors turn it into its GraphQL name as they do a member
# (graphql-core looks values up; schema/execution.py too), so no enum member is built per row.
_ROW_FIELDS = ("title", "body", "field", "channel", "status", "visibility", "district", "created_at",
               "updated_at", "status_changed_at", "version", "support_count", "status_reason")


@strawberry.type
class AgendaEdge:
    node: Agenda
    cursor: str


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class AgendaConnection:
    edges: list[AgendaEdge]
    page_info: PageInfo
    _count: strawberry.Private[object]

    @strawberry.field(description="How many agendas match the filter (all pages).")
    async def total_count(self) -> int:
        return await self._count

    @classmethod
    def from_page(cls, page, *, had_cursor: bool, people: PagePeople | None = None) -> "AgendaConnection":
        nodes = Agenda.nodes_of(page.items, people)
        new_edge = AgendaEdge.__new__
        edges = []
        for node, cursor in zip(nodes, page.cursors):  # AgendaEdge(node=, cursor=) without __init__'s call
            edge = new_edge(AgendaEdge)
            edge.__dict__.update(node=node, cursor=cursor)
            edges.append(edge)
        return cls(
            edges=edges,
            page_info=PageInfo(has_next_page=page.has_next, has_previous_page=had_cursor,
                               start_cursor=page.cursors[0] if page.cursors else None,
                               end_cursor=page.cursors[-1] if page.cursors else None),
            _count=page.total_count_query,
        )


@strawberry.input(description="Which agendas to list; lists hold at most 100 values each.")
class AgendaFilterInput:
    fields: list[PolicyField] | None = None
    statuses: list[AgendaStatus] | None = None
    channels: list[Channel] | None = None
    department_codes: list[str] | None = None
    districts: list[str] | None = None
    owner_kind: OwnerKind | None = None
    mine: bool = False
    created_after: datetime | None = None
    created_before: datetime | None = None

    @staticmethod
    def to_filter(f: "AgendaFilterInput | None") -> AgendaFilter:
        """The domain filter, through its one validation (ValidationErrors when a value is refused)."""
        if f is None:
            return AgendaFilter()
        return clean_filter(
            fields=[x.value for x in f.fields or []], statuses=[x.value for x in f.statuses or []],
            channels=[x.value for x in f.channels or []], department_codes=f.department_codes,
            districts=f.districts, owner_kind=f.owner_kind.value if f.owner_kind else None, mine=f.mine,
            created_after=f.created_after, created_before=f.created_before)
