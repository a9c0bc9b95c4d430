from __future__ import annotations

from collections import defaultdict

from strawberry.dataloader import DataLoader

from server.workshops.models import ActionItem, ExecutionPlan, Kpi, Milestone, Review, WorkshopItem, WorkshopParticipant


class _ByKey(DataLoader):
    def __init__(self, context) -> None:
        self.context = context
        super().__init__(load_fn=self._load)


class PlanByAgendaLoader(_ByKey):
    """Plans with their milestones and KPIs for many agendas in three queries."""

    async def _load(self, agenda_ids):
        plans = {p.agenda_id: p for p in await ExecutionPlan.filter(agenda_id__in=list(agenda_ids))}
        ids = [p.id for p in plans.values()]
        ms, ks = defaultdict(list), defaultdict(list)
        if ids:
            for m in await Milestone.filter(plan_id__in=ids).order_by("due_date", "id"):
                ms[m.plan_id].append(m)
            for k in await Kpi.filter(plan_id__in=ids).order_by("id"):
                ks[k.plan_id].append(k)
        return [(plans[a], ms[plans[a].id], ks[plans[a].id]) if a in plans else None for a in agenda_ids]


class ReviewsByAgendaLoader(_ByKey):
    async def _load(self, agenda_ids):
        grouped = defaultdict(list)
        for r in await Review.filter(agenda_id__in=list(agenda_ids)).order_by("id"):
            grouped[r.agenda_id].append(r)
        return [grouped.get(a, []) for a in agenda_ids]


class ItemsByWorkshopLoader(_ByKey):
    async def _load(self, workshop_ids):
        grouped = defaultdict(list)
        for i in await WorkshopItem.filter(workshop_id__in=list(workshop_ids)).order_by("id"):
            grouped[i.workshop_id].append(i)
        return [grouped.get(w, []) for w in workshop_ids]


class ParticipantsByWorkshopLoader(_ByKey):
    async def _load(self, workshop_ids):
        grouped = defaultdict(list)
        for p in await WorkshopParticipant.filter(workshop_id__in=list(workshop_ids)).order_by("id"):
            grouped[p.workshop_id].append(p)
        return [grouped.get(w, []) for w in workshop_ids]


class ActionsByItemLoader(_ByKey):
    async def _load(self, item_ids):
        grouped = defaultdict(list)
        for a in await ActionItem.filter(item_id__in=list(item_ids)).order_by("due_date", "id"):
            grouped[a.item_id].append(a)
        return [grouped.get(i, []) for i in item_ids]
