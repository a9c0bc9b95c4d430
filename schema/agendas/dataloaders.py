"""Request-scoped loaders: a page of agendas costs the same few queries whatever its size."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from strawberry.dataloader import DataLoader

from schema.accounts.dataloaders import PERSON_SHOWN
from server.accounts.models import User
from server.agendas import department_table
from server.db import Row
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

    async def load_map(self, keys) -> dict:
        """Many keys' values by key. Those not loaded yet are fetched in one call of the batch function
        and primed into the cache, without the future, batch task and gather ``load_many`` spends on
        each key (a page's hundred proposers); a key another load has in flight is awaited."""
        missing = [k for k in keys if self.cache_map.get(k) is None]
        if missing:
            self.prime_many(dict(zip(missing, await self._load(missing))))
        found = {}
        for k in keys:
            value = self.known(k, _UNSET)
            found[k] = await self.load(k) if value is _UNSET else value
        return found


_UNSET = object()



@dataclass
class PagePeople:
    """A page's proposers and owner departments by id, loaded up front (``None``: not selected, not loaded)."""
    users: dict | None = None
    departments: dict | None = None


async def prefetch_page(context, agendas, needs) -> PagePeople:
    """Load a page's proposers and owner departments, before the nodes resolve: the proposers come with
    the page's own rows when they were read column by column (a join), otherwise in one query, and the
    departments from the table kept between requests (``server/agendas/department_table.py``) — those
    the query selects (``needs``: ``schema/agendas/selection.py``); a page that shows neither
    costs neither query. They come back by id, for the nodes to carry as prefetched values."""
    found = PagePeople()
    if needs.proposers:
        if agendas and all(hasattr(a, "proposer__display_name") for a in agendas):
            # read with the page (``selection.PROPOSER_COLUMNS``): no query (nor a loader future per person;
            # another field asking for one of them later loads it the ordinary way)
            joined = _joined_person_columns(agendas[0])  # a page's rows hold the same columns
            found.users = {a.proposer_id: _proposer_of(a, joined) for a in agendas}
        else:
            users = sorted({a.proposer_id for a in agendas if a.proposer_id is not None})
            found.users = await context.loader(UserByIdLoader).load_map(users) if users else {}
    if needs.departments:
        departments = {a.owner_department_id for a in agendas if a.owner_department_id is not None}
        if departments:
            table = await department_table.by_id()  # the whole table, kept between requests
            found.departments = {i: table[i] for i in departments if i in table}
            missing = sorted(departments - found.departments.keys())
            if missing:  # created through another machine's server moments ago: not in the table yet
                found.departments.update(await context.loader(DepartmentByIdLoader).load_map(missing))
        else:
            found.departments = {}
    return found


def _joined_person_columns(row) -> tuple[tuple[str, str], ...]:
    """(page column, person column) of the proposer's columns a page row holds."""
    values = row.__dict__
    return tuple((f"proposer__{c}", c) for c in PERSON_SHOWN if c != "id" and f"proposer__{c}" in values)


def _proposer_of(row, joined: tuple[tuple[str, str], ...]) -> Row | None:
    """A page row's joined proposer columns as the person ``UserByIdLoader`` would have read (the
    columns the query shows of them: ``selection.PROPOSER_COLUMNS``)."""
    values = row.__dict__
    if values["proposer__display_name"] is None:
        return None
    person = {"id": values["proposer_id"]}
    for column, name in joined:
        person[name] = values[column]
    return Row(person)


class DepartmentByIdLoader(_ByKey):
    """Departments as ``Department.from_model`` shows them, as plain ``Row``s (no model per row)."""

    async def _load(self, ids):
        rows = {d["id"]: Row(d) for d in await Department.filter(id__in=list(ids)).values(*department_table.SHOWN)}
        return [rows.get(i) for i in ids]


class DepartmentByCodeLoader(_ByKey):
    async def _load(self, codes):
        rows = {d.code: d for d in await Department.filter(code__in=list(codes))}
        return [rows.get(c) for c in codes]


class UserByIdLoader(_ByKey):
    """People as others see them (a proposer, an actor, an author): what ``User.from_model`` shows, as
    plain ``Row``s, without the e-mail or the password hash (``schema/accounts/types.py`` reads the e-mail only for
    the user themself or an admin)."""

    async def _load(self, ids):
        rows = {u["id"]: Row(u) for u in await User.filter(id__in=list(ids)).values(*PERSON_SHOWN)}
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
