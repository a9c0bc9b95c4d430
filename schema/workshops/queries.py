from __future__ import annotations

import strawberry
from strawberry.types import Info

from server.agendas.enums import AgendaStatus as S
from server.agendas.enums import PolicyField as PF
from server.errors import DomainError
from server.i18n import label as as_label
from server.i18n import msg
from server.workshops import reports, timeliness
from server.workshops.errors import WorkshopErrorCode as C
from server.workshops.models import InnovationCase as CaseModel
from server.workshops.models import Workshop as WorkshopModel
from server.workshops.policy import may_read_reports, may_read_workshops
from schema.agendas.types import Agenda, AgendaOwner, PolicyField
from schema.errors import graphql_error, query_domain
from schema.search.types import FacetCount
from schema.workshops.types import (
    CaseOrigin,
    FieldPerformance,
    FieldSummary,
    InnovationCase,
    MovedAgenda,
    OverdueItem,
    OwnerTimeliness,
    StatusCount,
    StatusTally,
    Workshop,
    WorkshopProgress,
)


async def _require(info: Info, check, what: str):
    viewer = await info.context.viewer()
    if viewer.user is None:
        raise graphql_error(DomainError(C.NOT_AUTHENTICATED, "You must be logged in."))
    if not check(viewer):
        raise graphql_error(DomainError(C.FORBIDDEN, msg("{what} are for city staff, facilitators and the research team.", what=as_label(what))))
    return viewer


def _tally(d: dict[str, int]) -> list[StatusTally]:
    return [StatusTally(status=S(k), count=v) for k, v in sorted(d.items())]


@strawberry.type
class WorkshopQueries:
    @strawberry.field(description="Workshops of a year (and quarter), by date.")
    async def workshops(self, info: Info, year: int, quarter: int | None = None) -> list[Workshop]:
        await _require(info, may_read_workshops, "Workshops")
        q = WorkshopModel.filter(year=year)
        if quarter is not None:
            q = q.filter(quarter=quarter)
        return [Workshop.from_model(w) for w in await q.order_by("held_on", "id")]

    @strawberry.field
    async def workshop(self, info: Info, id: strawberry.ID) -> Workshop | None:
        await _require(info, may_read_workshops, "Workshops")
        try:
            pk = int(id)
        except ValueError:
            return None
        w = await WorkshopModel.get_or_none(id=pk) if 0 < pk < 2**31 else None
        return Workshop.from_model(w) if w else None

    @strawberry.field(description="Where every agenda stands as of the quarter's end: counts by status × field × "
                                  "department, what moved since the previous quarter, stalled agendas, overdue "
                                  "milestones and action items, and a per-field summary.")
    async def workshop_progress(self, info: Info, year: int, quarter: int) -> WorkshopProgress:
        await _require(info, may_read_workshops, "Progress views")
        p = await query_domain(lambda: reports.workshop_progress(info.context.settings, year, quarter))
        return WorkshopProgress(
            year=p.year, quarter=p.quarter, as_of=p.as_of,
            counts=[StatusCount(status=S(s), field=PF(f), department_code=d, count=n) for s, f, d, n in p.counts],
            moved=[MovedAgenda(agenda=Agenda.from_model(m.agenda), from_status=S(m.from_status) if m.from_status else None,
                               to_status=S(m.to_status) if m.to_status else None, from_progress=m.from_progress,
                               to_progress=m.to_progress) for m in p.moved],
            stalled=[Agenda.from_model(a) for a in p.stalled],
            overdue_milestones=[OverdueItem(agenda=Agenda.from_model(o.agenda), title=o.title, due_date=o.due_date,
                                            owner=o.owner, kind=o.kind) for o in p.overdue_milestones],
            overdue_action_items=[OverdueItem(agenda=Agenda.from_model(o.agenda), title=o.title, due_date=o.due_date,
                                              owner=o.owner, kind=o.kind) for o in p.overdue_action_items],
            fields=[FieldSummary(field=PF(f.field), total=f.total, by_status=_tally(f.by_status),
                                 average_progress=f.average_progress, moved=f.moved, stalled=f.stalled) for f in p.fields],
            new_agendas=[Agenda.from_model(a) for a in p.new_agendas],
            districts=[FacetCount(value=d, count=n) for d, n in p.districts])

    @strawberry.field(description="The research team's report per policy field as of a quarter's end.")
    async def performance_report(self, info: Info, year: int, quarter: int) -> list[FieldPerformance]:
        await _require(info, may_read_reports, "Reports")
        rows = await query_domain(lambda: reports.performance_report(info.context.settings, year, quarter))
        return [FieldPerformance(field=PF(r.field), by_status=_tally(r.by_status), completion_rate=r.completion_rate,
                                 median_days_to_acceptance=r.median_days_to_acceptance,
                                 median_days_to_completion=r.median_days_to_completion, kpi_attainment=r.kpi_attainment,
                                 review_count=r.review_count, average_review_score=r.average_review_score) for r in rows]

    @strawberry.field(description="The performance report's accountability part: per owner that decided agendas in the "
                                  "quarter, the on-time rate and the median working days from routing to a decision.")
    async def owner_timeliness(self, info: Info, year: int, quarter: int) -> list[OwnerTimeliness]:
        await _require(info, may_read_reports, "Reports")
        rows = await query_domain(lambda: timeliness.owner_timeliness(info.context.settings, year, quarter))
        return [OwnerTimeliness(owner=AgendaOwner(kind=r.owner_kind, _department_id=r.department_id),
                                decisions=r.decisions, decided_on_time=r.decided_on_time, on_time_rate=r.on_time_rate,
                                median_working_days_to_decision=r.median_working_days) for r in rows]

    @strawberry.field(description="One published innovation case, by id (null when there is none). Open to everyone.")
    async def case(self, info: Info, id: strawberry.ID) -> InnovationCase | None:
        try:
            pk = int(id)
        except ValueError:
            return None
        c = await CaseModel.get_or_none(id=pk) if 0 < pk < 2**31 else None
        return InnovationCase.from_model(c) if c else None

    @strawberry.field(description="The case library: published innovation cases, newest first. Open to everyone.")
    async def cases(self, info: Info, field: PolicyField | None = None, origin: CaseOrigin | None = None,
                    first: int = 20) -> list[InnovationCase]:
        q = CaseModel.all()
        if field is not None:
            q = q.filter(field=field.value)
        if origin is not None:
            q = q.filter(origin=origin.value)
        return [InnovationCase.from_model(c) for c in await q.order_by("-id").limit(max(0, min(first, 100)))]
