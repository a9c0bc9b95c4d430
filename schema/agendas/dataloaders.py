"""Request-scoped loaders: a page of agendas costs the same few queries whatever its size."""

from __future__ import annotations

from collections import defaultdict

from strawberry.dataloader import DataLoader

from server.accounts.models import User
from server.agendas.models import Agenda, AgendaEvent, Department, Follow, Support, WorkPlanItem


class _ByKey(DataLoader):
    def __init__(self, context) -> None:
        self.context = context
        super().__init__(load_fn=self._load)

    def known(self, key, default=None):
        """The value already loaded for ``key`` (``default`` when it is not loaded yet), without an
        await: a resolver that finds it here answers synchronously, which spares graphql-core a
        coroutine and a gather per row (the list resolvers load a page's people and departments
        up front: ``prefetch_page``)."""
        future = self.cache_map.get(key)
        if future is None or not future.done() or future.cancelled() or future.exception() is not None:
            return default
        return future.result()


async def prefetch_page(context, agendas, needs) -> None:
    """Load a page's proposers and owner departments in one query each, before the nodes resolve —
    those the query selects (``needs``: ``schema/agendas/selection.py``); a page that shows neither
    costs neither query."""
    users = {a.proposer_id for a in agendas if a.proposer_id is not None} if needs.proposers else ()
    departments = ({a.owner_department_id for a in agendas if a.owner_department_id is not None}
                   if needs.departments else ())
    if users:
        await context.loader(UserByIdLoader).load_many(sorted(users))
    if departments:
        await context.loader(DepartmentByIdLoader).load_many(sorted(departments))


class DepartmentByIdLoader(_ByKey):
    async def _load(self, ids):
        rows = {d.id: d for d in await Department.filter(id__in=list(ids))}
        return [rows.get(i) for i in ids]


class DepartmentByCodeLoader(_ByKey):
    async def _load(self, codes):
        rows = {d.code: d for d in await Department.filter(code__in=list(codes))}
        return [rows.get(c) for c in codes]


class UserByIdLoader(_ByKey):
    """People as others see them (a proposer, an actor, an author): what ``User.from_model`` shows,
    without the e-mail or the password hash (``schema/accounts/types.py`` reads the e-mail only for
    the user themself or an admin)."""

    async def _load(self, ids):
        rows = {u.id: u for u in await User.filter(id__in=list(ids)).only("id", "display_name", "role", "created_at")}
        return [rows.get(i) for i in ids]


class AgendaByIdLoader(_ByKey):
    async def _load(self, ids):
        rows = {a.id: a for a in await Agenda.filter(id__in=list(ids))}
        return [rows.get(i) for i in ids]


class WorkPlanItemByIdLoader(_ByKey):
    async def _load(self, ids):
        rows = {w.id: w for w in await WorkPlanItem.filter(id__in=list(ids))}
        return [rows.get(i) for i in ids]


class EventsByAgendaLoader(_ByKey):
    async def _load(self, agenda_ids):
        grouped = defaultdict(list)
        for e in await AgendaEvent.filter(agenda_id__in=list(agenda_ids)).order_by("id"):
            grouped[e.agenda_id].append(e)
        return [grouped.get(i, []) for i in agenda_ids]


class SupportedByViewerLoader(_ByKey):
    async def _load(self, agenda_ids):
        user = self.context.user
        if user is None:
            return [False] * len(agenda_ids)
        mine = set(await Support.filter(user_id=user.id, agenda_id__in=list(agenda_ids)).values_list("agenda_id", flat=True))
        return [i in mine for i in agenda_ids]


class FollowedByViewerLoader(_ByKey):
    async def _load(self, agenda_ids):
        user = self.context.user
        if user is None:
            return [False] * len(agenda_ids)
        mine = set(await Follow.filter(user_id=user.id, agenda_id__in=list(agenda_ids)).values_list("agenda_id", flat=True))
        return [i in mine for i in agenda_ids]
